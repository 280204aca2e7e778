/**
 * @module The process lifetime: what every request of every era shares, built once: the catalog and its
 * tools, execution settings with the one fetch and the one OAuth token cache, the session store and the
 * minting of session handles.
 */
import { randomBytes } from 'node:crypto';
import { ClientCredentialsTokens } from './auth/client-credentials-tokens.js';
import type { Credentials } from './auth/credentials.js';
import type { Config } from './config.js';
import { BodyBudget } from './http/body-budget.js';
import type { FetchLike } from './http/send-request.js';
import { silentLogger, type Logger } from './log.js';
import { MemorySessionStore } from './session/memory-session-store.js';
import { SessionHandles } from './session/session-handles.js';
import type { SessionStore } from './session/session-store.js';
import type { Catalog } from './openapi/catalog.js';
import { createTools } from './tools/create-tools.js';
import type { ExecutionSettings } from './tools/tool-context.js';
import type { ToolDefinition } from './tools/tool-definition.js';

/** What the process lifetime reads of the configuration, as resolveConfig decided it. */
export type RuntimeSettings = Pick<
  Config,
  | 'baseUrl'
  | 'serverVariables'
  | 'headers'
  | 'query'
  | 'timeoutMs'
  | 'maxResponseBytes'
  | 'maxBinaryBytes'
  | 'continuationTtlSeconds'
  | 'maxDownloadBytes'
  | 'maxBodyBytesInFlight'
  | 'sessionSecret'
  | 'sessionTtlSeconds'
  | 'sessionMaxAgeSeconds'
>;

export interface RuntimeOptions extends RuntimeSettings {
  catalog: Catalog;
  /** Secrets by security scheme name. */
  credentials: Credentials;
  /** Marks execute_endpoint read-only in its annotations (the catalog must be filtered to match). */
  readOnly: boolean;
  /** Default: a MemorySessionStore keeping state for sessionTtlSeconds. */
  store?: SessionStore;
  /** Default: the global fetch. Injected in tests and for custom agents. */
  fetch?: FetchLike;
  /** Called after every tool call, for metrics. */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', seconds: number) => void;
  /** Default: nothing logged. */
  logger?: Logger;
}

export interface Runtime {
  catalog: Catalog;
  tools: readonly ToolDefinition[];
  execution: ExecutionSettings;
  store: SessionStore;
  handles: SessionHandles;
  /** Bounds the upstream bodies held by all calls at once. */
  bodyBudget: BodyBudget;
  logger: Logger;
  onToolCall?: (tool: string, outcome: 'ok' | 'error', seconds: number) => void;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const fetcher = options.fetch ?? ((input: URL | string, init: RequestInit) => fetch(input, init));
  const execution: ExecutionSettings = {
    fetch: fetcher,
    baseUrl: options.baseUrl,
    serverVariables: options.serverVariables,
    headers: options.headers,
    query: options.query,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    maxBinaryBytes: options.maxBinaryBytes,
    continuationTtlSeconds: options.continuationTtlSeconds,
    maxDownloadBytes: options.maxDownloadBytes,
    credentials: options.credentials,
    tokens: new ClientCredentialsTokens(fetcher, options.timeoutMs),
  };
  return {
    catalog: options.catalog,
    tools: createTools(options.catalog, { readOnly: options.readOnly }),
    execution,
    store: options.store ?? new MemorySessionStore({ ttlSeconds: options.sessionTtlSeconds }),
    handles: new SessionHandles(options.sessionSecret ?? randomBytes(32), options.sessionMaxAgeSeconds * 1000),
    bodyBudget: new BodyBudget(options.maxBodyBytesInFlight, 'on this server'),
    logger: options.logger ?? silentLogger,
    ...(options.onToolCall ? { onToolCall: options.onToolCall } : {}),
  };
}
