/** @module What a tool handler gets: the catalog, execution settings, and the conversation it runs in. */
import type { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import type { Credentials } from '../auth/credentials.js';
import type { BodyLease } from '../http/body-budget.js';
import type { FetchLike } from '../http/send-request.js';
import type { Logger } from '../log.js';
import type { Conversation } from '../session/conversation.js';
import type { Catalog } from '../openapi/catalog.js';

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
  /** One per process: a client-credentials token is fetched once per expiry, whatever the transport. */
  tokens: ClientCredentialsTokens;
  /** This call's share of the upstream body budgets (set per call). */
  bodyLease?: BodyLease;
}

export interface ToolContext {
  catalog: Catalog;
  execution: ExecutionSettings;
  session: Conversation;
  logger: Logger;
}
