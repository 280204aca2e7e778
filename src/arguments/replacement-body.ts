/**
 * @module A PATCH whose request body is its PUT's (NetBox's WritableDevice for dcim_devices_partial_update:
 * 261 operations in 13 directory documents, Django REST generators mostly): the schema is for replacing the
 * whole object, and its required names do not bind a PATCH, which sends what changes.
 */
import { isObject, type JsonObject } from '../base/json.js';
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { defName } from '../schema/local-defs.js';
import type { UnreliableConstraint } from '../schema/unreliable-constraints.js';

const replacements = new WeakMap<Catalog, Map<string, Operation>>();

/** Whether the operation is a PATCH whose body schema, for `mediaType`, is the one the PUT of its path takes. */
export function reusesReplacementBody(operation: Operation, catalog: Catalog, mediaType: string): boolean {
  if (operation.method !== 'patch') return false;
  const put = putsOf(catalog).get(operation.path);
  const own = operation.requestBody?.content?.[mediaType]?.schema;
  const theirs = put?.requestBody?.content?.[mediaType]?.schema;
  if (own === undefined || theirs === undefined) return false;
  if (own === theirs) return true;
  const ref = (schema: unknown) => (typeof schema === 'object' && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined);
  return typeof ref(own) === 'string' && ref(own) === ref(theirs);
}

/** The PUT operations of the catalog by path, built once. */
function putsOf(catalog: Catalog): Map<string, Operation> {
  let puts = replacements.get(catalog);
  // Also a PUT the filters left out: the PATCH's body is its PUT's whether or not the PUT is served.
  if (!puts) replacements.set(catalog, (puts = new Map(catalog.declaredOperations.filter((op) => op.method === 'put').map((op) => [op.path, op]))));
  return puts;
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
  const reason = "it is the PUT's, for replacing the whole object, and a PATCH sends only what changes";
  return [{ pointer, where: 'body', keyword: 'required', declared: required, reason }];
}
