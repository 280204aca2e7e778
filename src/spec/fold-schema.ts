/**
 * @module Folds an input schema too long to read at once: below the deepest level that fits a
 * character budget, subtrees become stubs that name the part to describe next (`id#/json/pointer`).
 * Validation always uses the whole schema; folding only shortens what is shown.
 */
import { isObject, type JsonObject } from './openapi-types.js';

const containers = ['properties', 'patternProperties', '$defs'] as const;
const childKeys = ['items', 'additionalProperties', 'not', 'contains'] as const;
const listKeys = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

/** Returns the schema unchanged when it fits, else the deepest folding that fits (at least one level). */
export function foldSchema(schema: JsonObject, maxChars: number, partId: (pointer: string) => string): { schema: JsonObject; foldedAt?: number } {
  if (JSON.stringify(schema).length <= maxChars) return { schema };
  let folded: JsonObject = schema;
  let depth = 8;
  for (; depth >= 1; depth--) {
    folded = fold(schema, '', 0, depth, partId) as JsonObject;
    if (JSON.stringify(folded).length <= maxChars) break;
  }
  return { schema: folded, foldedAt: Math.max(depth, 1) };
}

function fold(node: unknown, pointer: string, depth: number, maxDepth: number, partId: (pointer: string) => string): unknown {
  if (!isObject(node)) return node;
  if (depth >= maxDepth && isBig(node)) return stub(node, partId(pointer));
  const out: JsonObject = { ...node };
  for (const key of containers) {
    if (!isObject(node[key])) continue;
    out[key] = Object.fromEntries(
      Object.entries(node[key]).map(([name, child]) => [name, fold(child, `${pointer}/${key}/${escape(name)}`, key === '$defs' ? 1 : depth + 1, maxDepth, partId)]),
    );
  }
  for (const key of childKeys) if (isObject(node[key])) out[key] = fold(node[key], `${pointer}/${key}`, depth + 1, maxDepth, partId);
  for (const key of listKeys) {
    const list = node[key];
    if (Array.isArray(list)) out[key] = list.map((child, i) => fold(child, `${pointer}/${key}/${i}`, depth + 1, maxDepth, partId));
  }
  return out;
}

/** Worth folding: it has structure of its own, not just a type or an enum. */
function isBig(node: JsonObject): boolean {
  return ['properties', 'items', 'anyOf', 'oneOf', 'allOf', 'patternProperties'].some((k) => k in node) || (isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length > 1);
}

function stub(node: JsonObject, part: string): JsonObject {
  const out: JsonObject = {};
  if (node.type !== undefined) out.type = node.type;
  const size = isObject(node.properties) ? `${Object.keys(node.properties).length} properties` : node.items !== undefined ? 'array items' : 'alternatives';
  out.description = `${typeof node.description === 'string' ? `${node.description} ` : ''}(folded: ${size}; describe "${part}" for this part)`;
  return out;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The sub-schema at a JSON pointer of an input schema, with the `$defs` it refers to, so it stands
 * alone. Undefined when the pointer leads nowhere.
 */
export function schemaPart(schema: JsonObject, pointer: string): JsonObject | undefined {
  let current: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isObject(current) && typeof current.$ref === 'string' && !(token in current)) current = resolveLocal(schema, current.$ref);
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  if (isObject(current) && typeof current.$ref === 'string') current = resolveLocal(schema, current.$ref);
  if (!isObject(current)) return undefined;
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const needed = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/')) {
          const name = child.slice('#/$defs/'.length);
          if (!needed.has(name)) {
            needed.add(name);
            collect(defs[name]);
          }
        } else collect(child);
      }
    }
  };
  collect(current);
  const part: JsonObject = { ...current };
  delete part.$defs;
  if (needed.size) part.$defs = Object.fromEntries([...needed].map((name) => [name, defs[name]]));
  return part;
}

function resolveLocal(schema: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/$defs/')) return undefined;
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  return defs[ref.slice('#/$defs/'.length)];
}
