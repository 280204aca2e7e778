/** @module The default SessionStore: a process-local map with a sliding TTL and a cap on sessions. */
import { emptySessionState, type SessionState, type SessionStore } from './session-store.js';

export interface MemorySessionStoreOptions {
  /** Idle time after which a session is forgotten, in ms. Default 1 hour. */
  ttlMs?: number;
  /** Most sessions kept; the least recently used go first. Default 10000. */
  maxSessions?: number;
  now?: () => number;
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, { state: SessionState; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.now = options.now ?? Date.now;
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
  }

  async close(): Promise<void> {
    this.sessions.clear();
  }
}
