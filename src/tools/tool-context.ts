/** @module What a tool handler gets: the catalog, execution settings, and the conversation it runs in. */
import type { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import type { Credentials } from '../auth/credentials.js';
import type { Config } from '../config.js';
import type { BodyLease } from '../http/body-budget.js';
import type { FetchLike } from '../http/send-request.js';
import type { Logger } from '../log.js';
import type { Conversation } from '../session/conversation.js';
import type { Catalog } from '../openapi/catalog.js';

/** How tools call the API and shape its answers: the configured settings and the process's fetch and token cache. */
export interface ExecutionSettings extends Pick<
  Config,
  'baseUrl' | 'serverVariables' | 'headers' | 'query' | 'timeoutMs' | 'maxResponseBytes' | 'maxBinaryBytes' | 'continuationTtlSeconds' | 'maxDownloadBytes'
> {
  fetch: FetchLike;
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
