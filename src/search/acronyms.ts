/**
 * @module Words a request says in full that the API names by their initials: "virtual machines" where
 * vRealize Network Insight's path is "/entities/vms". Only an acronym that is a whole path segment counts:
 * as a word in prose, "pr" would make "private repo" a pull request.
 */
import { isStopWord, splitWords } from './tokenize.js';
import type { Tokenizer } from './search-fields.js';

/** Runs of this many words at most are read as an acronym's letters. */
const maxAcronymWords = 3;
/** Each word of the run at least this long: "a", "to" and "my" start no acronym's word. */
const minWordLength = 3;

/** The terms of the paths' static segments that are one word each ("/entities/vms": vm), where an acronym would stand. */
export function segmentTerms(paths: Iterable<string>, terms: Tokenizer): Set<string> {
  const found = new Set<string>();
  for (const path of paths)
    for (const segment of path.split('/')) {
      if (!segment || segment.includes('{')) continue;
      const words = terms(segment);
      if (words.length === 1) found.add(words[0]!);
    }
  return found;
}

/** The initials of runs of the request's words that are such a segment's term, and not a word typed already. */
export function acronymsSaid(text: string, segments: ReadonlySet<string>): string[] {
  const words = splitWords(text).filter((word) => !isStopWord(word));
  const found = new Set<string>();
  for (let length = 2; length <= maxAcronymWords; length++)
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length);
      if (run.some((word) => word.length < minWordLength)) continue;
      const initials = run.map((word) => word[0]).join('');
      if (segments.has(initials) && !words.includes(initials)) found.add(initials);
    }
  return [...found];
}
