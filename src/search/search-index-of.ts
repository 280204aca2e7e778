/** @module The search index of a catalog: built on first use (startup stays fast), then kept as long as the catalog lives. */
import type { Catalog } from '../openapi/catalog.js';
import { SearchIndex } from './search-index.js';

const indexes = new WeakMap<Catalog, SearchIndex>();

export function searchIndexOf(catalog: Catalog): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = new SearchIndex(catalog.operations)));
  return index;
}
