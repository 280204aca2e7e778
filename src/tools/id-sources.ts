/**
 * @module Which operation makes the thing a path parameter names: the POST on the path before it
 * ("/v1/batches" for the {batchUuid} of "/v1/batches/{batchUuid}/banktransfers"), and which lists the ones
 * that exist. Fire's model paid into a batch no call had created: nothing said that a payment takes three
 * steps, the first of them elsewhere.
 */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { operationIntent } from '../search/search-intent.js';

/** Per catalog, by path (a trailing slash left aside): the POSTs that create (not search, not act) and the GETs that list. */
const collectionsByPath = new WeakMap<Catalog, { creations: Map<string, Operation>; listings: Map<string, Operation> }>();

/** For each path parameter of the operation whose collection has a POST that creates, that POST: `{ batchUuid: createBatchPayment }`. */
export function idSources(operation: Operation, catalog: Catalog): Map<string, Operation> {
  const sources = new Map<string, Operation>();
  const segments = operation.path.split('/');
  segments.forEach((segment, i) => {
    const name = /^\{([^{}]+)\}$/.exec(segment)?.[1];
    if (name === undefined || i < 2) return;
    const creation = collectionsOf(catalog).creations.get(withoutTrailingSlash(segments.slice(0, i).join('/')));
    if (creation) sources.set(name, creation);
  });
  return sources;
}

/**
 * For each path parameter `idSources` names a creation for, the GET that lists that collection, where there is one:
 * the ids that exist already. Told only of the creation, models in Billbee's and VictorOps' trials asked where to
 * find an order or a team they had not made.
 */
export function idListings(catalog: Catalog, sources: ReadonlyMap<string, Operation>): Map<string, Operation> {
  const listings = new Map<string, Operation>();
  for (const [name, creation] of sources) {
    const listing = collectionsOf(catalog).listings.get(withoutTrailingSlash(creation.path));
    if (listing) listings.set(name, listing);
  }
  return listings;
}

function collectionsOf(catalog: Catalog): { creations: Map<string, Operation>; listings: Map<string, Operation> } {
  let found = collectionsByPath.get(catalog);
  if (!found) {
    const byPath = (method: string, intent: string) =>
      new Map(catalog.operations.filter((op) => op.method === method && operationIntent(op) === intent).map((op) => [withoutTrailingSlash(op.path), op]));
    found = { creations: byPath('post', 'create'), listings: byPath('get', 'list') };
    collectionsByPath.set(catalog, found);
  }
  return found;
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
