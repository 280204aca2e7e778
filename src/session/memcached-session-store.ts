/**
 * @module SessionStore in Memcached (memjs): namespaced hashed keys; a conversation's state is a log of facts
 * that writers append (so concurrent replicas merge and never lose a fact), compacted when it grows; sliding
 * TTL; tombstones kept on two servers; long continuations split across items.
 */
import { createHash } from 'node:crypto';
import { SessionStoreError, describeError } from '../errors.js';
import { MemcachedClient } from './memcached-client.js';
import { decodeFacts, encodeFacts, factsOf } from './session-facts.js';
import type { ContinuationRecord, SessionFact, SessionState, SessionStore } from './session-store.js';

export interface MemcachedSessionStoreOptions {
  /** `host:port` entries. */
  servers: readonly string[];
  /** Idle time after which a conversation's state expires, in seconds (refreshed on every use). */
  ttlSeconds: number;
  /** Prefix of every key, so several deployments can share a cluster. Default `odm`. */
  namespace?: string;
  /** Seconds before an operation counts as failed. Default 0.5: a store that slow is treated as down. */
  timeoutSeconds?: number;
  now?: () => number;
}

const continuationChunkBytes = 900 * 1024;
/** A fact log longer than this is rewritten as the state it adds up to. */
const compactAtBytes = 8 * 1024;
/** Ends this replica performed, remembered here too: they stay ended if memcached loses its data. */
const localTombstones = 10_000;

export class MemcachedSessionStore implements SessionStore {
  private readonly client: MemcachedClient;
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  private readonly tombstoneCopies: number;
  private readonly endedHere = new Map<string, number>();
  private readonly now: () => number;

  constructor(options: MemcachedSessionStoreOptions) {
    if (!options.servers.length) throw new SessionStoreError('No memcached servers given.', { hint: 'Pass --memcached host:port[,host:port...].' });
    this.client = new MemcachedClient(options.servers, { timeoutSeconds: options.timeoutSeconds ?? 0.5 });
    this.namespace = options.namespace ?? 'odm';
    this.ttlSeconds = options.ttlSeconds;
    this.tombstoneCopies = Math.min(2, options.servers.length);
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<SessionState | undefined> {
    const item = this.key('s', key);
    const found = await this.attempt('read', () => this.client.gets(item));
    if (!found) return undefined;
    // Sliding expiry: every use keeps the conversation alive; a failed touch only shortens its life.
    void this.client.touch(item, this.ttlSeconds).catch(() => undefined);
    const facts = decodeFacts(found.value);
    const state = factsOf(facts);
    if (found.value.length > compactAtBytes) {
      // Best effort: a writer that appended meanwhile makes the swap fail, and the next read tries again.
      void this.client.cas(item, encodeFacts(stateFacts(state)), this.ttlSeconds, found.cas).catch(() => undefined);
    }
    return state;
  }

  async record(key: string, facts: readonly SessionFact[]): Promise<void> {
    if (!facts.length) return;
    const item = this.key('s', key);
    const value = encodeFacts(facts);
    // Append merges with whatever other replicas wrote; only the first writer of a key creates it.
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await this.attempt('write', () => this.client.append(item, value))) === 'stored') {
        void this.client.touch(item, this.ttlSeconds).catch(() => undefined);
        return;
      }
      if ((await this.attempt('write', () => this.client.add(item, value, this.ttlSeconds))) === 'stored') return;
    }
    throw new SessionStoreError('A conversation record kept vanishing and reappearing while it was written; the facts were not kept.');
  }

  async end(key: string, ttlSeconds: number): Promise<void> {
    const tombstone = this.key('t', key);
    const writes = await Promise.allSettled(this.copies(tombstone).map((copy) => this.client.set(copy, Buffer.from('1'), ttlSeconds)));
    if (!writes.some((w) => w.status === 'fulfilled')) {
      const reason = writes.find((w): w is PromiseRejectedResult => w.status === 'rejected')?.reason;
      throw this.failure('write', reason);
    }
    this.rememberEnd(key, ttlSeconds);
    await this.client.delete(this.key('s', key)).catch(() => undefined);
  }

  async isEnded(key: string): Promise<boolean> {
    const until = this.endedHere.get(key);
    if (until !== undefined && until > this.now()) return true;
    const tombstone = this.key('t', key);
    const reads = await Promise.allSettled(this.copies(tombstone).map((copy) => this.client.gets(copy)));
    if (reads.some((r) => r.status === 'fulfilled' && r.value !== undefined)) return true;
    if (reads.every((r) => r.status === 'rejected')) throw this.failure('read', (reads[0] as PromiseRejectedResult).reason);
    return false;
  }

  async ping(): Promise<void> {
    await this.attempt('reach', () => this.client.gets(`${this.namespace}:ping`));
  }

  async saveContinuation(owner: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(record));
    const chunks = Math.max(1, Math.ceil(bytes.length / continuationChunkBytes));
    const base = this.key('c', `${owner}\n${key}`);
    for (let i = 0; i < chunks; i++) {
      const chunk = bytes.subarray(i * continuationChunkBytes, (i + 1) * continuationChunkBytes);
      await this.attempt('write', () => this.client.set(`${base}:${i}`, chunk, ttlSeconds));
    }
    // The head goes last: a reader that finds it finds every chunk.
    await this.attempt('write', () => this.client.set(base, Buffer.from(JSON.stringify({ chunks, bytes: bytes.length })), ttlSeconds));
  }

  async loadContinuation(owner: string, key: string): Promise<ContinuationRecord | undefined> {
    const base = this.key('c', `${owner}\n${key}`);
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

  /** Keys never hold the raw handle: a hash keeps them short (< 250 bytes) and opaque. */
  private key(kind: 's' | 't' | 'c', id: string): string {
    return `${this.namespace}:${kind}:${createHash('sha256').update(id).digest('base64url')}`;
  }

  /** The item and its copies on the next servers of its ranking. */
  private copies(item: string): string[] {
    return Array.from({ length: this.tombstoneCopies }, (_, i) => `${item}#${i}`);
  }

  private rememberEnd(key: string, ttlSeconds: number): void {
    this.endedHere.delete(key);
    this.endedHere.set(key, this.now() + ttlSeconds * 1000);
    while (this.endedHere.size > localTombstones) this.endedHere.delete(this.endedHere.keys().next().value!);
  }

  private async attempt<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  private failure(what: string, error: unknown): SessionStoreError {
    return new SessionStoreError(`The session store (memcached ${this.client.servers.join(',')}) could not ${what}: ${describeError(error)}`, {
      hint: 'Check that memcached is running and reachable; tools keep working without it, minus continuations.',
      cause: error,
    });
  }
}

/** The fewest facts that add up to `state`. */
function stateFacts(state: SessionState): SessionFact[] {
  const facts: SessionFact[] = state.described.map((id) => ({ described: id }));
  facts.push(...state.recent.map((id) => ({ executed: id })));
  if (state.tagOverviewShown) facts.push({ tagOverviewShown: true });
  return facts;
}
