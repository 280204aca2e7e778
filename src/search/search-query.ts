/**
 * @module A request as search concepts: each word typed, or phrase known, with the terms it may be
 * found by and what each counts. Typed words count 1; what the vocabulary says they mean (see search-vocabulary) less.
 */
import { selfTerm, selfWords } from './search-fields.js';
import { isIntentTerm } from './search-intent.js';
import { wordMeanings, type SearchVocabulary } from './search-vocabulary.js';
import { isStopWord, splitWords, tokenize, toTerm } from './tokenize.js';

/** One thing the request asks about: the terms that stand for it, with their weights. */
export interface QueryConcept {
  terms: Map<string, number>;
  /** Whether the terms name it together ("secret scanning alert") rather than each on its own ("mail", "message"). */
  together: boolean;
  /** The word typed, as a term, when its meanings stand beside it: no meaning counts more than it would (see SearchIndex.score). */
  typed?: string;
  /** Whether it follows "by": it narrows what is asked for, and is never rarer than that (see SearchIndex.score). */
  qualifier?: boolean;
}

/** A phrase's meaning replaces the phrase, so it counts nearly as much as typed words. */
const phraseWeight = 0.9;
/** The endings that make a noun of a verb's term ("execut": execution; "invit": invitation; "defin": definition). */
const nounEndings = ['ion', 'ation', 'ition'];
/** Shorter terms make nouns by chance ("act": action, "stat": station). */
const minVerbChars = 4;
/** Nouns shorter than this are left alone: few have an adjective in "-ic", and a short one would make a word by chance. */
const minNounChars = 5;
/** What a word's meaning counts against the word typed. */
const meaningWeight = 0.7;
/** A word people use loosely ("new", "open", "file"), whose meanings leave it out, counts less than what it stands for. */
const looseWordWeight = 0.6;

/** What a word after "by" counts: it names what narrows the request ("devices by site", "user by username"), rarely what is asked for. */
const qualifierWeight = 0.6;
/** Words that, before "by", say the rest narrows or orders the request. */
const narrowingWords = new Set(['filtered', 'filtering', 'sorted', 'sorting', 'ordered', 'ordering', 'grouped', 'grouping', 'searched']);
/** Nouns that, before "by" and after what is asked for ("devices filter by site"), say the same; first, they are the thing ("get group by name"). */
const narrowingNouns = new Set(['filter', 'sort']);

const empty: SearchVocabulary = { phrases: [], words: new Map() };

