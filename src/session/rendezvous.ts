/** @module Rendezvous (highest random weight) hashing: each key goes to the server that scores highest for it, so adding a server moves only its share. */
import { createHash } from 'node:crypto';

/** Index of the server a key belongs to. */
export function pickServer(key: string, servers: readonly string[]): number {
  let best = 0;
  let bestScore = -1n;
  servers.forEach((server, index) => {
    const score = createHash('sha256').update(server).update('\0').update(key).digest().readBigUInt64BE(0);
    if (score > bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}
