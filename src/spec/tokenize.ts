/** @module Turns ids, paths and prose into search terms: split camelCase and separators, lowercase, drop stop words, stem lightly, fold synonyms. */

import { expansionWeight, phraseExpansions, wordExpansions } from './search-synonyms.js';

/** A phrase's expansion replaces the phrase, so it counts nearly as much as typed words. */
const phraseWeight = 0.9;
const looseWordWeight = 0.6;

const stopWords = new Set(
  'a an and any are as at be by can could do does for from how i in into is it its just me my need now of on or our please right should so some that the their them then there these this those to us via want was we what when where which who whose will with would you your'.split(
    ' ',
  ),
);

/** Words folded into one term on both the index and the query side, so either spelling finds the other. */
const canonical: Record<string, string> = {
  repository: 'repo',
  organization: 'org',
  organisation: 'org',
  pr: 'pull',
  remove: 'delete',
  erase: 'delete',
  destroy: 'delete',
  retrieve: 'get',
  fetch: 'get',
  show: 'get',
  modify: 'update',
  edit: 'update',
  change: 'update',
  config: 'configuration',
  setting: 'configuration',
  auth: 'authentication',
  info: 'information',
  stat: 'statistic',
  id: 'identifier',
};

/** Splits text into raw lowercase words: camelCase, snake_case, kebab-case, paths and punctuation. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // Split "HTMLParser" before "Parser", but keep a plural acronym ("PRs", "URLs") whole.
    .replace(/([A-Z]+)([A-Z](?!s(?![a-z]))[a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A light English stemmer: plural and verb endings only, so "repositories", "created", "listing" meet their roots. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  let stripped = false;
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && w.length >= 4 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** One word as an index term: canonical synonym first, then stemmed. */
export function toTerm(word: string): string {
  const direct = canonical[word];
  if (direct) return stem(direct);
  const stemmed = stem(word);
  const folded = canonical[stemmed];
  return folded ? stem(folded) : stemmed;
}

/** Text to terms, stop words dropped. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) {
    if (stopWords.has(word)) continue;
    terms.push(toTerm(word));
  }
  return terms;
}

/** Query terms with weights: typed words count 1, their expansions (see search-synonyms) less. */
export function weightedQueryTerms(query: string): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  let lower = query.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  for (const [pattern, expansion] of phraseExpansions) {
    if (!pattern.test(lower)) continue;
    pattern.lastIndex = 0;
    lower = lower.replace(pattern, ' ');
    for (const term of tokenize(expansion)) add(term, phraseWeight);
  }
  for (const word of splitWords(lower)) {
    const expansions = (wordExpansions[word] ?? wordExpansions[stem(word)] ?? []).map(toTerm);
    const term = toTerm(word);
    // A word people use loosely ("new", "open", "file") counts less than what it stands for.
    if (!stopWords.has(word)) add(term, expansions.length && !expansions.includes(term) ? looseWordWeight : 1);
    for (const expansion of expansions) add(expansion, expansionWeight);
  }
  return terms;
}
