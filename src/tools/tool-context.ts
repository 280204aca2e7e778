/** @module What a tool handler gets: the catalog, execution settings, and this session's state behind a failure-tolerant handle. */
import type { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import type { Credentials } from '../auth/credentials.js';
import { SessionStoreError } from '../errors.js';
import type { FetchLike } from '../http/send-request.js';
import type { Logger } from '../log.js';
import type { Catalog } from '../spec/catalog.js';
import { emptySessionState, type ContinuationRecord, type SessionState, type SessionStore } from '../session/session-store.js';

export interface ExecutionSettings {
  fetch: FetchLike;
  /** Overrides the document's servers. */
  baseUrl?: string;
  /** Values for the servers' `{variables}`, over their defaults. */
  serverVariables: Record<string, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  maxBinaryBytes: number;
  /** How long the rest of a long response stays available for continuations. */
  continuationTtlSeconds: number;
  /** Static headers sent with every request. */
  headers: Record<string, string>;
  credentials: Credentials;
  tokens: ClientCredentialsTokens;
}

export interface ToolContext {
  catalog: Catalog;
  execution: ExecutionSettings;
  session: SessionHandle;
  logger: Logger;
}

/**
 * One session's state. Store failures never fail a tool: state only saves tokens, so a read
 * that fails gives an empty state and a write that fails is logged and dropped.
 */
export class SessionHandle {
  constructor(
    private readonly store: SessionStore,
    readonly sessionId: string,
    private readonly logger: Logger,
  ) {}

  async read(): Promise<SessionState> {
    try {
      return (await this.store.get(this.sessionId)) ?? emptySessionState();
    } catch (error) {
      this.logger.warn('Session store read failed; continuing with an empty session state.', { error: (error as Error).message });
      return emptySessionState();
    }
  }

  /** Unlike state, a continuation is the result itself: failures are reported, not hidden. */
  async saveContinuation(key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    try {
      await this.store.saveContinuation(this.sessionId, key, record, ttlSeconds);
    } catch (error) {
      throw new SessionStoreError(`The session store could not keep the rest of the response: ${(error as Error).message}`, { cause: error });
    }
  }

  async loadContinuation(key: string): Promise<ContinuationRecord | undefined> {
    try {
      return await this.store.loadContinuation(this.sessionId, key);
    } catch (error) {
      throw new SessionStoreError(`The session store is unavailable, so the continuation cannot be read: ${(error as Error).message}`, {
        hint: 'Call the endpoint again, with a narrower select if the response is large.',
        cause: error,
      });
    }
  }

  async update(change: (state: SessionState) => SessionState): Promise<void> {
    try {
      await this.store.update(this.sessionId, change);
    } catch (error) {
      this.logger.warn('Session store write failed; the state change is dropped.', { error: (error as Error).message });
    }
  }
}
