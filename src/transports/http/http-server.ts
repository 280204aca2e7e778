/**
 * @module The hosted Streamable HTTP server: guards, routes and body limits, then each MCP request to the
 * SDK of its protocol era (classified by the 2026-07-28 SDK's own predicate). Any replica serves any request:
 * 2026-07-28 requests stand alone; 2025-era sessions verify by HMAC and keep their state in the shared store.
 */
import { createServer as createNodeServer, type IncomingMessage, type Server as NodeServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toWebRequest } from '@modelcontextprotocol/node';
import { isLegacyRequest } from '@modelcontextprotocol/server';
import { describeError } from '../../errors.js';
import type { ServerMetrics } from '../../observability/metrics.js';
import { BodyBudget } from '../../http/body-budget.js';
import type { Runtime } from '../../runtime.js';
import { callerOfRequest } from './caller-of-request.js';
import { jsonRpcError, sendJson, sendText } from './http-replies.js';
import { createLegacyEndpoint } from './legacy-endpoint.js';
import { createModernEndpoint } from './modern-endpoint.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { checkRequest, type GuardOptions } from './request-guards.js';

export interface HttpServerOptions {
  runtime: Runtime;
  metrics: ServerMetrics;
  host: string;
  port: number;
  guards: GuardOptions;
  /** Absolute lifetime of a session handle, in seconds: how long an ended one is remembered. */
  sessionMaxAgeSeconds: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Upstream body bytes the calls of one HTTP request may hold together (a JSON-RPC batch is one request). */
  requestBodyBudgetBytes: number;
  /** Incoming header per security scheme: each client sends its own upstream credential. */
  credentialHeaders: Record<string, string>;
  /** Answer with plain JSON instead of an SSE stream. */
  jsonResponses: boolean;
  /** Serve /metrics without the bearer token (Host checks still apply). */
  metricsPublic: boolean;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

const routes = new Set(['/mcp', '/healthz', '/readyz', '/metrics']);

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { runtime, metrics } = options;
  const { logger } = runtime;
  const legacy = createLegacyEndpoint({ runtime, metrics, jsonResponses: options.jsonResponses, endedTtlSeconds: options.sessionMaxAgeSeconds });
  const modern = createModernEndpoint(runtime, { jsonResponses: options.jsonResponses });
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
    if (!routes.has(route)) return sendJson(res, 404, { error: 'Not found. The MCP endpoint is /mcp.' });
    const guard = checkRequest(req, options.guards, route === '/mcp' || (route === '/metrics' && !options.metricsPublic));
    if (!guard.ok) {
      if (guard.status === 401) res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, guard.status, jsonRpcError(-32001, guard.message));
    }
    if (route === '/readyz') return ready(res);
    if (route === '/metrics') return sendText(res, 200, metrics.render(), 'text/plain; version=0.0.4');

    // A JSON-RPC batch of calls shares one request's budget: together they hold at most one of the largest answers.
    const caller = { ...callerOfRequest(req, guard.clientKey, runtime.execution.credentials, options.credentialHeaders), requestBudget: new BodyBudget(options.requestBodyBudgetBytes, 'in one request') };
    if (req.method === 'DELETE' && req.headers['mcp-session-id'] !== undefined) return legacy.end(req, res, caller);
    if (req.method !== 'POST') {
      // 2026-07-28 has no standalone stream and no sessions to end; 2025-era notifications ride on each POST's stream.
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, jsonRpcError(-32000, `Method ${req.method} is not allowed on /mcp: send each JSON-RPC message as a POST.`));
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
    if (await isLegacyRequest(await toWebRequest(req, body), body, { maxRequestBodySize: options.maxBodyBytes })) {
      const messages = Array.isArray(body) ? body : [body];
      if (!messages.length || !messages.every((m) => typeof m === 'object' && m !== null && (m as { jsonrpc?: unknown }).jsonrpc === '2.0')) {
        return sendJson(res, 400, jsonRpcError(-32600, 'Invalid request: expected a JSON-RPC 2.0 message.'));
      }
      return legacy.post(req, res, body, caller);
    }
    return modern(req, res, body, caller);
  }

  /** Readiness names no internal address: the log has the details. */
  async function ready(res: ServerResponse): Promise<void> {
    try {
      await runtime.store.ping();
      sendJson(res, shuttingDown ? 503 : 200, { ready: !shuttingDown, spec: runtime.catalog.title, endpoints: runtime.catalog.operations.length, store: 'ok' });
    } catch (error) {
      logger.warn('Not ready: the session store is unreachable.', { error: describeError(error) });
      sendJson(res, 503, { ready: false, spec: runtime.catalog.title, store: 'unreachable' });
    }
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
  return routes.has(path) ? path : 'other';
}
