/** @module `--memcached host:port,...`: session state in memcached, shared by every replica. */
import { ConfigError } from '../errors.js';
import type { SessionBackend } from './session-backend.js';

export const memcachedBackend: SessionBackend = {
  name: 'memcached',
  flags: '--memcached <servers>',
  env: 'OPENAPI_MCP_MEMCACHED',
  description: 'HTTP: memcached host:port list for session state shared by replicas',
  checkEntry(entry, label) {
    const match = /^(.+):(\d+)$/.exec(entry);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65_535)
      throw new ConfigError(`${label} takes host:port entries (port 1 to 65535); got "${entry}".`);
  },
  async open(servers, { ttlSeconds }) {
    const { MemcachedSessionStore } = await import('./memcached-session-store.js');
    return new MemcachedSessionStore({ servers, ttlSeconds });
  },
};
