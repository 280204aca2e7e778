/**
 * @module Lookup variants of filter parameters (django-filter's `name__ic`, `id__lte`, `site_id__n`: NetBox's
 * device list takes about a hundred beside its sixty filters; 7,138 such parameters on 165 operations of the
 * directory): a describe names them in one line, grouped, rather than showing each in the schema.
 */
import type { Operation } from '../openapi/operation.js';
import { argumentBindings } from './input-schema.js';

/** Fewer lookups are shown in full: a line of their own would save little. */
const minLookups = 10;
/** A lookup: one word of letters and digits after the last "__" (custom_field__data__ic is custom_field__data's ic). */
const lookupWord = /^[a-z][a-z0-9]*$/;

/** The filter and lookup of a `<filter>__<lookup>` name; undefined for another name. */
function splitLookup(name: string): [string, string] | undefined {
  const at = name.lastIndexOf('__');
  if (at <= 0 || !lookupWord.test(name.slice(at + 2))) return undefined;
  return [name.slice(0, at), name.slice(at + 2)];
}

/** The binding keys of the operation's optional lookup parameters (`<filter>__<lookup>`, beside `<filter>`), in schema order. */
export function lookupArguments(operation: Operation): string[] {
  const bindings = argumentBindings(operation).flatMap((b) => (b.location === 'body' ? [] : [b]));
  const filters = new Set(bindings.map((b) => b.key));
  const lookups = bindings.flatMap((b) => {
    const split = b.parameter.required ? undefined : splitLookup(b.key);
    return split && filters.has(split[0]) ? [b.key] : [];
  });
  return lookups.length >= minLookups ? lookups : [];
}

/** "n, lte, lt, gte, gt of id, position; n of site_id, rack_id": the lookups grouped by the filters that take the same ones. */
export function lookupsText(keys: readonly string[]): string {
  const byFilter = new Map<string, string[]>();
  for (const key of keys) {
    const [filter, lookup] = splitLookup(key)!;
    if (!byFilter.has(filter)) byFilter.set(filter, []);
    byFilter.get(filter)!.push(lookup);
  }
  const bySet = new Map<string, string[]>();
  for (const [filter, lookups] of byFilter) {
    const set = lookups.join(', ');
    if (!bySet.has(set)) bySet.set(set, []);
    bySet.get(set)!.push(filter);
  }
  return [...bySet].map(([set, filters]) => `${set} of ${filters.join(', ')}`).join('; ');
}
