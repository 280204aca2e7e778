/** @module What an id's prefix says it is of: APIs abbreviate the collection ("cus_9s6X" a customer, "pm_1MqL" a payment method). */
import { singular, splitWords } from './tokenize.js';

/** Abbreviations a prefix makes of a resource, from the surest to the loosest. */
const enum Fit {
  /** The prefix is the name, in the singular ("card": cards). */
  Exact,
  /** The prefix starts the name ("cus": customers, "ch": charges, "prod": products). */
  Start,
  /** One part per word, each that word's letters in order from its first ("pm": payment methods, "ich": issuing cardholders). */
  Initials,
  /** The name's letters in order, from its first ("acct": accounts, "po": payouts). */
  Letters,
}

/** At most this many resources are read into one prefix: a short one fits many ("in": invoices, intents...). */
const maxResources = 3;

/**
 * The names of the API's collections of items, what an id can be of: the fixed segment before a path
 * parameter ("/customers/{customer}": customers), alone and with the fixed segment before it
 * ("/checkout/sessions/{session}": checkout sessions); version segments left out.
 */
export function resourceNames(paths: Iterable<string>): string[][] {
  const names = new Map<string, string[]>();
  const add = (words: string[]) => {
    if (words.length && words.length <= 3) names.set(words.join(' '), words);
  };
  for (const path of paths) {
    const segments = path.split('/').filter(Boolean);
    const words = segments.map((segment) => (segment.includes('{') || /^v\d/i.test(segment) ? undefined : splitWords(segment)));
    segments.forEach((segment, i) => {
      const collection = words[i - 1];
      if (!segment.includes('{') || !collection) return;
      add(collection);
      const parent = words[i - 2];
      if (collection.length === 1 && parent?.length === 1) add([parent[0]!, collection[0]!]);
    });
  }
  return [...names.values()];
}

/** The resources (as their words) the prefix abbreviates best, at most `maxResources`; none when it fits none. */
export function resourcesOfPrefix(prefix: string, names: readonly (readonly string[])[]): string[][] {
  let best: Fit | undefined;
  let found: string[][] = [];
  for (const words of names) {
    const fit = fitOf(prefix, words);
    if (fit === undefined || (best !== undefined && fit > best)) continue;
    if (best === undefined || fit < best) [best, found] = [fit, []];
    found.push([...words]);
  }
  return found.length > maxResources ? found.sort((x, y) => x.join(' ').length - y.join(' ').length).slice(0, maxResources) : found;
}

function fitOf(prefix: string, words: readonly string[]): Fit | undefined {
  if (words.length === 1) {
    const [word] = words as [string];
    if (singular(word) === prefix) return Fit.Exact;
    if (word.length <= prefix.length) return undefined;
    if (word.startsWith(prefix)) return Fit.Start;
    return inOrder(prefix, word) ? Fit.Letters : undefined;
  }
  return initials(prefix, words) ? Fit.Initials : undefined;
}

/** Whether the prefix is the word's letters in order, starting with its first. */
function inOrder(prefix: string, word: string): boolean {
  if (prefix[0] !== word[0]) return false;
  let at = 1;
  for (let i = 1; i < word.length && at < prefix.length; i++) if (word[i] === prefix[at]) at++;
  return at === prefix.length;
}

/** Whether the prefix splits into one part per word, in order, each that word's letters from its first ("ich": i-ssuing, c-ard-h-olders). */
function initials(prefix: string, words: readonly string[]): boolean {
  if (!words.length) return prefix.length === 0;
  const [word, ...rest] = words as [string, ...string[]];
  for (let take = 1; take <= prefix.length - rest.length; take++) {
    if (!inOrder(prefix.slice(0, take), word)) break;
    if (initials(prefix.slice(take), rest)) return true;
  }
  return false;
}
