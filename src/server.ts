/** @module createServer: the MCP server with its three tools, for any transport. */
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ClientCredentialsTokens } from './auth/client-credentials-tokens.js';
import type { Credentials } from './auth/credentials.js';
import { describeError } from './errors.js';
import type { FetchLike } from './http/send-request.js';
import { silentLogger, type Logger } from './log.js';
import { MemorySessionStore } from './session/memory-session-store.js';
import type { SessionStore } from './session/session-store.js';
import type { Catalog } from './spec/catalog.js';
import { describeEndpointTool } from './tools/describe-endpoint.js';
import { executeEndpointTool } from './tools/execute-endpoint.js';
import { listEndpointsTool } from './tools/list-endpoints.js';
import { SessionHandle, type ExecutionSettings, type ToolContext } from './tools/tool-context.js';
import type { ToolDefinition } from './tools/tool-definition.js';
import { toolError } from './tools/tool-result.js';
import { packageName, packageVersion } from './version.js';

export interface CreateServerOptions {
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
  /** Called after every tool call, for metrics. */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', seconds: number) => void;
  logger?: Logger;
  /** Session id for transports that have none (stdio). Default: a random id per server. */
  sessionId?: string;
}

/** The three tools, built once per catalog and shared by every server instance. */
export function createTools(catalog: Catalog, options: { readOnly?: boolean } = {}): ToolDefinition[] {
  return [listEndpointsTool(catalog), describeEndpointTool(), executeEndpointTool(catalog, options)];
}

export function createServer(options: CreateServerOptions, tools: ToolDefinition[] = createTools(options.catalog, { readOnly: options.readOnly ?? false })): Server {
  const { catalog } = options;
  const store = options.store ?? new MemorySessionStore();
  const logger = options.logger ?? silentLogger;
  const fallbackSessionId = options.sessionId ?? randomUUID();
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
  const byName = new Map(tools.map((t) => [t.definition.name, t]));

  const server = new Server(
    { name: packageName, version: packageVersion, title: `${catalog.title} (OpenAPI)` },
    {
      capabilities: { tools: {}, logging: {} },
      instructions:
        `This server gives access to the ${catalog.apiName} (${catalog.operations.length} endpoints) through three tools: ` +
        'list_endpoints to find an endpoint, describe_endpoint to see its inputs, execute_endpoint to call it.',
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: tools.map((t) => t.definition) }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}". This server has ${[...byName.keys()].join(', ')}.`);
    }
    const context: ToolContext = {
      catalog,
      execution,
      logger,
      session: new SessionHandle(store, extra.sessionId ?? fallbackSessionId, logger),
    };
    const started = performance.now();
    let result: CallToolResult;
    try {
      result = await tool.handle(request.params.arguments ?? {}, context);
    } catch (error) {
      logger.error(`Tool ${request.params.name} failed unexpectedly.`, { error: describeError(error) });
      result = toolError(`${request.params.name} failed unexpectedly: ${describeError(error)}. Try again; if it persists, report it with the arguments used.`);
    }
    options.onToolCall?.(request.params.name, result.isError ? 'error' : 'ok', (performance.now() - started) / 1000);
    return result;
  });
  return server;
}
