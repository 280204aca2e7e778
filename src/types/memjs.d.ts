/** @module Types for the parts of memjs (which ships none) that the Memcached store uses. */
declare module 'memjs' {
  export interface MemjsResponse {
    header: { status: number; opcode: number; cas: Buffer };
    val: Buffer;
    extras: Buffer;
  }
  export interface ClientOptions {
    retries?: number;
    retry_delay?: number;
    timeout?: number;
    conntimeout?: number;
    keepAlive?: boolean;
    failover?: boolean;
    failoverTime?: number;
    expires?: number;
    logger?: { log(...args: unknown[]): void };
  }
  export class Client {
    static create(servers: string, options?: ClientOptions): Client;
    seq: number;
    servers: unknown[];
    getServer(key: string): number;
    incrSeq(): void;
    perform(key: string, request: Buffer, seq: number, callback: (error: Error | null, response: MemjsResponse | null) => void, retries?: number): void;
    close(): void;
  }
  export const Utils: {
    makeRequestBuffer(opcode: number, key: string | Buffer, extras: string | Buffer, value: string | Buffer, opaque: number): Buffer;
  };
  const memjs: { Client: typeof Client; Utils: typeof Utils };
  export default memjs;
}
