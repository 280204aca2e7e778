// Search quality per API: recall@1 and recall@5 of list_endpoints ranking on the tasks of
// test/fixtures/search-tasks/<api>.json, per form (keyword: the API's own words, as models mostly send;
// user: phrased the way people ask; model: the query a model would send first for each user-phrased request,
// from test/fixtures/search-tasks/model-queries.json) and per split (tune, held-out), then the same pooled over all APIs,
// then search latency on GitHub and Graph beta. Results are counted as list_endpoints shows them: copies
// of one operation under other parents are one result, and a task is found by a result when its operation
// is that result or one of the copies the result names.
// --failures prints the tuning tasks missed at rank 1 with the top five ids; held-out tasks are only
// ever counted, so that they keep measuring what the ranking does on requests nobody tuned it for.
// --tune-only leaves the held-out figures out, for working on the ranking without glancing at them.
// Run: npm run build && node bench/search-quality.mjs [--apis github,graph,...] [--failures] [--tune-only] [--no-latency]
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { searchIndexOf } from '../dist/search/search-index-of.js';
import { shownVariantCount } from '../dist/tools/list-endpoints.js';
import { benchedApis, directoryApi } from '../test/support/benched-apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const showFailures = argv.includes('--failures');
const splits = argv.includes('--tune-only') ? ['tune'] : ['tune', 'holdout'];
const forms = ['keyword', 'user', 'model'];
/** Per API and user-phrased request, the query a model would send first (see the fixture's note): the form "model". */
const modelQueries = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', 'model-queries.json'), 'utf8')).queries;

const specs = benchedApis;
const wanted = flag('--apis', Object.keys(specs).join(',')).split(',');

/** Whether a listed result stands for one of the accepted operations. */
const finds = (accepted) => (r) => [r.operation, ...r.variants.slice(0, shownVariantCount(r.variants.length))].some((op) => accepted.has(op.id));

/** Hits at rank 1 and within the first five per form and split; the tuning tasks not ranked first. */
function score(index, tasks) {
  const figures = {};
  const failures = [];
  for (const task of tasks) {
    const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
    const results = index.results(task.query).slice(0, 5);
    const first = results.length > 0 && finds(accepted)(results[0]);
    const inFive = results.some(finds(accepted));
    const f = (figures[`${task.form ?? 'user'} ${task.split}`] ??= { at1: 0, at5: 0, n: 0 });
    f.n++;
    if (first) f.at1++;
    if (inFive) f.at5++;
    if (task.split === 'tune' && !first) failures.push({ task, top: results.map((r) => r.operation.id), missed5: !inFive });
  }
  return { figures, failures };
}

const ratio = (a, n) => (n ? (a / n).toFixed(2) : '  -');
const cell = (f = { at1: 0, at5: 0, n: 0 }) => `${String(f.n).padStart(3)}  ${ratio(f.at1, f.n)}  ${ratio(f.at5, f.n)}`;
const columns = forms.flatMap((form) => splits.map((split) => `${form} ${split}`));

console.log(`Recall per API: tasks, r@1, r@5 for each form and split`);
console.log(`${'api'.padEnd(11)}${'ops'.padStart(6)}  ${columns.map((c) => c.padEnd(16)).join('  ')}`);
const pooled = {};
const allFailures = [];
const queries = [];
for (const api of wanted) {
  if (!specs[api]) throw new Error(`Unknown API "${api}"; known: ${Object.keys(specs).join(', ')}`);
  const taskFile = join(root, 'test', 'fixtures', 'search-tasks', `${api}.json`);
  if (!existsSync(taskFile)) {
    console.log(`${api}: no task file at ${taskFile}; skipped`);
    continue;
  }
  const { tasks: written } = JSON.parse(readFileSync(taskFile, 'utf8'));
  const modelTasks = written
    .filter((t) => t.form === 'user' && modelQueries[api]?.[t.query])
    .map((t) => ({ ...t, query: modelQueries[api][t.query], form: 'model', request: t.query }));
  const tasks = [...written, ...modelTasks];
  queries.push(...written.map((t) => t.query));
  const catalog = buildCatalog(await loadSpec(specs[api](), resolveConfig({ spec: specs[api]() })));
  const { figures, failures } = score(searchIndexOf(catalog), tasks);
  for (const [key, f] of Object.entries(figures)) {
    const p = (pooled[key] ??= { at1: 0, at5: 0, n: 0 });
    p.at1 += f.at1;
    p.at5 += f.at5;
    p.n += f.n;
  }
  allFailures.push(...failures.map((f) => ({ api, ...f })));
  console.log(`${api.padEnd(11)}${String(catalog.operations.length).padStart(6)}  ${columns.map((c) => cell(figures[c]).padEnd(16)).join('  ')}`);
}
console.log(`${'all'.padEnd(11)}${''.padStart(6)}  ${columns.map((c) => cell(pooled[c]).padEnd(16)).join('  ')}`);

if (showFailures) {
  console.log('\nTuning tasks not ranked first:');
  for (const { api, task, top, missed5 } of allFailures) {
    console.log(`  ${api} ${task.form ?? 'user'} ${missed5 ? 'MISS ' : 'rank '} "${task.query}" -> ${[task.expected, ...(task.alsoAccept ?? [])].join(' | ')}`);
    console.log(`        top: ${top.join(', ') || '(nothing)'}`);
  }
}

if (!argv.includes('--no-latency')) {
  const quantile = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  console.log(
    `\nSearch latency over the ${queries.length} task queries (list_endpoints' results(), after one warm-up pass; load average ${loadavg()[0].toFixed(1)}):`,
  );
  const latencySpecs = { github: specs.github, 'graph-beta': directoryApi('microsoft.com', 'graph-beta.json') };
  for (const [name, file] of Object.entries(latencySpecs)) {
    const catalog = buildCatalog(await loadSpec(file(), resolveConfig({ spec: file() })));
    let started = performance.now();
    const index = searchIndexOf(catalog);
    const buildMs = performance.now() - started;
    started = performance.now();
    index.results(queries[0]);
    const firstMs = performance.now() - started;
    for (const query of queries) index.results(query);
    // Wall time, and this process's CPU time, which other work on a shared machine disturbs less.
    const cpu = [];
    const times = queries.map((query) => {
      const c = process.cpuUsage();
      const t = performance.now();
      index.results(query);
      const wall = performance.now() - t;
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      return wall;
    });
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(11)} ${catalog.operations.length} operations: index ${buildMs.toFixed(0)} ms, first query ${firstMs.toFixed(1)} ms, ` +
        `p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms (CPU p50 ${quantile(cpu, 0.5).toFixed(2)} ms, p95 ${quantile(cpu, 0.95).toFixed(2)} ms)`,
    );
  }
}
