/** @module A shared session store an operator can choose by flag: its flag and variable, how its entries are checked, how it opens. */
import type { SessionStore } from './session-store.js';

export interface SessionBackend {
  /** The flag's key in the configuration (`memcached` for `--memcached`). */
  name: string;
  /** For commander: `--memcached <servers>`. */
  flags: string;
  env: string;
  description: string;
  /** Checks one entry of the flag's comma-separated list at startup: throws a ConfigError naming `label` (the flag or its variable). */
  checkEntry(entry: string, label: string): void;
  /** Opens the store; its client library is loaded only when it is chosen. */
  open(entries: string[], options: { ttlSeconds: number }): Promise<SessionStore>;
}
