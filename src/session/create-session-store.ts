/**
 * @module The session store a configuration asks for: a shared backend chosen by its flag, else the in-memory
 * store (one replica only). A new backend is a file beside memcached-backend.ts and a line in `sessionBackends`.
 */
import { memcachedBackend } from './memcached-backend.js';
import { MemorySessionStore } from './memory-session-store.js';
import type { SessionBackend } from './session-backend.js';
import type { SessionStore } from './session-store.js';

/** Every shared backend, in the order their flags are read. */
export const sessionBackends: readonly SessionBackend[] = [memcachedBackend];

/** The backend a flag chose and the entries it was given (checked by the backend at startup). */
export interface SessionStoreChoice {
  backend: string;
  entries: string[];
}

export interface SessionStoreSettings {
  /** None: the in-memory store. */
  sessionStore?: SessionStoreChoice;
  /** Idle seconds before a conversation's state expires. */
  sessionTtlSeconds: number;
}

export async function createSessionStore(settings: SessionStoreSettings): Promise<SessionStore> {
  const choice = settings.sessionStore;
  const backend = choice && sessionBackends.find((b) => b.name === choice.backend);
  if (!choice || !backend) return new MemorySessionStore({ ttlSeconds: settings.sessionTtlSeconds });
  return backend.open(choice.entries, { ttlSeconds: settings.sessionTtlSeconds });
}

/** `memcached 10.0.0.1:11211,10.0.0.2:11211`, or `memory`, for the startup log. */
export function describeSessionStore(settings: Pick<SessionStoreSettings, 'sessionStore'>): string {
  return settings.sessionStore ? `${settings.sessionStore.backend} ${settings.sessionStore.entries.join(',')}` : 'memory';
}
