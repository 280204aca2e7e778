/**
 * @module The routes of the hosted server: /healthz for liveness, then the Host, Origin and bearer-token
 * guards, /readyz and /metrics for operators, and /mcp for clients.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerMetrics } from '../../observability/metrics.js';
import type { Runtime } from '../../runtime.js';
import { jsonRpcError, sendJson, sendText } from './http-replies.js';
import type { McpRoute } from './mcp-route.js';
import { ready } from './readiness.js';
import { checkRequest, type GuardOptions } from './request-guards.js';

const paths = new Set(['/mcp', '/healthz', '/readyz', '/metrics']);

/** The route of a request URL, `other` for a path we do not serve: metrics label by it. */
export function routeOf(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return paths.has(path) ? path : 'other';
}

export interface RoutesOptions {
  runtime: Runtime;
  metrics: ServerMetrics;
  guards: GuardOptions;
  /** Serve /metrics without the bearer token (Host checks still apply). */
  metricsPublic: boolean;
  mcp: McpRoute;
  /** True once the server is closing: readiness says so. */
  shuttingDown: () => boolean;
}

export type Routes = (req: IncomingMessage, res: ServerResponse, route: string) => Promise<void>;

export function createRoutes(options: RoutesOptions): Routes {
  return async (req, res, route) => {
    if (route === '/healthz') return sendText(res, 200, 'ok\n');
    if (route === 'other') return sendJson(res, 404, { error: 'Not found. The MCP endpoint is /mcp.' });
    const guard = checkRequest(req, options.guards, route === '/mcp' || (route === '/metrics' && !options.metricsPublic));
    if (!guard.ok) {
      if (guard.status === 401) res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, guard.status, jsonRpcError(-32001, guard.message));
    }
    if (route === '/readyz') return ready(res, options.runtime, options.shuttingDown());
    if (route === '/metrics') return sendText(res, 200, await options.metrics.render(), options.metrics.contentType);
    return options.mcp(req, res, guard.clientKey);
  };
}
