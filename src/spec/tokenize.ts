/** @module Turns ids, paths and prose into search terms: split camelCase and separators, lowercase, drop stop words, stem lightly, fold synonyms. */

const stopWords = new Set(
  'a an and any are as at be by can do does for from how i in into is it its me my of on or our please that the their them then there these this those to us via was we what when where which who whose will with you your'.split(
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
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
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
