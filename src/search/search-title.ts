/**
 * @module How exactly an operation's title (its summary, or the words of its id) says what a keyword
 * query says: "create issue" is "Create an issue" exactly, and "Create an issue comment" with a word more.
 */
import { isIntentTerm } from './search-intent.js';
import type { FieldTerms } from './search-fields.js';

/** Versions ("v1", "v2beta1") and bare numbers say which copy of an API, not what an operation does. */
const versionTerm = /^(?:v\d+(?:(?:alpha|beta)\d*)?|\d+)$/;

/** The words of a title that say what it is about: without verbs of intent, method names and versions. */
export function contentTerms(terms: Iterable<string>): string[] {
  const content = new Set<string>();
  for (const term of terms) if (!isIntentTerm(term) && !versionTerm.test(term)) content.add(term);
  return [...content];
}

/** An operation's titles as content terms: its summary's and its id's (the summary stands in for none when equal). */
export function titlesOf(fields: Pick<FieldTerms, 'summary' | 'id'>): string[][] {
  const summary = contentTerms(fields.summary);
  const id = contentTerms(fields.id);
  const same = summary.length === id.length && summary.every((t) => id.includes(t));
  return (same ? [summary] : [summary, id]).filter((title) => title.length > 0);
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
    for (const term of title) if (query.has(term)) covered++;
    if (covered < query.size) continue;
    best = Math.max(best, 1 / (1 + title.length - covered));
  }
  return best;
}
