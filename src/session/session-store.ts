/** @module The SessionStore interface: per-session discovery state that saves tokens and turns, never needed for correctness. */

export interface SessionState {
  /** Ids described in this session: their invalid-argument errors can skip the full schema. */
  described: string[];
  /** Whether the tag overview was already shown in this session. */
  tagOverviewShown: boolean;
  /** Tool calls by tool name. */
  calls: Record<string, number>;
  /** What the client said at initialize (HTTP sessions): lets any replica serve the next request. */
  client?: SessionClient;
  createdAt: number;
  updatedAt: number;
}

export interface SessionClient {
  protocolVersion: string;
  clientInfo: { name: string; version: string; [key: string]: unknown };
  capabilities: Record<string, unknown>;
  logLevel?: string;
}

export function emptySessionState(now = Date.now()): SessionState {
  return { described: [], tagOverviewShown: false, calls: {}, createdAt: now, updatedAt: now };
}

/** Kept small so a record stays far below any store's item limit. */
export const maxDescribedIds = 500;

/** The rest of a response too long for one result, kept so the next part costs no API call. */
export interface ContinuationRecord {
  operationId: string;
  status: number;
  contentType?: string;
  text: string;
}

export interface SessionStore {
  /** The session's state, or undefined when there is none (never stored, expired or evicted). */
  get(sessionId: string): Promise<SessionState | undefined>;
  /**
   * Applies `change` to the current state (an empty one when there is none) and stores the result.
   * `change` may run more than once when another writer got there first: keep it a pure function.
   */
  update(sessionId: string, change: (state: SessionState) => SessionState): Promise<SessionState>;
  delete(sessionId: string): Promise<void>;
  /** Ends a session for good: its state goes, and a tombstone remembers it for `ttlSeconds`. */
  end(sessionId: string, ttlSeconds: number): Promise<void>;
  /** Whether the session was ended (its id must then be refused). */
  isEnded(sessionId: string): Promise<boolean>;
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /** Keeps a long response for `ttlSeconds`, readable only by the same session. */
  saveContinuation(sessionId: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void>;
  loadContinuation(sessionId: string, key: string): Promise<ContinuationRecord | undefined>;
  close(): Promise<void>;
}
