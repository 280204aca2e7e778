/**
 * @module The hosted Streamable HTTP server. Every request gets a fresh MCP server and a stateless SDK
 * transport; we own the Mcp-Session-Id, so any replica can serve the next request of any session:
 * ids verify by HMAC, and session state lives in the shared SessionStore.
 * (https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#streamable-http)
 */
import { createServer as createNodeServer, type IncomingMessage, type Server as NodeServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { InitializeRequestSchema, LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { describeError } from '../../errors.js';
import type { FetchLike } from '../../http/send-request.js';
import type { ServerMetrics } from '../../observability/metrics.js';
import { createServer, createTools, type CreateServerOptions } from '../../server.js';
import type { SessionStore } from '../../session/session-store.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { checkRequest, type GuardOptions } from './request-guards.js';
import { SessionIds } from './session-ids.js';

export interface HttpServerOptions {
  /** Everything createServer takes, except the store and the session id, which are per request here. */
  runtime: CreateServerOptions;
  store: SessionStore;
  metrics: ServerMetrics;
  host: string;
  port: number;
  guards: GuardOptions;
  /** Shared by all replicas: session ids minted by one verify on every other. */
  sessionSecret: string;
  /** Absolute session lifetime in ms. */
  sessionMaxAgeMs: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Incoming header per security scheme: each client sends its own upstream credential. */
  credentialHeaders: Record<string, string>;
  /** Answer with plain JSON instead of an SSE stream. */
  jsonResponses: boolean;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { runtime, store, metrics } = options;
  const logger = runtime.logger!;
  const ids = new SessionIds(options.sessionSecret, options.sessionMaxAgeMs);
  const tools = createTools(runtime.catalog, { readOnly: runtime.readOnly ?? false });
  const fetch = instrumentFetch(runtime.fetch ?? ((input, init) => globalThis.fetch(input, init)), metrics);
  let shuttingDown = false;

  const node: NodeServer = createNodeServer((req, res) => {
    const started = performance.now();
    const route = routeOf(req.url ?? '/');
    res.on('finish', () => {
      metrics.httpRequests.inc({ route, status: String(res.statusCode) });
      logger.debug('http', { method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) });
    });
    handle(req, res, route).catch((error: unknown) => {
      logger.error('Unhandled error serving a request.', { route, error: describeError(error) });
      if (!res.headersSent) sendJson(res, 500, jsonRpcError(-32603, 'Internal error'));
      else res.end();
    });
  });
  node.headersTimeout = 15_000;
  node.requestTimeout = 30_000;
  node.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
    if (route === '/healthz') return sendText(res, 200, 'ok\n');
    if (route === '/readyz') return ready(res);
    if (route === '/metrics') return sendText(res, 200, metrics.render(), 'text/plain; version=0.0.4');
    if (route !== '/mcp') return sendJson(res, 404, { error: 'Not found. The MCP endpoint is /mcp.' });

    const guard = checkRequest(req, options.guards);
    if (!guard.ok) {
      if (guard.status === 401) res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, guard.status, jsonRpcError(-32001, guard.message));
    }
    if (req.method === 'GET') {
      res.setHeader('allow', 'POST, DELETE');
      return sendJson(res, 405, jsonRpcError(-32000, 'This server has no standalone SSE stream: notifications arrive on the stream of the POST they belong to.'));
    }
    if (req.method === 'DELETE') return endSession(req, res, guard.clientKey);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, DELETE');
      return sendJson(res, 405, jsonRpcError(-32000, `Method ${req.method} is not allowed on /mcp.`));
    }
    if (shuttingDown) {
      res.setHeader('connection', 'close');
      return sendJson(res, 503, jsonRpcError(-32000, 'This replica is shutting down; retry on another.'));
    }

    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, options.maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, jsonRpcError(-32600, error.message));
      return sendJson(res, 400, jsonRpcError(-32700, 'Parse error: the body is not valid JSON.'));
    }
    const messages = Array.isArray(body) ? body : [body];
    if (!messages.length || !messages.every((m) => typeof m === 'object' && m !== null && (m as { jsonrpc?: unknown }).jsonrpc === '2.0')) {
      return sendJson(res, 400, jsonRpcError(-32600, 'Invalid request: expected a JSON-RPC 2.0 message.'));
    }
    const initialize = messages.find((m) => (m as { method?: unknown }).method === 'initialize');

    let sessionId: string;
    if (initialize) {
      sessionId = ids.mint(guard.clientKey);
      await rememberClient(sessionId, initialize);
      res.setHeader('mcp-session-id', sessionId);
      metrics.sessions.inc({ event: 'created' });
    } else {
      const given = req.headers['mcp-session-id'];
      if (typeof given !== 'string' || !given) {
        return sendJson(res, 400, jsonRpcError(-32000, 'Bad Request: the Mcp-Session-Id header is required; send initialize first to get one.'));
      }
      if (!(await sessionUsable(given, guard.clientKey))) {
        metrics.sessions.inc({ event: 'rejected' });
        return sendJson(res, 404, jsonRpcError(-32001, 'Session not found: it expired or was ended. Send initialize to start a new session.'));
      }
      sessionId = given;
    }

    const server = createServer(
      {
        ...runtime,
        store,
        sessionId,
        fetch,
        credentials: credentialsFor(req),
        onToolCall: (tool, outcome, seconds) => {
          metrics.toolCalls.inc({ tool, outcome });
          runtime.onToolCall?.(tool, outcome, seconds);
        },
      },
      tools,
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: options.jsonResponses });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  /** Valid HMAC for this client, within its lifetime, not ended. A missing record is fine: it starts afresh. */
  async function sessionUsable(id: string, clientKey: string): Promise<boolean> {
    if (!ids.verify(id, clientKey).valid) return false;
    try {
      if (await store.isEnded(id)) return false;
      if (!(await store.get(id))) metrics.sessions.inc({ event: 'recreated' });
      else metrics.sessions.inc({ event: 'resumed' });
    } catch (error) {
      // The store is down: serve the session without its state rather than refuse it.
      logger.warn('Session store unavailable while checking a session; serving it without stored state.', { error: describeError(error) });
    }
    return true;
  }

  /** Keeps what the client said at initialize, normalised through the SDK's schema. */
  async function rememberClient(sessionId: string, message: unknown): Promise<void> {
    const parsed = InitializeRequestSchema.safeParse(message);
    if (!parsed.success) return;
    const { protocolVersion, clientInfo, capabilities } = parsed.data.params;
    const negotiated = SUPPORTED_PROTOCOL_VERSIONS.includes(protocolVersion) ? protocolVersion : LATEST_PROTOCOL_VERSION;
    try {
      await store.update(sessionId, (state) => ({ ...state, client: { protocolVersion: negotiated, clientInfo, capabilities: capabilities as Record<string, unknown> } }));
    } catch (error) {
      logger.warn('Session store unavailable at initialize; the session starts without stored state.', { error: describeError(error) });
    }
  }

  async function endSession(req: IncomingMessage, res: ServerResponse, clientKey: string): Promise<void> {
    const id = req.headers['mcp-session-id'];
    if (typeof id !== 'string' || !ids.verify(id, clientKey).valid) return sendJson(res, 404, jsonRpcError(-32001, 'Session not found.'));
    try {
      await store.end(id, Math.ceil(options.sessionMaxAgeMs / 1000));
    } catch (error) {
      return sendJson(res, 503, jsonRpcError(-32000, `The session could not be ended: ${describeError(error)}`));
    }
    metrics.sessions.inc({ event: 'ended' });
    res.writeHead(200).end();
  }

  async function ready(res: ServerResponse): Promise<void> {
    try {
      await store.ping();
      sendJson(res, shuttingDown ? 503 : 200, { ready: !shuttingDown, spec: runtime.catalog.title, endpoints: runtime.catalog.operations.length, store: 'ok' });
    } catch (error) {
      sendJson(res, 503, { ready: false, spec: runtime.catalog.title, store: `unreachable: ${describeError(error).split('\n')[0]}` });
    }
  }

  /** Upstream credentials sent per request in mapped headers override the configured ones. */
  function credentialsFor(req: IncomingMessage): Map<string, string> {
    const credentials = new Map(runtime.credentials ?? []);
    for (const [scheme, header] of Object.entries(options.credentialHeaders)) {
      const value = req.headers[header.toLowerCase()];
      if (typeof value === 'string' && value) credentials.set(scheme, value);
    }
    return credentials;
  }

  await new Promise<void>((resolve, reject) => {
    node.once('error', reject);
    node.listen(options.port, options.host, () => resolve());
  });
  const address = node.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => node.close(() => resolve()));
      node.closeIdleConnections();
      const deadline = setTimeout(() => node.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(deadline);
    },
  };
}

function routeOf(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return ['/mcp', '/healthz', '/readyz', '/metrics'].includes(path) ? path : 'other';
}

function jsonRpcError(code: number, message: string): unknown {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type }).end(text);
}

/** Records upstream latency and status class for every request the tools send. */
function instrumentFetch(fetch: FetchLike, metrics: ServerMetrics): FetchLike {
  return async (input, init) => {
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      metrics.upstreamRequests.inc({ status: `${String(response.status)[0]}xx` });
      return response;
    } catch (error) {
      metrics.upstreamRequests.inc({ status: 'failed' });
      throw error;
    } finally {
      metrics.upstreamSeconds.observe((performance.now() - started) / 1000);
    }
  };
}
