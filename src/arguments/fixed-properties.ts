/**
 * @module Fills in a body the properties the input schema marks as fixed (see schema/fixed-value) that the
 * caller left out: Bitbucket's `"type": "pullrequest"`, Graph's `"@odata.type": "#microsoft.graph.event"`.
 * Only through what is certain: `$ref`, `allOf`, properties and items, never into one of several alternatives.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { markedFixedValue } from '../schema/fixed-value.js';
import { followDefs } from '../schema/local-defs.js';

/** Deeper than this the body is left as given: fixed values sit near the top of real bodies. */
const maxDepth = 16;

/** `body` with the fixed properties it left out filled in, copied where changed; `body` itself when nothing is missing. */
export function withFixedProperties(body: unknown, schema: unknown, defs: JsonObject): unknown {
  return fill(body, schema, defs, 0);
}

function fill(value: unknown, schema: unknown, defs: JsonObject, depth: number): unknown {
  if (depth > maxDepth) return value;
  const node = followDefs(schema, defs);
  if (!isObject(node)) return value;
  let out = value;
  if (Array.isArray(value) && isObject(node.items)) {
    const items = value.map((item) => fill(item, node.items, defs, depth + 1));
    if (items.some((item, i) => item !== value[i])) out = items;
  }
  if (isObject(value) && isObject(node.properties)) out = fillProperties(value, node.properties, defs, depth);
  if (Array.isArray(node.allOf)) for (const member of node.allOf) out = fill(out, member, defs, depth + 1);
  return out;
}

function fillProperties(value: JsonObject, properties: JsonObject, defs: JsonObject, depth: number): JsonObject {
  let out = value;
  const set = (name: string, next: unknown) => {
    if (out === value) out = { ...value };
    out[name] = next;
  };
  for (const [name, property] of Object.entries(properties)) {
    if (!Object.hasOwn(value, name)) {
      const fixed = markedFixedValue(property);
      if (fixed !== undefined) set(name, fixed);
      continue;
    }
    const next = fill(value[name], property, defs, depth + 1);
    if (next !== value[name]) set(name, next);
  }
  return out;
}
