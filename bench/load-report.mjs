// The figures bench/load.mjs prints: per-configuration table (calls, calls/s, p50, p99, errors), per-tool
// latencies, what the replicas' /metrics and /proc say about the measured phase, memcached / in-memory ratios.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { memcachedVersion } from './load-processes.mjs';

export const tools = ['list_endpoints', 'describe_endpoint', 'execute_endpoint'];

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/** One run per configuration: the passes of a configuration pooled (latencies joined, times and counts added). */
export function mergeRuns(runs) {
  const byConfig = new Map();
  for (const run of runs) {
    const merged = byConfig.get(run.config);
    if (!merged) {
      byConfig.set(run.config, {
        ...run,
        passes: 1,
        stats: { latencies: { ...run.stats.latencies }, errors: new Map(run.stats.errors) },
        metrics: new Map(run.metrics),
        cpu: { ...run.cpu },
      });
      continue;
    }
    merged.passes++;
    for (const t of tools) merged.stats.latencies[t] = [...merged.stats.latencies[t], ...run.stats.latencies[t]];
    for (const [reason, n] of run.stats.errors) merged.stats.errors.set(reason, (merged.stats.errors.get(reason) ?? 0) + n);
    for (const [key, value] of run.metrics) merged.metrics.set(key, (merged.metrics.get(key) ?? 0) + value);
    for (const key of Object.keys(merged.cpu)) merged.cpu[key] += run.cpu[key];
    merged.served = merged.served.map((n, k) => n + run.served[k]);
    merged.wallS += run.wallS;
    merged.totalS += run.totalS;
    merged.upstreamHits += run.upstreamHits;
    merged.healthMs = [...merged.healthMs, ...run.healthMs];
    merged.deadlineHit ||= run.deadlineHit;
    merged.stderr = [...merged.stderr, ...run.stderr];
  }
  return [...byConfig.values()];
}

function summarise(run) {
  const all = tools.flatMap((t) => run.stats.latencies[t]).sort((a, b) => a - b);
  const perTool = Object.fromEntries(
    tools.map((t) => {
      const sorted = [...run.stats.latencies[t]].sort((a, b) => a - b);
      return [t, { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }];
    }),
  );
  // CPU per call does not depend on how much of the machine other processes took, unlike calls/s and latency.
  const serverCpuMs = ((run.cpu.replicas + run.cpu.memcached) / all.length) * 1000;
  return {
    run,
    calls: all.length,
    errors: sum([...run.stats.errors.values()]),
    throughput: all.length / run.wallS,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    perTool,
    serverCpuMs,
  };
}

const pad = (value, width) => String(value).padEnd(width);
const padLeft = (value, width) => String(value).padStart(width);
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const percentOfCore = (seconds, wallS) => fixed((seconds / wallS) * 100, 0);

function storeLine(metrics) {
  const ops = ['get', 'update', 'is_ended'].map((op) => {
    const count = metrics.get(`odm_session_store_duration_seconds_count{operation="${op}"}`) ?? 0;
    const total = metrics.get(`odm_session_store_duration_seconds_sum{operation="${op}"}`) ?? 0;
    return `${op} ${count ? fixed((total / count) * 1000, 2) : '-'} ms (x${count})`;
  });
  const errors = sum([...metrics].filter(([key]) => key.startsWith('odm_session_store_errors_total')).map(([, v]) => v));
  return `session store, mean per operation: ${ops.join(', ')}; store errors ${errors}`;
}

/**
 * @param {object} context `{ sessions, rounds, passes, sdkPackageJson, startLoad }`
 */
