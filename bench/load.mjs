// Load on the hosted HTTP server: {1, 3} replicas x {in-memory, memcached} session store, N concurrent
// MCP SDK clients each doing M rounds of list -> describe -> execute (getPetById) against a local upstream.
// Prints calls/s, p50 and p99 per configuration and the memcached / in-memory ratios.
// Run: npm run build && node bench/load.mjs   (loopback only; bounded by LOAD_DEADLINE_S per configuration)
//   env: LOAD_SESSIONS (default 20), LOAD_ROUNDS (10), LOAD_DEADLINE_S (60), LOAD_CALL_TIMEOUT_S (15),
//        LOAD_PASSES (1: run the configurations that many times, interleaved, and pool the figures),
//        LOAD_CONFIGS (all: a comma list of 1-memory, 1-memcached, 3-memory, 3-memcached)
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  cpuSeconds,
  killAllChildren,
  machineBusySeconds,
  metricsDelta,
  scrapeMetrics,
  startMemcached,
  startReplica,
  startUpstream,
} from './load-processes.mjs';
import { printReport, tools } from './load-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sessions = Number(process.env.LOAD_SESSIONS ?? 20);
const rounds = Number(process.env.LOAD_ROUNDS ?? 10);
const passes = Number(process.env.LOAD_PASSES ?? 1);
const deadlineMs = Number(process.env.LOAD_DEADLINE_S ?? 60) * 1000;
const callTimeoutMs = Number(process.env.LOAD_CALL_TIMEOUT_S ?? 15) * 1000;

const configurations = [
  { key: '1-memory', label: '1 replica,  in-memory', replicas: 1, memcached: false, rotate: false },
  { key: '1-memcached', label: '1 replica,  memcached', replicas: 1, memcached: true, rotate: false },
  { key: '3-memory', label: '3 replicas, in-memory (sticky)', replicas: 3, memcached: false, rotate: false },
  { key: '3-memcached', label: '3 replicas, memcached (round-robin)', replicas: 3, memcached: true, rotate: true },
].filter((c) => !process.env.LOAD_CONFIGS || process.env.LOAD_CONFIGS.split(',').includes(c.key));

// Bounded even if something hangs outside a configuration's deadline: kill every process we started and fail.
const watchdogMs = passes * configurations.length * (deadlineMs + 30_000);
setTimeout(() => {
  console.error(`load bench: still running after ${watchdogMs / 1000} s; killing every process it started.`);
  killAllChildren();
  process.exit(1);
}, watchdogMs).unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

/** The session's requests go to one replica (pinned), or rotate over all of them from its own offset. */
function sessionFetch(replicas, rotate, index, served) {
  let next = index;
  return (input, init) => {
    const k = rotate ? next++ % replicas.length : index % replicas.length;
    const target = new URL(input instanceof globalThis.Request ? input.url : String(input));
    target.port = String(replicas[k].port);
    served[k]++;
    return globalThis.fetch(target, init);
  };
}

const queries = ['find pet by id', 'pets by status', 'place an order for a pet', 'log user into the system', 'store inventory'];
const describeSets = [['getPetById'], ['findPetsByStatus', 'getPetById'], ['placeOrder'], ['getInventory', 'getUserByName']];

/**
 * A configuration's deadline. Each request gets its own AbortSignal, aborted only if the request is still in
 * flight when the deadline passes: the SDK (1.32) never removes the abort listener it adds to a request's
 * signal, so aborting one shared signal would send notifications/cancelled for every request ever made with it.
 */
function startDeadline(ms) {
  const inFlight = new Set();
  let passed = false;
  const timer = setTimeout(() => {
    passed = true;
    for (const controller of inFlight) controller.abort(new Error(`the deadline (${ms / 1000} s) passed`));
  }, ms);
  return {
    get passed() {
      return passed;
    },
    /** Runs `request(signal)`; the signal aborts if the deadline passes first. */
    async run(request) {
      if (passed) throw new Error(`the deadline (${ms / 1000} s) passed`);
      const controller = new globalThis.AbortController();
      inFlight.add(controller);
      try {
        return await request(controller.signal);
      } finally {
        inFlight.delete(controller);
      }
    },
    clear: () => clearTimeout(timer),
  };
}

/** One list -> describe -> execute round; each call's latency or failure goes into `stats` when given. */
async function runRound(client, index, round, deadline, stats) {
  const calls = [
    ['list_endpoints', { query: queries[(index + round) % queries.length], limit: 5 }],
    ['describe_endpoint', { ids: describeSets[(index + round) % describeSets.length] }],
    ['execute_endpoint', { id: 'getPetById', arguments: { petId: 1 + ((index * rounds + round) % 1000) } }],
  ];
  for (const [name, args] of calls) {
    if (deadline.passed) return;
    const started = performance.now();
    let failure;
    try {
      const result = await deadline.run((signal) => client.callTool({ name, arguments: args }, undefined, { signal, timeout: callTimeoutMs }));
      if (result.isError) failure = `${name} isError: ${String(result.content?.[0]?.text).slice(0, 120)}`;
      else if (name === 'execute_endpoint' && result.structuredContent?.status !== 200)
        failure = `execute_endpoint upstream status ${result.structuredContent?.status}`;
    } catch (error) {
      failure = deadline.passed ? 'cut by the deadline' : `${name}: ${String(error?.message ?? error).slice(0, 120)}`;
    }
    const ms = performance.now() - started;
    if (!stats) continue;
    if (failure) stats.errors.set(failure, (stats.errors.get(failure) ?? 0) + 1);
    else stats.latencies[name].push(ms);
  }
}

