/** @module What a tool handler gets: the catalog, execution settings, and this session's state behind a failure-tolerant handle. */
import type { FetchLike } from '../http/send-request.js';
import type { Logger } from '../log.js';
import type { Catalog } from '../spec/catalog.js';
import { emptySessionState, type SessionState, type SessionStore } from '../session/session-store.js';

export interface ExecutionSettings {
  fetch: FetchLike;
  /** Overrides the document's servers. */
  baseUrl?: string;
  timeoutMs: number;
  maxResponseBytes: number;
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

  async update(change: (state: SessionState) => SessionState): Promise<void> {
    try {
      await this.store.update(this.sessionId, change);
    } catch (error) {
      this.logger.warn('Session store write failed; the state change is dropped.', { error: (error as Error).message });
    }
  }
}
