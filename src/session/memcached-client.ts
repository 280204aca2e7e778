/**
 * @module Memcached over memjs's binary-protocol request path, with what memjs's API lacks: the CAS
 * value on get, compare-and-swap writes and appends. Keys spread over servers by rendezvous hashing; a key
 * ending in `#n` goes to the n-th choice of the key before it, so copies of one item land on different servers.
 */
import memjs, { type Client as MemjsClient, type MemjsResponse } from 'memjs';
import { rankServers } from './rendezvous.js';

/** Binary protocol opcodes and statuses (https://github.com/memcached/memcached/wiki/BinaryProtocolRevamped). */
const opcode = { get: 0x00, set: 0x01, add: 0x02, delete: 0x04, append: 0x0e, touch: 0x1c } as const;
const status = { ok: 0, notFound: 1, exists: 2, notStored: 5 } as const;

export interface CasValue {
  value: Buffer;
  cas: Buffer;
}

export type CasOutcome = 'stored' | 'conflict';

export interface MemcachedClientOptions {
  /** Seconds before an operation counts as failed. */
  timeoutSeconds: number;
}

export class MemcachedClient {
  private readonly client: MemjsClient;

  /** @param servers `host:port` entries */
  constructor(
    readonly servers: readonly string[],
    options: MemcachedClientOptions,
  ) {
    const timeout = options.timeoutSeconds;
    this.client = memjs.Client.create(servers.join(','), {
      retries: 1,
      timeout,
      conntimeout: timeout,
      keepAlive: true,
      failover: false,
      // memjs logs failures to the console by default; in stdio mode stdout belongs to the protocol.
      logger: { log: () => undefined },
    });
    this.client.getServer = (key: string) => serverIndex(key, servers);
  }

  /** The value and its CAS token, or undefined when the key is absent. */
  async gets(key: string): Promise<CasValue | undefined> {
    const response = await this.perform(key, opcode.get, '', '');
    if (response.header.status === status.notFound) return undefined;
    this.check(response, 'get');
    return { value: Buffer.from(response.val), cas: Buffer.from(response.header.cas) };
  }

  async set(key: string, value: Buffer, ttlSeconds: number): Promise<void> {
    this.check(await this.perform(key, opcode.set, storageExtras(ttlSeconds), value), 'set');
  }

  /** Stores only if absent; 'conflict' when another writer created it first. */
  async add(key: string, value: Buffer, ttlSeconds: number): Promise<CasOutcome> {
    const response = await this.perform(key, opcode.add, storageExtras(ttlSeconds), value);
    if (response.header.status === status.exists || response.header.status === status.notStored) return 'conflict';
    this.check(response, 'add');
    return 'stored';
  }

  /** Adds `value` at the end of the key's value; 'conflict' when the key is absent (append never creates). */
  async append(key: string, value: Buffer): Promise<CasOutcome> {
    const response = await this.perform(key, opcode.append, '', value);
    if (response.header.status === status.notStored || response.header.status === status.notFound) return 'conflict';
    this.check(response, 'append');
    return 'stored';
  }

  /** Stores only if unchanged since `cas` was read; 'conflict' when it changed or vanished. */
  async cas(key: string, value: Buffer, ttlSeconds: number, cas: Buffer): Promise<CasOutcome> {
    const response = await this.perform(key, opcode.set, storageExtras(ttlSeconds), value, cas);
    if (response.header.status === status.exists || response.header.status === status.notFound || response.header.status === status.notStored)
      return 'conflict';
    this.check(response, 'cas');
    return 'stored';
  }

  /** Extends the key's expiry; false when it is absent. */
  async touch(key: string, ttlSeconds: number): Promise<boolean> {
    const extras = Buffer.alloc(4);
    extras.writeUInt32BE(ttlSeconds, 0);
    const response = await this.perform(key, opcode.touch, extras, '');
    if (response.header.status === status.notFound) return false;
    this.check(response, 'touch');
    return true;
  }

  async delete(key: string): Promise<void> {
    const response = await this.perform(key, opcode.delete, '', '');
    if (response.header.status !== status.notFound) this.check(response, 'delete');
  }

  close(): void {
    this.client.close();
  }

  private perform(key: string, code: number, extras: string | Buffer, value: string | Buffer, cas?: Buffer): Promise<MemjsResponse> {
    this.client.incrSeq();
    const seq = this.client.seq;
    const request = memjs.Utils.makeRequestBuffer(code, key, extras, value, seq);
    if (cas) cas.copy(request, 16); // the CAS field of the request header
    return new Promise((resolve, reject) => {
      this.client.perform(key, request, seq, (error, response) => {
        if (error || !response) reject(new Error(`memcached ${this.serverFor(key)}: ${error?.message ?? 'no response'}`));
        else resolve(response);
      });
    });
  }

  private check(response: MemjsResponse, what: string): void {
    if (response.header.status !== status.ok) throw new Error(`memcached ${what} failed with status ${response.header.status}`);
  }

  private serverFor(key: string): string {
    return this.servers[serverIndex(key, this.servers)] ?? '?';
  }
}

/** Flags (4 bytes, unused) and expiry in seconds (4 bytes). */
function storageExtras(ttlSeconds: number): Buffer {
  const extras = Buffer.alloc(8);
  extras.writeUInt32BE(0, 0);
  extras.writeUInt32BE(ttlSeconds, 4);
  return extras;
}

/** The server of a key; `key#n` is the n-th choice of `key`, for copies kept on several servers. */
function serverIndex(key: string, servers: readonly string[]): number {
  const copy = /^(.*)#(\d)$/.exec(key);
  const ranked = rankServers(copy ? copy[1]! : key, servers);
  return ranked[copy ? Number(copy[2]) % ranked.length : 0] ?? 0;
}
