/**
 * @module SessionStore in Memcached (memjs): namespaced hashed keys, JSON values under the item limit,
 * sliding TTL, compare-and-swap updates so replicas never lose each other's writes, and long
 * continuations split across items.
 */
import { createHash } from 'node:crypto';
import { SessionStoreError } from '../errors.js';
import { MemcachedClient } from './memcached-client.js';
import { emptySessionState, type ContinuationRecord, type SessionState, type SessionStore } from './session-store.js';

export interface MemcachedSessionStoreOptions {
  /** `host:port` entries. */
  servers: readonly string[];
  /** Prefix of every key, so several deployments can share a cluster. Default `odm`. */
  namespace?: string;
  /** Idle time after which a session's state expires, in seconds (refreshed on every use). Default 3600. */
  ttlSeconds?: number;
  /** Seconds before an operation counts as failed. Default 0.5. */
  timeoutSeconds?: number;
  /** Compare-and-swap attempts before an update gives up. Default 10. */
  maxCasAttempts?: number;
}

/** Memcached's default item limit is 1 MiB; stay clear of it, key and header included. */
const maxItemBytes = 1024 * 1024 - 4096;
const continuationChunkBytes = 900 * 1024;

export class MemcachedSessionStore implements SessionStore {
  private readonly client: MemcachedClient;
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  private readonly maxCasAttempts: number;

  constructor(options: MemcachedSessionStoreOptions) {
    if (!options.servers.length) throw new SessionStoreError('No memcached servers given.', { hint: 'Pass --memcached host:port[,host:port...].' });
    this.client = new MemcachedClient(options.servers, options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds });
    this.namespace = options.namespace ?? 'odm';
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.maxCasAttempts = options.maxCasAttempts ?? 10;
  }

  async get(sessionId: string): Promise<SessionState | undefined> {
    const key = this.key('s', sessionId);
    const found = await this.attempt('read', () => this.client.gets(key));
    if (!found) return undefined;
    // Sliding expiry: every use keeps the session alive; a failed touch only shortens its life.
    void this.client.touch(key, this.ttlSeconds).catch(() => undefined);
    return parseState(found.value);
  }

  async update(sessionId: string, change: (state: SessionState) => SessionState): Promise<SessionState> {
    const key = this.key('s', sessionId);
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const found = await this.attempt('read', () => this.client.gets(key));
      const current = found ? (parseState(found.value) ?? emptySessionState()) : emptySessionState();
      const next = { ...change(current), updatedAt: Date.now() };
      const value = encodeState(next);
      const outcome = await this.attempt('write', () => (found ? this.client.cas(key, value, this.ttlSeconds, found.cas) : this.client.add(key, value, this.ttlSeconds)));
      if (outcome === 'stored') return next;
      // Another replica wrote first: read its version and apply the change again.
    }
    throw new SessionStoreError(`Session update kept conflicting after ${this.maxCasAttempts} attempts.`);
  }

  async delete(sessionId: string): Promise<void> {
    await this.attempt('delete', () => this.client.delete(this.key('s', sessionId)));
  }

  async end(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.attempt('write', () => this.client.set(this.key('t', sessionId), Buffer.from('1'), ttlSeconds));
    await this.delete(sessionId);
  }

  async isEnded(sessionId: string): Promise<boolean> {
    return (await this.attempt('read', () => this.client.gets(this.key('t', sessionId)))) !== undefined;
  }

  async ping(): Promise<void> {
    await this.attempt('reach', () => this.client.gets(`${this.namespace}:ping`));
  }

  async saveContinuation(sessionId: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(record));
    const chunks = Math.max(1, Math.ceil(bytes.length / continuationChunkBytes));
    const base = this.key('c', `${sessionId}\n${key}`);
    for (let i = 0; i < chunks; i++) {
      const chunk = bytes.subarray(i * continuationChunkBytes, (i + 1) * continuationChunkBytes);
      await this.attempt('write', () => this.client.set(`${base}:${i}`, chunk, ttlSeconds));
    }
    // The head goes last: a reader that finds it finds every chunk.
    await this.attempt('write', () => this.client.set(base, Buffer.from(JSON.stringify({ chunks, bytes: bytes.length })), ttlSeconds));
  }

  async loadContinuation(sessionId: string, key: string): Promise<ContinuationRecord | undefined> {
    const base = this.key('c', `${sessionId}\n${key}`);
    const head = await this.attempt('read', () => this.client.gets(base));
    if (!head) return undefined;
    const { chunks } = JSON.parse(head.value.toString('utf8')) as { chunks: number };
    const parts: Buffer[] = [];
    for (let i = 0; i < chunks; i++) {
      const part = await this.attempt('read', () => this.client.gets(`${base}:${i}`));
      if (!part) return undefined; // evicted: treated as expired
      parts.push(part.value);
    }
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as ContinuationRecord;
  }

  async close(): Promise<void> {
    this.client.close();
  }

  /** Keys never hold the raw session id: a hash keeps them short (< 250 bytes) and opaque. */
  private key(kind: 's' | 't' | 'c', id: string): string {
    return `${this.namespace}:${kind}:${createHash('sha256').update(id).digest('base64url')}`;
  }

  private async attempt<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new SessionStoreError(`The session store (memcached ${this.client.servers.join(',')}) could not ${what}: ${(error as Error).message}`, {
        hint: 'Check that memcached is running and reachable; tools keep working without it, minus continuations.',
        cause: error,
      });
    }
  }
}

function parseState(value: Buffer): SessionState | undefined {
  try {
    return JSON.parse(value.toString('utf8')) as SessionState;
  } catch {
    return undefined;
  }
}

/** JSON under the item limit: the oldest described ids go first when a record grows too large. */
function encodeState(state: SessionState): Buffer {
  let value = Buffer.from(JSON.stringify(state));
  let trimmed = state;
  while (value.length > maxItemBytes && trimmed.described.length) {
    trimmed = { ...trimmed, described: trimmed.described.slice(Math.ceil(trimmed.described.length / 2)) };
    value = Buffer.from(JSON.stringify(trimmed));
  }
  if (value.length > maxItemBytes) throw new SessionStoreError(`A session record of ${value.length} bytes does not fit in a memcached item.`);
  return value;
}