/** The request lowercased and camelCase split, each known phrase ("spin up") replaced by what it means ("create"). */
function expandPhrases(request: string, vocabulary: SearchVocabulary): { rest: string; meanings: string[] } {
  // Contractions and possessives ("I'm", "Bob's") would leave a stray letter.
  let rest = request
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/['\u2019](?:s|m|ll|ve|d|re|t)\b/g, '');
  const meanings: string[] = [];
  for (const [pattern, meaning] of vocabulary.phrases) {
    pattern.lastIndex = 0;
    if (!pattern.test(rest)) continue;
    pattern.lastIndex = 0;
    rest = rest.replace(pattern, ` ${meaning} `);
    meanings.push(meaning);
  }
  return { rest, meanings };
}

/** The request's words in order, phrases replaced by what they mean: for reading its intent. */
export function requestWords(request: string, vocabulary: SearchVocabulary = empty): string[] {
  return splitWords(expandPhrases(request, vocabulary).rest);
}

/**
 * The request with each hyphenated word the API writes as one word joined, when its parts are not both
 * words of the API ("add-on" as "addon": "add" would ask to create; "time-zone" stays, a compound of two
 * terms, see `compoundsOf`). A path ("/consent-requests/on-status") is left as written.
 */
export function joinHyphenated(request: string, isTerm: (term: string) => boolean): string {
  return request.replace(/(?<![\w/-])([A-Za-z]+)-([A-Za-z]+)(?![\w/-])/g, (written, first: string, second: string) => {
    const parts = [first, second].map((part) => toTerm(part.toLowerCase()));
    const apart = parts.every((part) => isTerm(part));
    const joined = `${first}${second}`.toLowerCase();
    return !apart && isTerm(toTerm(joined)) ? joined : written;
  });
}

/** How far apart two words may be to form a compound ("log 3 hours of work": four words apart). */
const compoundWindow = 4;
/** Words of a request tried in compounds, at most: a long request costs no more than a short one. */
const maxCompoundWords = 16;

/**
 * Per word of the request, the compounds it makes with a word near it that the API writes as one word
 * ("log 3 hours of work" and "worklog", "sub-account" and "subaccount"), in either order, or with the
 * next two words in order ("player career stats" and "playercareerstats").
 */
function compoundsOf(words: readonly string[], isTerm: (term: string) => boolean): string[][] {
  const compounds = words.map((): string[] => []);
  const joinable = words.flatMap((word, i) => (i < maxCompoundWords && word.length > 1 && !isStopWord(word) && !/\d/.test(word) ? [i] : []));
  for (const [a, i] of joinable.entries()) {
    for (const j of joinable.slice(a + 1)) {
      if (j - i > compoundWindow) break;
      if (words[i] === words[j]) continue;
      for (const term of [toTerm(words[i]! + words[j]!), toTerm(words[j]! + words[i]!)]) {
        if (!isTerm(term)) continue;
        compounds[i]!.push(term);
        compounds[j]!.push(term);
      }
    }
    // Three words in a row, as written: the NBA's "/playercareerstats" for "player career stats".
    const [j, k] = [joinable[a + 1], joinable[a + 2]];
    if (j === undefined || k === undefined || k - i > compoundWindow) continue;
    const term = toTerm(words[i]! + words[j]! + words[k]!);
    if (isTerm(term)) for (const at of [i, j, k]) compounds[at]!.push(term);
  }
  return compounds;
}

/** The concepts of a request, one per known phrase and per word that is not a stop word (or that has meanings). */
export function queryConcepts(
  request: string,
  vocabulary: SearchVocabulary = empty,
  isTerm: (term: string) => boolean = () => false,
  isVerb: (term: string) => boolean = () => false,
): QueryConcept[] {
  const { rest, meanings: phrases } = expandPhrases(request, vocabulary);
  const concepts: QueryConcept[] = [];
  const keys = new Set<string>();
  const push = (terms: Map<string, number>, together: boolean, typed?: string, qualifier = false) => {
    const key = [...terms.keys()].sort().join(' ');
    if (!terms.size || keys.has(key)) return;
    concepts.push({ terms, together, ...(typed === undefined ? {} : { typed }), ...(qualifier ? { qualifier } : {}) });
    keys.add(key);
  };
  const phraseTerms = new Set<string>();
  for (const phrase of phrases) {
    const terms = tokenize(phrase);
    for (const term of terms) phraseTerms.add(term);
    push(new Map(terms.map((t) => [t, phraseWeight])), true);
  }
  const words = splitWords(rest);
  const compounds = compoundsOf(words, isTerm);
  let qualifying = false;
  for (const [i, word] of words.entries()) {
    // "filter by site", "sorted by date" say how to narrow or order what is asked for: an input, not a thing to find.
    if (words[i + 1] === 'by' && (narrowingWords.has(word) || (narrowingNouns.has(word) && words.slice(1, i).some((w) => !isStopWord(w))))) continue;
    if (word === 'by' || describesWhatIsAsked(words, i, isVerb) || opensWhereOrWith(words, i, isVerb)) qualifying = true;
    const term = toTerm(word);
    if (phraseTerms.has(term)) continue;
    const meanings = (wordMeanings(vocabulary, word) ?? []).map(toTerm);
    const terms = new Map<string, number>();
    const weight = qualifying ? qualifierWeight : 1;
    const loose = meanings.length > 0 && !meanings.includes(term);
    if (!isStopWord(word)) terms.set(term, (loose ? looseWordWeight : 1) * weight);
    // "my events" asks for the caller's, which paths say with "/me" (see search-fields).
    if (selfWords.has(word)) terms.set(selfTerm, meaningWeight * weight);
    for (const meaning of meanings) if (!terms.has(meaning)) terms.set(meaning, meaningWeight * weight);
    for (const compound of compounds[i]!) if (!terms.has(compound)) terms.set(compound, meaningWeight * weight);
    if (!isStopWord(word)) for (const noun of nounsOfVerb(term, isTerm)) if (!terms.has(noun)) terms.set(noun, meaningWeight * weight);
    if (!isStopWord(word)) for (const adjective of adjectivesOfNoun(term, isTerm)) if (!terms.has(adjective)) terms.set(adjective, meaningWeight * weight);
    push(terms, false, meanings.length && terms.has(term) ? term : undefined, qualifying && word !== 'by');
  }
  return concepts;
}

/** Words that open what a participle says of a thing ("connected to", "invited last week"). */
const participleLinks = new Set([
  'to',
  'by',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'since',
  'before',
  'after',
  'during',
  'last',
  'this',
  'yesterday',
  'today',
]);

/**
 * Whether the word at `i` is a participle right after a thing it says which of ("carriers connected to my
 * account", "users invited last week", "instances running"): it narrows as "by" does, rather than asking to
 * connect, invite or run. Only where a link word follows one in -ed ("the order shipped, so collect…" and "an
 * Express connected account" stay), and where one in -ing ends the request: many nouns end so ("a meeting with Dana").
 */
function describesWhatIsAsked(words: readonly string[], i: number, isVerb: (term: string) => boolean): boolean {
  const word = words[i]!;
  const before = words[i - 1];
  const after = words[i + 1];
  const ends = /[a-z]{3}ed$/.test(word) ? participleLinks.has(after ?? '') : /[a-z]{3}ing$/.test(word) && after === undefined;
  if (!ends || toTerm(word) === word || before === undefined) return false;
  return !isStopWord(before) && !isVerb(toTerm(before));
}

/**
 * Prepositions that, after the one thing a request's verb acts on, name where it is ("a note on company
 * 555") or what it is given ("a user with email and password"): about it, not what is asked for.
 */
const thingLinks = new Set(['on', 'in', 'to', 'into', 'under', 'within', 'for', 'with']);

/**
 * Whether the word at `i` opens the place or the fields of what a request acts on: a link word right after
 * the one thing its verb names ("create note on company 555", "add a comment to issue 7", "delete user in
 * group 3", "create user with email and password").
 */
function opensWhereOrWith(words: readonly string[], i: number, isVerb: (term: string) => boolean): boolean {
  if (!thingLinks.has(words[i]!)) return false;
  const content = words.slice(0, i).filter((word) => !isStopWord(word));
  return content.length === 2 && isVerb(toTerm(content[0]!)) && !isVerb(toTerm(content[1]!));
}

/**
 * The adjectives the API makes of a noun, which the stemmer keeps apart ("history": historical, "geography":
 * geographic, "statistic": statistical): "price history" asks for Tradematic's "Get historical data". Only
 * these endings: "-al" of other nouns makes words that mean something else ("option": optional, "person": personal).
 */
function adjectivesOfNoun(term: string, isTerm: (term: string) => boolean): string[] {
  if (term.length < minNounChars) return [];
  const stem = term.slice(0, -1);
  const forms = term.endsWith('y') ? [`${stem}ical`, `${stem}ic`] : term.endsWith('ic') ? [`${term}al`] : [];
  return forms.filter((form) => isTerm(form));
}

/** Every term of the concepts with its highest weight. */
export function conceptTerms(concepts: readonly QueryConcept[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const concept of concepts) for (const [term, weight] of concept.terms) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  return terms;
}

/**
 * The nouns the API makes of a verb, which the stemmer keeps apart ("execute": execution, "invite":
 * invitation, "define": definition): "execute function" asks for Appwrite's "Create Execution". Not of
 * the verbs of intent: "create" would reach every "creation date".
 */
function nounsOfVerb(term: string, isTerm: (term: string) => boolean): string[] {
  if (term.length < minVerbChars || isIntentTerm(term)) return [];
  return nounEndings.map((ending) => `${term}${ending}`).filter((noun) => isTerm(noun));
}
