/** @module The default SessionStore: a process-local map with a sliding TTL and caps on conversations and continuation bytes. */
import { applyFacts, emptySessionState, type ContinuationRecord, type SessionFact, type SessionState, type SessionStore } from './session-store.js';

export interface MemorySessionStoreOptions {
  /** Idle time after which a conversation's state is forgotten, in seconds. */
  ttlSeconds: number;
  /** Most conversations kept; the least recently used go first. Default 10000. */
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
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly maxContinuationBytes: number;
  private readonly now: () => number;

  constructor(options: MemorySessionStoreOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.maxContinuationBytes = options.maxContinuationBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<SessionState | undefined> {
    const entry = this.sessions.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return undefined;
    }
    return entry.state;
  }

  async record(key: string, facts: readonly SessionFact[]): Promise<void> {
    const state = applyFacts((await this.get(key)) ?? emptySessionState(), facts);
    this.sessions.delete(key); // re-insert: Map order is our LRU order
    this.sessions.set(key, { state, expiresAt: this.now() + this.ttlMs });
    while (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
  }

  async end(key: string, ttlSeconds: number): Promise<void> {
    this.sessions.delete(key);
    this.ended.set(key, this.now() + ttlSeconds * 1000);
    while (this.ended.size > this.maxSessions) this.ended.delete(this.ended.keys().next().value!);
  }

  async isEnded(key: string): Promise<boolean> {
    const until = this.ended.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.ended.delete(key);
    return false;
  }

  async ping(): Promise<void> {}

  async saveContinuation(owner: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    const id = `${owner}\n${key}`;
    this.dropContinuation(id);
    const bytes = record.text.length * 2;
    this.continuations.set(id, { record, expiresAt: this.now() + ttlSeconds * 1000, bytes });
    this.continuationBytes += bytes;
    while (this.continuationBytes > this.maxContinuationBytes && this.continuations.size > 1) this.dropContinuation(this.continuations.keys().next().value!);
  }

  async loadContinuation(owner: string, key: string): Promise<ContinuationRecord | undefined> {
    const id = `${owner}\n${key}`;
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
