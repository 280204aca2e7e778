/**
 * @module A PATCH whose request body is the schema of the whole object: its PUT's (NetBox's WritableDevice for
 * dcim_devices_partial_update: 261 operations in 13 directory documents, Django REST generators mostly), or
 * the one its collection's POST creates with (Apideck's Opportunity), also when written out again (Akeneo's);
 * or any body sent as a JSON merge patch.
 * Its required names are for a whole object, and do not bind a PATCH, which sends what changes; but an
 * object of one property (a comment's body) is what any PATCH of it sends, so there its name binds.
 */
import { isDeepStrictEqual } from 'node:util';
import { isObject, type JsonObject } from '../base/json.js';
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { defName } from '../schema/local-defs.js';
import type { UnreliableConstraint } from '../schema/unreliable-constraints.js';

/** The media type of a JSON merge patch, with any parameters. */
const mergePatch = /^application\/merge-patch\+json\s*(?:;|$)/i;

/** Per catalog, by path: the PUTs, and the POSTs (creations, when the path is a collection's). */
const wholeObjectOperations = new WeakMap<Catalog, { puts: Map<string, Operation>; posts: Map<string, Operation> }>();

/**
 * Whether the operation is a PATCH whose body, for `mediaType`, is a merge patch or the schema its PUT or its
 * collection's POST takes, other than an object of one property.
 */
export function reusesReplacementBody(operation: Operation, catalog: Catalog, mediaType: string): boolean {
  if (operation.method !== 'patch') return false;
  // A JSON merge patch (RFC 7396) leaves what it does not name as it was, whatever its schema requires (API Platform's Monitor-patch).
  if (mergePatch.test(mediaType)) return true;
  const own = operation.requestBody?.content?.[mediaType]?.schema;
  if (own === undefined) return false;
  const { puts, posts } = operationsOf(catalog);
  // The collection keeps the item path's trailing slash, as Django REST writes both ("/sites/{id}/", "/sites/").
  const collection = operation.path.replace(/\/\{[^/{}]+\}(\/?)$/, '$1');
  const whole = [puts.get(operation.path), collection === operation.path ? undefined : posts.get(collection)];
  if (!whole.some((other) => sameSchema(own, other?.requestBody?.content?.[mediaType]?.schema))) return false;
  // An object of one property (a comment's body) is what any PATCH of it sends: its required name binds.
  return !hasOneProperty(catalog, own, operation.docUrl);
}

/** Whether a body schema is an object of exactly one property. */
function hasOneProperty(catalog: Catalog, schema: unknown, docUrl: string): boolean {
  const resolved = catalog.spec.resolver.derefQuietly(schema, docUrl, 'request body schema');
  return isObject(resolved) && isObject(resolved.properties) && Object.keys(resolved.properties).length === 1;
}

/**
 * Whether two body schemas are one: the same object, `$ref`s to the same place, or one written out twice
 * (Akeneo's channels_patch repeats channels_post's inline schema, example and all).
 */
function sameSchema(own: unknown, theirs: unknown): boolean {
  if (theirs === undefined) return false;
  if (own === theirs) return true;
  const ref = (schema: unknown) => (typeof schema === 'object' && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined);
  if (ref(own) !== undefined || ref(theirs) !== undefined) return typeof ref(own) === 'string' && ref(own) === ref(theirs);
  return isDeepStrictEqual(own, theirs);
}

/** The PUT and POST operations of the catalog by path, built once. */
function operationsOf(catalog: Catalog): { puts: Map<string, Operation>; posts: Map<string, Operation> } {
  let found = wholeObjectOperations.get(catalog);
  // Also those the filters left out: the PATCH's body is the whole object's whether or not they are served.
  const byPath = (method: string) => new Map(catalog.declaredOperations.filter((op) => op.method === method).map((op) => [op.path, op]));
  if (!found) wholeObjectOperations.set(catalog, (found = { puts: byPath('put'), posts: byPath('post') }));
  return found;
}

/** The required names of the body of an input schema, as a constraint not to enforce: where its object says them. */
export function replacementRequired(schema: JsonObject): UnreliableConstraint[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const body = properties.body;
  const name = isObject(body) ? defName(body.$ref) : undefined;
  const node = name !== undefined ? defs[name] : body;
  const pointer = name !== undefined ? `/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` : '/properties/body';
  const required = isObject(node) && Array.isArray(node.required) ? node.required.filter((n): n is string => typeof n === 'string') : [];
  if (!required.length) return [];
  const reason = "it is the whole object's (its PUT's, its creation's, or a merge patch's), and a PATCH sends only what changes";
  return [{ pointer, where: 'body', keyword: 'required', declared: required, reason }];
}