export function printReport(runs, context) {
  const sdkVersion = JSON.parse(readFileSync(context.sdkPackageJson, 'utf8')).version;
  const cpuList = cpus();
  const { sessions, rounds, passes } = context;
  console.log(
    `openapi-dynamic-mcp load benchmark (loopback): ${sessions} concurrent MCP sessions x ${rounds} rounds x 3 tool calls per configuration${passes > 1 ? `, ${passes} interleaved passes pooled` : ''}`,
  );
  console.log('  a round: list_endpoints {query} -> describe_endpoint {ids} -> execute_endpoint getPetById {petId}; specs/petstore.yaml, SSE responses');
  console.log(`machine: ${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown'}), ${fixed(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}`);
  console.log(`  node ${process.version}, ${memcachedVersion()}, @modelcontextprotocol/sdk ${sdkVersion}`);
  console.log(
    `  load average ${context.startLoad.map((l) => l.toFixed(2)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end`,
  );
  console.log('');

  const summaries = mergeRuns(runs).map(summarise);
  const header = `${pad('configuration', 38)}${padLeft('calls', 7)}${padLeft('calls/s', 10)}${padLeft('p50 ms', 9)}${padLeft('p99 ms', 9)}${padLeft('errors', 8)}${padLeft('server CPU ms/call', 20)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const s of summaries) {
    console.log(
      `${pad(s.run.config.label, 38)}${padLeft(s.calls, 7)}${padLeft(fixed(s.throughput), 10)}${padLeft(fixed(s.p50), 9)}${padLeft(fixed(s.p99), 9)}${padLeft(s.errors, 8)}${padLeft(fixed(s.serverCpuMs, 2), 20)}`,
    );
  }
  console.log('');
  console.log(`${pad('p50 / p99 ms by tool', 38)}${tools.map((t) => pad(t, 20)).join('')}`);
  for (const s of summaries) {
    console.log(`${pad(s.run.config.label, 38)}${tools.map((t) => pad(`${fixed(s.perTool[t].p50)} / ${fixed(s.perTool[t].p99)}`, 20)).join('')}`);
  }

  console.log('');
  console.log('measured phase (replica figures from their /metrics, summed over replicas; CPU from /proc):');
  for (const { run } of summaries) {
    const m = run.metrics;
    const sessionEvents = ['resumed', 'recreated', 'rejected'].map((e) => `${e} ${m.get(`odm_sessions_total{event="${e}"}`) ?? 0}`).join(', ');
    const ours = run.cpu.bench + run.cpu.upstream + run.cpu.replicas + run.cpu.memcached;
    console.log(
      `  ${run.config.label}: ${fixed(run.wallS, 2)} s measured, ${fixed(run.totalS, 1)} s with startup and teardown${run.deadlineHit ? '; DEADLINE HIT, stopped early' : ''}`,
    );
    const upstreamCount = m.get('odm_upstream_request_duration_seconds_count') ?? 0;
    const upstreamMs = upstreamCount ? ((m.get('odm_upstream_request_duration_seconds_sum') ?? 0) / upstreamCount) * 1000 : NaN;
    console.log(
      `    HTTP requests per replica ${run.served.join(' / ')}; sessions ${sessionEvents}; upstream requests ${run.upstreamHits}, mean ${fixed(upstreamMs, 2)} ms as the replicas saw them`,
    );
    console.log(`    ${storeLine(m)}`);
    const health = [...run.healthMs].sort((a, b) => a - b);
    console.log(
      `    GET /healthz while loaded (every 100 ms per replica): p50 ${fixed(percentile(health, 50))} ms, p99 ${fixed(percentile(health, 99))} ms (x${health.length})`,
    );
    console.log(
      `    CPU, % of one core: clients (this process) ${percentOfCore(run.cpu.bench, run.wallS)}, replicas ${percentOfCore(run.cpu.replicas, run.wallS)}, ` +
        `memcached ${percentOfCore(run.cpu.memcached, run.wallS)}, upstream ${percentOfCore(run.cpu.upstream, run.wallS)}; other processes on the machine ${percentOfCore(run.cpu.machine - ours, run.wallS)}`,
    );
    for (const [reason, count] of run.stats.errors) console.log(`    error x${count}: ${reason}`);
    for (const line of run.stderr.slice(0, 3)) console.log(`    replica stderr: ${line.slice(0, 200)}`);
  }

  console.log('');
  console.log(`${pad('memcached / in-memory', 38)}${padLeft('calls/s', 10)}${padLeft('p50', 9)}${padLeft('p99', 9)}${padLeft('server CPU/call', 20)}`);
  const ratio = (a, b) => `${fixed(a / b, 2)}x`;
  const find = (replicas, memcached) => summaries.find((s) => s.run.config.replicas === replicas && s.run.config.memcached === memcached);
  for (const [label, replicas] of [
    ['1 replica', 1],
    ['3 replicas (round-robin / sticky)', 3],
  ]) {
    const mem = find(replicas, false);
    const mc = find(replicas, true);
    if (mem && mc) {
      console.log(
        `${pad(label, 38)}${padLeft(ratio(mc.throughput, mem.throughput), 10)}${padLeft(ratio(mc.p50, mem.p50), 9)}${padLeft(ratio(mc.p99, mem.p99), 9)}${padLeft(ratio(mc.serverCpuMs, mem.serverCpuMs), 20)}`,
      );
    }
  }
  const othersShare =
    sum(summaries.map(({ run }) => run.cpu.machine - run.cpu.bench - run.cpu.upstream - run.cpu.replicas - run.cpu.memcached)) /
    sum(summaries.map(({ run }) => run.wallS));
  if (othersShare > 0.25) {
    console.log('');
    console.log(`WARNING: processes other than this benchmark's used ${fixed(othersShare * 100, 0)}% of one core on average during the measured phases.`);
    console.log('  calls/s and latencies, and their ratios, then depend on how the scheduler shared the cores with them;');
    console.log('  server CPU ms/call (replicas + memcached CPU time per successful call) depends on them much less.');
  }
  console.log('');
  console.log('notes: closed loop (each session sends its next call when its last one is answered), measured after connect');
  console.log('  (initialize + tools/list) and one unmeasured warm-up round per session. Latency is the client-side callTool');
  console.log('  round trip; calls/s and p50/p99 count successful calls; errors are thrown calls, isError results and');
  console.log('  non-200 upstream statuses. "3 replicas, in-memory" pins each session to one replica (sticky baseline): an');
  console.log('  in-memory session is known only to the replica that created it. "3 replicas, memcached" rotates every');
  console.log('  request of every session round-robin across the replicas, as a plain load balancer would.');
  console.log(`  Everything shares this machine's ${cpuList.length} cores: 3 replicas add processes here, not CPU capacity.`);
}
