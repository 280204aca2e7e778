/**
 * @module How exactly an operation's title (its summary, or the words of its id) says what a keyword
 * query says: "create issue" is "Create an issue" exactly, and "Create an issue comment" with a word more.
 */
import { isIntentTerm } from './search-intent.js';
import { isApiSegment, selfTerm, type FieldTerms } from './search-fields.js';

/** Versions ("v1", "v2beta1") and bare numbers say which copy of an API, not what an operation does. */
const versionTerm = /^(?:v\d+(?:(?:alpha|beta)\d*)?|\d+)$/;

/** The words of a title that say what it is about: without verbs of intent, method names and versions. */
export function contentTerms(terms: Iterable<string>): string[] {
  const content = new Set<string>();
  for (const term of terms) if (!isIntentTerm(term) && !versionTerm.test(term)) content.add(term);
  return [...content];
}

/**
 * An operation's titles as content terms: its summary's and its id's (once when they say the same). An
 * operation on the caller ("/me/events") has the caller in its titles, as a request for "my events" does.
 */
export function titlesOf(fields: Pick<FieldTerms, 'summary' | 'id' | 'path'>): string[][] {
  const self = fields.path.includes(selfTerm) ? [selfTerm] : [];
  const summary = contentTerms([...fields.summary, ...self]);
  const id = contentTerms([...fields.id, ...self]);
  const same = summary.length === id.length && summary.every((t) => id.includes(t));
  return (same ? [summary] : [summary, id]).filter((title) => title.length > 0);
}

/**
 * What a path names as a title: its static segments' content terms, less those saying which API or version
 * ("/api/v1/ontology/term/{accId}": ontology, term), with the caller for "/me".
 */
export function pathTitleOf(fields: Pick<FieldTerms, 'path'>): string[] {
  return contentTerms(fields.path.filter((term) => !isApiSegment(term)));
}

/**
 * How well the best of the titles fits the query's content terms: 0 unless a title has every one of
 * them, then 1 for a title with no other word, 1/2 with one more, 1/3 with two more... so that the plain
 * operation comes before those that add what they act on ("Create an issue" before "Create an issue comment").
 */
export function titleFit(query: ReadonlySet<string>, titles: readonly (readonly string[])[]): number {
  if (!query.size) return 0;
  let best = 0;
  for (const title of titles) {
    let covered = 0;
    // The caller is no extra word: "list events" fits "/me/events" as well as "/events".
    let extra = 0;
    for (const term of title) {
      if (query.has(term)) covered++;
      else if (term !== selfTerm) extra++;
    }
    if (covered < query.size) continue;
    best = Math.max(best, 1 / (1 + extra));
  }
  return best;
}
