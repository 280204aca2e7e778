/**
 * @module Lookup variants of filter parameters (django-filter's `name__ic`, `id__lte`, `site_id__n`: NetBox's
 * device list takes about a hundred beside its sixty filters; 7,138 such parameters on 165 operations of the
 * directory): a describe names them in one line, grouped, rather than showing each in the schema.
 */
import type { Operation } from '../openapi/operation.js';
import { argumentBindings } from './input-schema.js';

/** Fewer lookups are shown in full: a line of their own would save little. */
const minLookups = 10;
const lookupName = /^(.+?)__([a-z][a-z0-9_]*)$/;

/** The binding keys of the operation's optional lookup parameters (`<filter>__<lookup>`, beside `<filter>`), in schema order. */
export function lookupArguments(operation: Operation): string[] {
  const bindings = argumentBindings(operation).flatMap((b) => (b.location === 'body' ? [] : [b]));
  const filters = new Set(bindings.map((b) => b.key));
  const lookups = bindings.flatMap((b) => {
    const match = b.parameter.required ? null : lookupName.exec(b.key);
    return match && filters.has(match[1]!) ? [b.key] : [];
  });
  return lookups.length >= minLookups ? lookups : [];
}

/** "n, lte, lt, gte, gt of id, position; n of site_id, rack_id": the lookups grouped by the filters that take the same ones. */
export function lookupsText(keys: readonly string[]): string {
  const byFilter = new Map<string, string[]>();
  for (const key of keys) {
    const [, filter, lookup] = lookupName.exec(key)!;
    if (!byFilter.has(filter!)) byFilter.set(filter!, []);
    byFilter.get(filter!)!.push(lookup!);
  }
  const bySet = new Map<string, string[]>();
  for (const [filter, lookups] of byFilter) {
    const set = lookups.join(', ');
    if (!bySet.has(set)) bySet.set(set, []);
    bySet.get(set)!.push(filter);
  }
  return [...bySet].map(([set, filters]) => `${set} of ${filters.join(', ')}`).join('; ');
}
