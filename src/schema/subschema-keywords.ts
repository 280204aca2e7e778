/** @module Where JSON Schema (2020-12) keeps subschemas: in a map of names, in a list, or as the keyword's one value. */

export type SubschemaKind = 'map' | 'list' | 'single';

export const subschemaMaps = ['properties', 'patternProperties', 'dependentSchemas'] as const;
export const subschemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
export const singleSubschemas = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
] as const;

const kinds = new Map<string, SubschemaKind>([
  ...subschemaMaps.map((k) => [k, 'map'] as const),
  ...subschemaLists.map((k) => [k, 'list'] as const),
  ...singleSubschemas.map((k) => [k, 'single'] as const),
]);

/** How a keyword holds subschemas; undefined for a keyword that holds none. */
export function subschemaKind(keyword: string): SubschemaKind | undefined {
  return kinds.get(keyword);
}

/**
 * Keywords that apply their subschemas to a part of the instance (a property, an item) rather than to the
 * instance itself: a cycle of refs passing through one of them ends with the data; one that does not never ends.
 */
const descending = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'prefixItems',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

export function descendsIntoInstance(keyword: string): boolean {
  return descending.has(keyword);
}
