/**
 * @module The hosted Streamable HTTP server: a Node HTTP server with its timeouts, every request observed
 * and routed, and a close that finishes requests in flight. Any replica serves any request: 2026-07-28
 * requests stand alone; 2025-era sessions verify by HMAC and keep their state in the shared store.
 */
import { createServer as createNodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../errors.js';
import type { ServerMetrics } from '../../observability/metrics.js';
import { observeRequest } from '../../observability/observe-requests.js';
import type { Runtime } from '../../runtime.js';
import { jsonRpcError, sendJson } from './http-replies.js';
import { createLegacyEndpoint } from './legacy-endpoint.js';
import { createMcpRoute } from './mcp-route.js';
import { createModernEndpoint } from './modern-endpoint.js';
import type { GuardOptions } from './request-guards.js';
import { createRoutes, routeOf } from './routes.js';
import { SessionLifecycle } from './session-lifecycle.js';

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

/** Slow clients are cut off; idle keep-alive connections closed; a close waits this long for requests in flight. */
const timeouts = { headersMs: 15_000, requestMs: 30_000, keepAliveMs: 5_000, closeMs: 10_000 };

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { runtime, metrics } = options;
  const { logger } = runtime;
  let closing = false;
  const shuttingDown = () => closing;
  const sessions = new SessionLifecycle({ handles: runtime.handles, store: runtime.store, logger, endedTtlSeconds: options.sessionMaxAgeSeconds });
  const legacy = createLegacyEndpoint({ runtime, sessions, jsonResponses: options.jsonResponses, onSession: (event) => metrics.sessions.inc({ event }) });
  const modern = createModernEndpoint(runtime, { jsonResponses: options.jsonResponses });
  const mcp = createMcpRoute({ ...options, legacy, modern, shuttingDown });
  const route = createRoutes({ ...options, mcp, shuttingDown });

  const node = createNodeServer((req, res) => {
    const path = routeOf(req.url ?? '/');
    observeRequest(req, res, path, metrics, logger);
    route(req, res, path).catch((error: unknown) => {
      logger.error('Unhandled error serving a request.', { route: path, error: describeError(error) });
      if (!res.headersSent) sendJson(res, 500, jsonRpcError(-32603, 'Internal error'));
      else res.end();
    });
  });
  node.headersTimeout = timeouts.headersMs;
  node.requestTimeout = timeouts.requestMs;
  node.keepAliveTimeout = timeouts.keepAliveMs;

  await new Promise<void>((resolve, reject) => {
    node.once('error', reject);
    node.listen(options.port, options.host, () => resolve());
  });
  const address = node.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => node.close(() => resolve()));
      node.closeIdleConnections();
      const deadline = setTimeout(() => node.closeAllConnections(), timeouts.closeMs);
      await closed;
      clearTimeout(deadline);
    },
  };
}