async function withTimeout(promise, ms) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Times GET /healthz on each replica every 100 ms until stopped: how long a trivial request waits behind the load. */
function probeHealth(replicas) {
  const samples = [];
  let running = true;
  const loops = replicas.map(async (replica) => {
    while (running) {
      const started = performance.now();
      try {
        await (await globalThis.fetch(`${replica.url}/healthz`, { signal: globalThis.AbortSignal.timeout(5000) })).text();
        samples.push(performance.now() - started);
      } catch {
        // a missed probe is no figure; the calls themselves count the errors
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    return samples;
  };
}

function cpuNow(replicas, memcached, upstream) {
  const bench = process.cpuUsage();
  return {
    bench: (bench.user + bench.system) / 1e6,
    upstream: cpuSeconds(upstream.pid),
    replicas: replicas.reduce((total, r) => total + cpuSeconds(r.pid), 0),
    memcached: memcached ? cpuSeconds(memcached.pid) : 0,
    machine: machineBusySeconds(),
  };
}

/** Fresh processes, connected sessions, a warm-up round, the measured rounds; everything stopped in the end. */
async function runConfiguration(config, upstream) {
  const started = performance.now();
  const deadline = startDeadline(deadlineMs);
  const processes = [];
  const open = [];
  try {
    const memcached = config.memcached ? await startMemcached() : undefined;
    if (memcached) processes.push(memcached);
    const replicas = await Promise.all(
      Array.from({ length: config.replicas }, () => startReplica({ upstreamUrl: upstream.url, memcached: memcached?.address })),
    );
    processes.push(...replicas);
    const served = replicas.map(() => 0);

    // Connect like a real client (initialize, then tools/list), then one unmeasured warm-up round.
    const connected = Promise.all(
      Array.from({ length: sessions }, async (_, index) => {
        const entry = replicas[index % replicas.length];
        const transport = new StreamableHTTPClientTransport(new URL(`${entry.url}/mcp`), { fetch: sessionFetch(replicas, config.rotate, index, served) });
        const client = new Client({ name: `load-${index}`, version: '1.0.0' });
        open.push({ client, transport });
        await deadline.run((signal) => client.connect(transport, { signal, timeout: callTimeoutMs }));
        await deadline.run((signal) => client.listTools(undefined, { signal, timeout: callTimeoutMs }));
      }),
    );
    await connected.catch((error) => {
      throw deadline.passed ? new Error(`the deadline (${deadlineMs / 1000} s) passed while connecting the sessions`) : error;
    });
    await Promise.all(open.map(({ client }, index) => runRound(client, index, 0, deadline)));
    if (deadline.passed) throw new Error(`the deadline (${deadlineMs / 1000} s) passed before the measured phase`);

    served.fill(0);
    const upstreamBefore = await upstream.hits();
    const metricsBefore = await Promise.all(replicas.map((r) => scrapeMetrics(r.url)));
    const cpuBefore = cpuNow(replicas, memcached, upstream);
    const stats = { latencies: Object.fromEntries(tools.map((t) => [t, []])), errors: new Map() };
    const stopProbe = probeHealth(replicas);
    const phaseStart = performance.now();
    await Promise.all(
      open.map(async ({ client }, index) => {
        for (let round = 0; round < rounds && !deadline.passed; round++) await runRound(client, index, round, deadline, stats);
      }),
    );
    const wallS = (performance.now() - phaseStart) / 1000;
    const servedInPhase = [...served];
    const cpuAfter = cpuNow(replicas, memcached, upstream);
    const healthMs = await stopProbe();
    const cpu = Object.fromEntries(Object.keys(cpuAfter).map((key) => [key, cpuAfter[key] - cpuBefore[key]]));
    const metrics = metricsDelta(await Promise.all(replicas.map((r) => scrapeMetrics(r.url))), metricsBefore);
    const stderr = replicas.flatMap((r) => r.stderr().split('\n')).filter((line) => line.trim() && !line.includes('No --memcached given'));

    await Promise.allSettled(open.map(({ transport }) => withTimeout(transport.terminateSession(), 3000)));
    return {
      config,
      stats,
      wallS,
      served: servedInPhase,
      healthMs,
      cpu,
      metrics,
      stderr,
      upstreamHits: (await upstream.hits()) - upstreamBefore,
      deadlineHit: deadline.passed,
      totalS: (performance.now() - started) / 1000,
    };
  } finally {
    deadline.clear();
    await Promise.allSettled(open.map(({ client }) => withTimeout(client.close(), 2000)));
    await Promise.allSettled(processes.map((p) => (p.kill ?? p.stop)()));
  }
}

const startLoad = loadavg();
const upstream = await startUpstream();
const runs = [];
const failures = [];
try {
  for (let pass = 1; pass <= passes; pass++) {
    for (const config of configurations) {
      process.stderr.write(`load bench: ${config.label}${passes > 1 ? ` (pass ${pass}/${passes})` : ''} ...\n`);
      try {
        runs.push(await runConfiguration(config, upstream));
      } catch (error) {
        // Reported after the figures; the next configuration starts from fresh processes.
        failures.push({ config, error });
      }
    }
  }
} finally {
  await upstream.close();
  killAllChildren();
}
if (runs.length)
  printReport(runs, { sessions, rounds, passes, startLoad, sdkPackageJson: join(root, 'node_modules', '@modelcontextprotocol', 'sdk', 'package.json') });
for (const { config, error } of failures) console.error(`load bench: ${config.label} failed: ${error?.stack ?? error}`);
process.exit(failures.length ? 1 : 0);
