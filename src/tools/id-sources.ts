/**
 * @module Which operation makes the thing a path parameter names: the POST on the path before it
 * ("/v1/batches" for the {batchUuid} of "/v1/batches/{batchUuid}/banktransfers"). Fire's model paid into
 * a batch no call had created: nothing said that a payment takes three steps, the first of them elsewhere.
 */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { operationIntent } from '../search/search-intent.js';

/** Per catalog, the POST operations that create (not search, not act) by path, a trailing slash left aside. */
const creationsByPath = new WeakMap<Catalog, Map<string, Operation>>();

/** For each path parameter of the operation whose collection has a POST that creates, that POST: `{ batchUuid: createBatchPayment }`. */
export function idSources(operation: Operation, catalog: Catalog): Map<string, Operation> {
  const sources = new Map<string, Operation>();
  const segments = operation.path.split('/');
  segments.forEach((segment, i) => {
    const name = /^\{([^{}]+)\}$/.exec(segment)?.[1];
    if (name === undefined || i < 2) return;
    const creation = creationsOf(catalog).get(withoutTrailingSlash(segments.slice(0, i).join('/')));
    if (creation) sources.set(name, creation);
  });
  return sources;
}

/** Per catalog, the GET operations that list, by path. */
const listingsByPath = new WeakMap<Catalog, Map<string, Operation>>();

/**
 * For each path parameter `idSources` names a creation for, the GET that lists that collection, where there is one:
 * the ids that exist already. Told only of the creation, models in Billbee's and VictorOps' trials asked where to
 * find an order or a team they had not made.
 */
export function idListings(operation: Operation, catalog: Catalog, sources: ReadonlyMap<string, Operation>): Map<string, Operation> {
  const listings = new Map<string, Operation>();
  for (const [name, creation] of sources) {
    const listing = listingsOf(catalog).get(withoutTrailingSlash(creation.path));
    if (listing) listings.set(name, listing);
  }
  return listings;
}

function listingsOf(catalog: Catalog): Map<string, Operation> {
  let found = listingsByPath.get(catalog);
  if (!found) {
    const listings = catalog.operations.filter((op) => op.method === 'get' && operationIntent(op) === 'list');
    found = new Map(listings.map((op) => [withoutTrailingSlash(op.path), op]));
    listingsByPath.set(catalog, found);
  }
  return found;
}

function creationsOf(catalog: Catalog): Map<string, Operation> {
  let found = creationsByPath.get(catalog);
  if (!found) {
    const creations = catalog.operations.filter((op) => op.method === 'post' && operationIntent(op) === 'create');
    found = new Map(creations.map((op) => [withoutTrailingSlash(op.path), op]));
    creationsByPath.set(catalog, found);
  }
  return found;
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
