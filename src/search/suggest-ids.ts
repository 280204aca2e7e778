/** @module The closest ids to an unknown one, for "did you mean": by edit distance, by prefix and by search. */
import { editDistance } from '../base/edit-distance.js';
import type { Catalog } from '../openapi/catalog.js';
import { searchIndexOf } from './search-index-of.js';

/** Best first. Only the first 200 characters of `unknown` count: ids are shorter. */
export function suggestIds(catalog: Catalog, unknown: string, limit = 3): string[] {
  const needle = unknown.slice(0, 200).toLowerCase();
  const byDistance = catalog.operations
    .map((op) => ({ id: op.id, distance: editDistance(needle, op.id.toLowerCase()) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(needle.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .map((c) => c.id);
  const bySearch = searchIndexOf(catalog)
    .search(needle.replace(/^[a-z]+\s+\//, '/'), { limit })
    .map((hit) => hit.operation.id);
  const byPrefix = catalog.operations.filter((op) => op.id.toLowerCase().startsWith(needle)).map((op) => op.id);
  return [...new Set([...byDistance, ...byPrefix, ...bySearch])].slice(0, limit);
}
