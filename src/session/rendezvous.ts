/** @module Rendezvous (highest random weight) hashing: each key goes to the server that scores highest for it, so adding a server moves only its share. */
import { createHash } from 'node:crypto';

/** Index of the server a key belongs to. */
export function pickServer(key: string, servers: readonly string[]): number {
  return rankServers(key, servers)[0] ?? 0;
}

/** Server indexes from the key's first choice to its last: copies of a key go to the first few. */
export function rankServers(key: string, servers: readonly string[]): number[] {
  return servers
    .map((server, index) => ({ index, score: createHash('sha256').update(server).update('\0').update(key).digest().readBigUInt64BE(0) }))
    .sort((a, b) => (a.score > b.score ? -1 : a.score < b.score ? 1 : 0))
    .map((s) => s.index);
}
