/**
 * @module The life of a 2025-era session on the hosted endpoint, without a socket: minted at initialize,
 * verified on every later request (HMAC, lifetime, not ended), ended by DELETE. Any replica decides the
 * same way: the id is a session handle, and an ended one is a tombstone in the shared store
 * (https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management).
 */
import { describeError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { SessionHandles } from '../../session/session-handles.js';
import type { SessionStore } from '../../session/session-store.js';

/** What happened to a session, for metrics. */
export type SessionEvent = 'created' | 'resumed' | 'rejected' | 'ended';

/** A request may go on under `sessionId`, or is answered with `status` and `message` (a JSON-RPC error). */
export type SessionOpening =
  { ok: true; sessionId: string; event: 'created' | 'resumed' } | { ok: false; status: 400 | 404; message: string; event?: 'rejected' };

export type SessionEnding = { ok: true; event: 'ended' } | { ok: false; status: 404 | 503; message: string; retryAfterSeconds?: number };

export interface SessionLifecycleOptions {
  handles: SessionHandles;
  store: SessionStore;
  logger: Logger;
  /** How long an ended session's tombstone is kept: its id's whole possible lifetime. */
  endedTtlSeconds: number;
}

export class SessionLifecycle {
  constructor(private readonly options: SessionLifecycleOptions) {}

  /** The session of a POST: a new one when its messages include initialize, else the one its Mcp-Session-Id names. */
  async open(messages: readonly unknown[], givenId: string | undefined, principal: string): Promise<SessionOpening> {
    if (messages.some((m) => (m as { method?: unknown } | null)?.method === 'initialize')) {
      return { ok: true, sessionId: this.options.handles.mint(principal), event: 'created' };
    }
    if (!givenId) return { ok: false, status: 400, message: 'Bad Request: the Mcp-Session-Id header is required; send initialize first to get one.' };
    if (!(await this.usable(givenId, principal))) {
      return { ok: false, status: 404, message: 'Session not found: it expired or was ended. Send initialize to start a new session.', event: 'rejected' };
    }
    return { ok: true, sessionId: givenId, event: 'resumed' };
  }

  /** Ends the session a DELETE names, for every replica; a store that cannot record it asks the client to retry. */
  async end(givenId: string | undefined, principal: string): Promise<SessionEnding> {
    if (!givenId || !this.options.handles.verify(givenId, principal).valid) return { ok: false, status: 404, message: 'Session not found.' };
    try {
      await this.options.store.end(givenId, this.options.endedTtlSeconds);
    } catch (error) {
      // Saying "ended" here would be a lie every other replica could expose: the client should retry.
      return { ok: false, status: 503, message: `The session was not ended: ${describeError(error).split('\n')[0]} Retry the DELETE.`, retryAfterSeconds: 5 };
    }
    return { ok: true, event: 'ended' };
  }

  /** Valid HMAC for this caller, within its lifetime, not ended. A missing record is fine: it starts afresh. */
  private async usable(id: string, principal: string): Promise<boolean> {
    if (!this.options.handles.verify(id, principal).valid) return false;
    try {
      return !(await this.options.store.isEnded(id));
    } catch (error) {
      // The store is down: serve the session without its state rather than refuse it.
      this.options.logger.warn('Session store unavailable while checking a session; serving it without stored state.', { error: describeError(error) });
      return true;
    }
  }
}
