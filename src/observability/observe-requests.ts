/** @module Every HTTP request the hosted server answers, counted by route and status and logged at debug level once it is answered. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { ServerMetrics } from './metrics.js';

export function observeRequest(req: IncomingMessage, res: ServerResponse, route: string, metrics: ServerMetrics, logger: Logger): void {
  const started = performance.now();
  res.on('finish', () => {
    metrics.httpRequests.inc({ route, status: String(res.statusCode) });
    logger.debug('http', { method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) });
  });
}
