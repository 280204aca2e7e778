// The list_endpoints queries models sent in trials (test/fixtures/trial-queries.json), each asked again of its
// document's index: recall@1 and @5 of the endpoint its task finally executed, as list_endpoints shows results
// (copies under other parents are one result), over all queries and per trial. A regression check on what
// models really send, not a held-out set: fixes were made after these trials.
// Run: npm run build && node bench/search-trial-queries.mjs [--misses]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { searchIndexOf } from '../dist/search/search-index-of.js';
import { directoryApi } from '../test/support/benched-apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { trials } = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'trial-queries.json'), 'utf8'));
const misses = process.argv.includes('--misses');

const total = { queries: 0, at1: 0, at5: 0 };
const rows = [];
for (const { trial, document, queries } of trials) {
  const file = directoryApi(document)();
  const index = searchIndexOf(buildCatalog(await loadSpec(file, resolveConfig({ spec: file }))));
  const figures = { queries: queries.length, at1: 0, at5: 0 };
  for (const { task, query, executed } of queries) {
    const rank = index.results(query).findIndex((group) => [group.operation, ...group.variants].some((op) => op.id === executed)) + 1;
    if (rank === 1) figures.at1++;
    if (rank >= 1 && rank <= 5) figures.at5++;
    if (misses && rank !== 1) console.log(`  ${trial} task ${task}: ${rank || '-'} "${query}" -> ${executed}`);
  }
  for (const key of Object.keys(total)) total[key] += figures[key];
  rows.push([trial, figures]);
}

const line = (name, { queries, at1, at5 }) => `${name.padEnd(24)} ${String(queries).padStart(5)}  ${(at1 / queries).toFixed(3)}  ${(at5 / queries).toFixed(3)}`;
console.log(`\nQueries models sent in trials, and the rank of the endpoint their task executed (${trials.length} APIs)`);
console.log(`${'trial'.padEnd(24)} queries   r@1    r@5`);
for (const [name, figures] of rows) console.log(line(name, figures));
console.log(line('all', total));
