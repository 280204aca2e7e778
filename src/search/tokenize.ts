/** @module Turns ids, paths and prose into search terms: split camelCase and separators, lowercase, drop stop words, stem lightly, fold synonyms. */

/** Function words and conversational filler: in a request they name nothing an API has. */
const stopWords = new Set(
  [
    'a an and any are as at be by can could do does for from how i in into is it its just me my need now of on or our please right should so some',
    'that the their them then there these this those to us via want was we what when where which who whose will with would you your',
    'about already also am anymore anything anyone been being both but cannot did didn doesn don doing done ever go goes going got gotten had has',
    'hasn have haven having he her here him his if isn itself let lets might mine must myself never nobody nor not nothing ought ours ourselves',
    'really she since still such than thats theirs they though through too until upon very wasn were weren whether while why within without won yet',
    'yours yourself across among onto',
  ]
    .join(' ')
    .split(' '),
);

/** Whether a (lowercase) word is a stop word. */
export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/** Words folded into one term on both the index and the query side, so either spelling finds the other. */
const canonical: Record<string, string> = {
  repository: 'repo',
  organization: 'org',
  organisation: 'org',
  app: 'application',
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
  return (
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      // Split "HTMLParser" before "Parser", but keep a plural acronym ("PRs", "URLs") whole.
      .replace(/([A-Z]+)([A-Z](?!s(?![a-z]))[a-z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0)
  );
}

/**
 * Plurals of two-letter acronyms, which the length rule below keeps whole ("dns", "sms", "aws" are no
 * plurals): NetBox's "available-ips" is for an "IP address".
 */
const acronymPlurals: Record<string, string> = { ips: 'ip', ids: 'id', vms: 'vm', prs: 'pr' };

/** The singular of a plural noun: "repositories" -> "repository", "branches" -> "branch", "pulls" -> "pull". */
export function singular(word: string): string {
  const acronym = own(acronymPlurals, word);
  if (acronym) return acronym;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A light English stemmer: plural, verb and adverb endings only, so "repositories", "created", "listing", "currently" meet their roots. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return singular(word);
  let w = singular(word);
  let stripped = false;
  // Only when a vowel is left: "listing" -> "list", but "string" stays.
  if (w.endsWith('ing') && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  } else if (w.endsWith('ly') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -2))) {
    // An adverb meets its adjective: "currently" is "current", "monthly" is "month". Shorter words keep
    // it, so "apply", "reply" and "early" are not "app", "rep" and "ear".
    w = w.slice(0, -2);
  }
  if (stripped && w.length >= 4 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** One word as an index term: canonical synonym first, then stemmed. */
export function toTerm(word: string): string {
  const direct = own(canonical, word);
  if (direct) return stem(direct);
  const stemmed = stem(word);
  // Not a word whose stem only lost its final "e": "state" and "states" are "stat", but no "stats".
  const folded = singular(word) === `${stemmed}e` ? undefined : own(canonical, stemmed);
  return folded ? stem(folded) : stemmed;
}

/** A record's own entry: a request's words include "constructor" and "toString", which every object inherits. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
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

/** A tokenizer that remembers the texts and words it has seen: for indexing, where the same ones recur thousands of times. */
export function memoizedTokenizer(): (text: string) => string[] {
  const texts = new Map<string, string[]>();
  const words = new Map<string, string>();
  return (text) => {
    let terms = texts.get(text);
    if (terms) return terms;
    terms = [];
    for (const word of splitWords(text)) {
      if (stopWords.has(word)) continue;
      let term = words.get(word);
      if (term === undefined) words.set(word, (term = toTerm(word)));
      terms.push(term);
    }
    texts.set(text, terms);
    return terms;
  };
}
