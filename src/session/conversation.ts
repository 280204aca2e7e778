/**
 * @module One tool call's view of its conversation: which handle it runs under (the one passed, the
 * transport's, or a fresh one), and that conversation's state behind failure-tolerant reads and writes.
 */
import { SessionStoreError, describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { SessionHandles } from './session-handles.js';
import { emptySessionState, type ContinuationRecord, type SessionFact, type SessionState, type SessionStore } from './session-store.js';

/** Who is calling and how, for one request. */
export interface ConversationScope {
  store: SessionStore;
  handles: SessionHandles;
  logger: Logger;
  /** Who authenticated ("" when callers are anonymous): handles and continuations are bound to it. */
  principal: string;
  /** The transport's own key for the conversation, when it has one: a 2025-era Mcp-Session-Id, a stdio connection. */
  transportKey?: string;
}

/**
 * The conversation a call belongs to. A handle we minted for this principal, not ended, is honoured;
 * anything else (unknown, expired, foreign, ended) is never an error: the call goes on under the
 * transport's key or a fresh handle, which the result names.
 */
export async function openConversation(scope: ConversationScope, given: unknown): Promise<Conversation> {
  if (typeof given === 'string' && given && scope.handles.verify(given, scope.principal).valid && !(await endedOrUnknown(scope, given))) {
    return new Conversation(scope, given, false);
  }
  if (scope.transportKey) return new Conversation(scope, scope.transportKey, given !== undefined && given !== scope.transportKey);
  return new Conversation(scope, scope.handles.mint(scope.principal), true);
}

/** A store that cannot answer does not end a conversation: state only saves tokens. */
async function endedOrUnknown(scope: ConversationScope, handle: string): Promise<boolean> {
  try {
    return await scope.store.isEnded(handle);
  } catch (error) {
    scope.logger.warn('Session store unavailable while checking a session handle; honouring it without stored state.', { error: describeError(error) });
    return false;
  }
}

export class Conversation {
  private loaded?: Promise<SessionState>;

  constructor(
    private readonly scope: ConversationScope,
    /** The handle results carry. */
    readonly handle: string,
    /** Whether the caller does not know this handle yet, so the result's text should name it. */
    readonly announce: boolean,
  ) {}

  /** The state so far, read once per call; a store failure gives an empty state. */
  state(): Promise<SessionState> {
    this.loaded ??= this.scope.store.get(this.handle).then(
      (state) => state ?? emptySessionState(),
      (error: unknown) => {
        this.scope.logger.warn('Session store read failed; continuing with an empty session state.', { error: describeError(error) });
        return emptySessionState();
      },
    );
    return this.loaded;
  }

  /** Adds facts; a store failure is logged and the facts are dropped. */
  async record(...facts: SessionFact[]): Promise<void> {
    try {
      await this.scope.store.record(this.handle, facts);
    } catch (error) {
      this.scope.logger.warn('Session store write failed; the state change is dropped.', { error: describeError(error) });
    }
  }

  /** Unlike state, a continuation is the result itself: failures are reported, not hidden. */
  async saveContinuation(key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void> {
    try {
      await this.scope.store.saveContinuation(this.scope.principal, key, record, ttlSeconds);
    } catch (error) {
      throw new SessionStoreError(`The session store could not keep the rest of the response: ${describeError(error)}`, { cause: error });
    }
  }

  /** Continuations belong to the principal, not to a handle: any call of the same caller may redeem them. */
  async loadContinuation(key: string): Promise<ContinuationRecord | undefined> {
    try {
      return await this.scope.store.loadContinuation(this.scope.principal, key);
    } catch (error) {
      throw new SessionStoreError(`The session store is unavailable, so the continuation cannot be read: ${describeError(error)}`, {
        hint: 'Call the endpoint again, with a narrower select if the response is large.',
        cause: error,
      });
    }
  }
}
