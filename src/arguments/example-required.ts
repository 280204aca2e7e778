/**
 * @module Required names a request body's own example leaves out: Xero's employee update takes the creation's
 * schema, which requires FirstName, LastName and DateOfBirth, and its example sends MiddleNames alone. The
 * document contradicts itself, so the names are not enforced, as a pattern refusing its own example is not
 * (see unreliable-constraints). 38 operations of 14 directory documents.
 */
import { isObject, type JsonObject } from '../base/json.js';
import type { MediaTypeObject } from '../openapi/openapi-types.js';
import { defName } from '../schema/local-defs.js';
import type { UnreliableConstraint } from '../schema/unreliable-constraints.js';

/** The body's required names its example leaves out, at the object (or a list's items) that requires them. */
export function namesTheExampleLeavesOut(schema: JsonObject, media: MediaTypeObject): UnreliableConstraint[] {
  const example = exampleOf(media);
  if (example === undefined) return [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const at = (node: unknown, pointer: string): { node: unknown; pointer: string } => {
    const name = isObject(node) ? defName(node.$ref) : undefined;
    return name !== undefined && Object.hasOwn(defs, name) ? { node: defs[name], pointer: `/$defs/${escape(name)}` } : { node, pointer };
  };
  let { node, pointer } = at(properties.body, '/properties/body');
  let items: unknown[] = [example];
  if (isObject(node) && node.type === 'array' && Array.isArray(example)) {
    ({ node, pointer } = at(node.items, `${pointer}/items`));
    items = example;
  }
  if (!isObject(node) || !items.length || !items.every(isObject)) return [];
  const missing = namesLeftOut(node.required, items);
  if (!missing.length) return [];
  const named = missing.map((name) => JSON.stringify(name)).join(', ');
  return [{ pointer, where: 'body', keyword: 'required', declared: missing, reason: `the document's own request example leaves out ${named}` }];
}

/** The names of a `required` list that some of the example's objects leave out. */
export function namesLeftOut(required: unknown, items: readonly JsonObject[]): string[] {
  if (!Array.isArray(required)) return [];
  return required.filter((name): name is string => typeof name === 'string' && items.some((item) => !Object.hasOwn(item, name)));
}

/** The media type's example, or its first named one, as a value (a JSON text parsed); undefined when none is an object or a list. */
export function exampleOf(media: MediaTypeObject): unknown {
  let example = media.example;
  if (example === undefined && isObject(media.examples)) {
    const first = Object.values(media.examples)[0];
    example = isObject(first) ? first.value : undefined;
  }
  if (typeof example === 'string') {
    try {
      example = JSON.parse(example);
    } catch {
      return undefined;
    }
  }
  return isObject(example) || Array.isArray(example) ? example : undefined;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
