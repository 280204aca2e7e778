/** @module A fetch that records the latency and status class of every upstream request the tools send. */
import type { FetchLike } from '../http/send-request.js';
import type { ServerMetrics } from './metrics.js';

export function instrumentFetch(fetch: FetchLike, metrics: ServerMetrics): FetchLike {
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
