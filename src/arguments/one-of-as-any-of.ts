/**
 * @module The lenient reading of `oneOf`: real documents declare branches that overlap (a string id and a
 * numeric-looking string, two objects with optional fields), and exact-one would refuse a value the API takes.
 * When several branches match, the API decides which it means.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { subschemaKind } from '../schema/subschema-keywords.js';
import { recordOrigin } from './schema-origins.js';

/** The schema with every `oneOf` as `anyOf`; unchanged parts are shared, and the schema itself is returned when it has no `oneOf`. */
export function oneOfAsAnyOf(schema: JsonObject): JsonObject {
  const done = new Map<object, unknown>();
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const items = node.map(rewrite);
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    if (!isObject(node)) return node;
    const cached = done.get(node);
    if (cached !== undefined) return cached;
    let changed = false;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const kind = key === '$defs' ? 'map' : subschemaKind(key);
      let next = value;
      if (kind === 'map' && isObject(value)) {
        const entries = Object.entries(value).map(([name, child]) => [name, rewrite(child)] as const);
        if (entries.some(([name, child]) => child !== value[name])) next = Object.fromEntries(entries);
      } else if (kind) next = rewrite(value);
      const target = key === 'oneOf' && !('anyOf' in node) ? 'anyOf' : key;
      if (next !== value || target !== key) changed = true;
      out[target] = next;
    }
    const result = changed ? out : node;
    recordOrigin(result, node);
    done.set(node, result);
    return result;
  };
  return rewrite(schema) as JsonObject;
}
