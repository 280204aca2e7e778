/**
 * @module Compound words ("worklog", "usergroups", "configmap") as their parts when the API uses both
 * parts on their own: "log work" then finds addWorklog, and "config map" a ConfigMap written as one word.
 */
import { toTerm } from './tokenize.js';

/** Parts shorter than this are not split off: "re", "un", "io" would split too much. */
const minPart = 3;

/**
 * The two terms a compound term is made of, when both are `known`: the split with the longest known
 * first part. Undefined for a term that is not such a compound (or is known itself as a whole, when `whole` says so).
 */
export function compoundParts(term: string, known: (term: string) => boolean): [string, string] | undefined {
  if (term.length < 2 * minPart || /\d/.test(term)) return undefined;
  for (let at = term.length - minPart; at >= minPart; at--) {
    const first = toTerm(term.slice(0, at));
    const second = toTerm(term.slice(at));
    if (first !== term && second !== term && known(first) && known(second)) return [first, second];
  }
  return undefined;
}
