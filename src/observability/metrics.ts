/**
 * @module The metrics the hosted server exposes at /metrics (prom-client): ours, and Node's own process
 * metrics (event-loop lag, heap, GC, CPU, file descriptors), which show a blocked or leaking replica.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from a cached answer to a slow upstream. */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServerMetrics {
  /** One registry per server: tests run several in one process. */
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'odm_http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  // Label values are given in name order throughout: Prometheus text lists them as they were given.
  readonly toolCalls = new Counter({
    name: 'odm_tool_calls_total',
    help: 'Tool calls by tool and outcome (ok, error).',
    labelNames: ['outcome', 'tool'] as const,
    registers: [this.registry],
  });
  readonly upstreamRequests = new Counter({
    name: 'odm_upstream_requests_total',
    help: 'Upstream API requests by status class (2xx, 4xx, 5xx, failed).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly upstreamSeconds = new Histogram({
    name: 'odm_upstream_request_duration_seconds',
    help: 'Upstream API request latency.',
    buckets,
    registers: [this.registry],
  });
  readonly storeSeconds = new Histogram({
    name: 'odm_session_store_duration_seconds',
    help: 'Session store operation latency by operation.',
    labelNames: ['operation'] as const,
    buckets,
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'odm_session_store_errors_total',
    help: 'Session store failures by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly sessions = new Counter({
    name: 'odm_sessions_total',
    help: 'Sessions by event (created, resumed, recreated, ended, rejected).',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
