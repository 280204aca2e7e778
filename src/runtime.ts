/**
 * @module The process lifetime: what every request of every era shares, built once: the catalog and its
 * tools, execution settings with the one fetch and the one OAuth token cache, the session store and the
 * minting of session handles.
 */
import { randomBytes } from 'node:crypto';
import { ClientCredentialsTokens } from './auth/client-credentials-tokens.js';
import type { Credentials } from './auth/credentials.js';
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

export interface RuntimeOptions {
  catalog: Catalog;
  /** Default: a new MemorySessionStore. */
  store?: SessionStore;
  /** Default: the global fetch. Injected in tests and for custom agents. */
  fetch?: FetchLike;
  /** Overrides the document's servers. */
  baseUrl?: string;
  /** Upstream timeout in ms. Default 30000. */
  timeoutMs?: number;
  /** Largest response body returned in one result, in bytes. Default 40000. */
  maxResponseBytes?: number;
  /** Largest binary body returned inline (image or resource), in bytes. Default 1 MiB. */
  maxBinaryBytes?: number;
  /** How long the rest of a long response stays available, in seconds. Default 600. */
  continuationTtlSeconds?: number;
  /** Values for server URL variables, over their defaults. */
  serverVariables?: Record<string, string>;
  /** Headers sent with every upstream request. */
  headers?: Record<string, string>;
  /** Secrets by security scheme name. */
  credentials?: Credentials;
  /** Marks execute_endpoint read-only in its annotations (the catalog must be filtered to match). */
  readOnly?: boolean;
  /** Signs session handles; the same on every replica. Default: random per process. */
  sessionSecret?: string;
  /** Idle seconds before a conversation's state expires (for the default store). Default 3600. */
  sessionTtlSeconds?: number;
  /** Absolute lifetime of a session handle, in seconds. Default 86400. */
  sessionMaxAgeSeconds?: number;
  /** Upstream body bytes all calls together may hold at once. Default 128 MiB (two of the largest answers read: each costs several times its size while it is shaped). */
  maxBodyBytesInFlight?: number;
  /** Called after every tool call, for metrics. */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', seconds: number) => void;
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
  const timeoutMs = options.timeoutMs ?? 30_000;
  const execution: ExecutionSettings = {
    fetch: fetcher,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? 40_000,
    maxBinaryBytes: options.maxBinaryBytes ?? 1_048_576,
    continuationTtlSeconds: options.continuationTtlSeconds ?? 600,
    serverVariables: options.serverVariables ?? {},
    headers: options.headers ?? {},
    credentials: options.credentials ?? new Map(),
    tokens: new ClientCredentialsTokens(fetcher, timeoutMs),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  };
  return {
    catalog: options.catalog,
    tools: createTools(options.catalog, { readOnly: options.readOnly ?? false }),
    execution,
    store: options.store ?? new MemorySessionStore({ ttlSeconds: options.sessionTtlSeconds ?? 3600 }),
    handles: new SessionHandles(options.sessionSecret ?? randomBytes(32), (options.sessionMaxAgeSeconds ?? 86_400) * 1000),
    bodyBudget: new BodyBudget(options.maxBodyBytesInFlight ?? 128 * 1024 * 1024, 'on this server'),
    logger: options.logger ?? silentLogger,
    ...(options.onToolCall ? { onToolCall: options.onToolCall } : {}),
  };
}
