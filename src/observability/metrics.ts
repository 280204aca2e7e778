/** @module A small Prometheus registry: labelled counters and histograms, rendered in the text exposition format. */

type Labels = Record<string, string>;

const defaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function labelKey(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.values) lines.push(`${this.name}${key ? `{${key}}` : ''} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, private readonly buckets = defaultBuckets) {}

  observe(seconds: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((bound, i) => {
      if (seconds <= bound) entry.counts[i]!++;
    });
    entry.sum += seconds;
    entry.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.series) {
      const prefix = key ? `${key},` : '';
      this.buckets.forEach((bound, i) => lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${entry.counts[i]}`));
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${entry.count}`);
      lines.push(`${this.name}_sum${key ? `{${key}}` : ''} ${entry.sum}`);
      lines.push(`${this.name}_count${key ? `{${key}}` : ''} ${entry.count}`);
    }
    return lines.join('\n');
  }
}

/** The metrics the HTTP server exposes at /metrics. */
export class ServerMetrics {
  readonly httpRequests = new Counter('odm_http_requests_total', 'HTTP requests by route and status.');
  readonly toolCalls = new Counter('odm_tool_calls_total', 'Tool calls by tool and outcome (ok, error).');
  readonly upstreamRequests = new Counter('odm_upstream_requests_total', 'Upstream API requests by status class (2xx, 4xx, 5xx, failed).');
  readonly upstreamSeconds = new Histogram('odm_upstream_request_duration_seconds', 'Upstream API request latency.');
  readonly storeSeconds = new Histogram('odm_session_store_duration_seconds', 'Session store operation latency by operation.');
  readonly storeErrors = new Counter('odm_session_store_errors_total', 'Session store failures by operation.');
  readonly sessions = new Counter('odm_sessions_total', 'Sessions by event (created, resumed, recreated, ended, rejected).');

  render(): string {
    return `${[this.httpRequests, this.toolCalls, this.upstreamRequests, this.upstreamSeconds, this.storeSeconds, this.storeErrors, this.sessions].map((m) => m.render()).join('\n')}\n`;
  }
}
