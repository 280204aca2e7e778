/** @module The SessionStore interface: per-conversation discovery state that saves tokens and turns, never needed for correctness. */

/** What a conversation has done so far, as far as it helps the next call. */
export interface SessionState {
  /** Ids described in this conversation, oldest first: their repair errors skip what describe showed. */
  described: string[];
  /** Ids described or executed lately, oldest first: the part of the API the conversation works in. */
  recent: string[];
  /** Whether the tag overview was already shown. */
  tagOverviewShown: boolean;
}

/**
 * One thing a tool call learned. Facts only add to a state (sets and a flag, no counters), so
 * concurrent writers merge instead of overwriting each other, and none is lost.
 */
export type SessionFact = { described: string } | { executed: string } | { tagOverviewShown: true };

/** Kept small so a record stays far below any store's item limit. */
export const maxDescribedIds = 200;
export const maxRecentIds = 12;

export function emptySessionState(): SessionState {
  return { described: [], recent: [], tagOverviewShown: false };
}

/** The state after `facts`, in order; pure, and bounded whatever the facts. */
export function applyFacts(state: SessionState, facts: readonly SessionFact[]): SessionState {
  let { described, recent, tagOverviewShown } = state;
  for (const fact of facts) {
    if ('tagOverviewShown' in fact) tagOverviewShown = true;
    const id = 'described' in fact ? fact.described : 'executed' in fact ? fact.executed : undefined;
    if (id === undefined) continue;
    if ('described' in fact) described = [...described.filter((d) => d !== id), id].slice(-maxDescribedIds);
    // A part described ("addPet#/properties/body") is work on its operation: recent names operations, each once.
    const operation = operationOf(id);
    recent = [...recent.filter((r) => r !== operation), operation].slice(-maxRecentIds);
  }
  return { described, recent, tagOverviewShown };
}

/** The operation of an id that may point into its schema ("addPet#/properties/body"). */
function operationOf(id: string): string {
  const part = id.indexOf('#/');
  return part === -1 ? id : id.slice(0, part);
}

/** The rest of a response too long for one result, kept so the next part costs no API call. */
export interface ContinuationRecord {
  operationId: string;
  status: number;
  contentType?: string;
  text: string;
}

export interface SessionStore {
  /** The state under `key`, or undefined when there is none (never written, expired or evicted). */
  get(key: string): Promise<SessionState | undefined>;
  /** Adds facts to the state under `key` (creating it) and restarts its idle time. Never loses a fact to a concurrent writer. */
  record(key: string, facts: readonly SessionFact[]): Promise<void>;
  /** Ends a conversation for good: its state goes, and a tombstone remembers it for `ttlSeconds`. */
  end(key: string, ttlSeconds: number): Promise<void>;
  /** Whether `key` was ended (it must then be refused or replaced). */
  isEnded(key: string): Promise<boolean>;
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /** Keeps a long response for `ttlSeconds`, readable only under the same owner. */
  saveContinuation(owner: string, key: string, record: ContinuationRecord, ttlSeconds: number): Promise<void>;
  loadContinuation(owner: string, key: string): Promise<ContinuationRecord | undefined>;
  close(): Promise<void>;
}
