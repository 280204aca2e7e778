/** @module The default SessionStore: a process-local map with a sliding TTL and a cap on sessions. */
import { emptySessionState, type ContinuationRecord, type SessionState, type SessionStore } from './session-store.js';

export interface MemorySessionStoreOptions {
  /** Idle time after which a session is forgotten, in ms. Default 1 hour. */
  ttlMs?: number;
  /** Most sessions kept; the least recently used go first. Default 10000. */
  maxSessions?: number;
  /** Most bytes of continuation text kept; the oldest go first. Default 64 MiB. */
  maxContinuationBytes?: number;
  now?: () => number;
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, { state: SessionState; expiresAt: number }>();
  private readonly ended = new Map<string, number>();
  private readonly continuations = new Map<string, { record: ContinuationRecord; expiresAt: number; bytes: number }>();
  private continuationBytes = 0;
  private readonly maxContinuationBytes: number;
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.now = options.now ?? Date.now;
    this.maxContinuationBytes = options.maxContinuationBytes ?? 64 * 1024 * 1024;
  }

  async get(sessionId: string): Promise<SessionState | undefined> {
    const entry = this.sessions.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return structuredClone(entry.state);
  }

  async update(sessionId: string, change: (state: SessionState) => SessionState): Promise<SessionState> {
    const current = (await this.get(sessionId)) ?? emptySessionState(this.now());
    const next = { ...change(current), updatedAt: this.now() };
    this.sessions.delete(sessionId); // re-insert: Map order is our LRU order
    this.sessions.set(sessionId, { state: structuredClone(next), expiresAt: this.now() + this.ttlMs });
    while (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    return next;
  }

  async delete(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    for (const id of [...this.continuations.keys()]) if (id.startsWith(`${sessionId}\n`)) this.dropContinuation(id);
  }

  async end(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.delete(sessionId);
    this.ended.set(sessionId, this.now() + ttlSeconds * 1000);
  }

  async isEnded(sessionId: string): Promise<boolean> {
    const until = this.ended.get(sessionId);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.ended.delete(sessionId);
    return false;
  }

  async ping(): Promise<void> {}

  async saveContinuation(sessionId: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    const id = `${sessionId}\n${key}`;
    this.dropContinuation(id);
    const bytes = record.text.length * 2;
    this.continuations.set(id, { record, expiresAt: this.now() + ttlSeconds * 1000, bytes });
    this.continuationBytes += bytes;
    while (this.continuationBytes > this.maxContinuationBytes && this.continuations.size > 1) this.dropContinuation(this.continuations.keys().next().value!);
  }

  async loadContinuation(sessionId: string, key: string): Promise<ContinuationRecord | undefined> {
    const id = `${sessionId}\n${key}`;
    const entry = this.continuations.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.dropContinuation(id);
      return undefined;
    }
    return entry.record;
  }

  async close(): Promise<void> {
    this.sessions.clear();
    this.continuations.clear();
    this.continuationBytes = 0;
  }

  private dropContinuation(id: string): void {
    const entry = this.continuations.get(id);
    if (!entry) return;
    this.continuations.delete(id);
    this.continuationBytes -= entry.bytes;
  }
}
