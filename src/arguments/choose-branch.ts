/**
 * @module Which branch of a failed `oneOf` / `anyOf` the arguments were meant for: the one of their JSON
 * type, then the one whose const or enum fields (discriminators) they match, then the one knowing most of
 * their properties. Only that branch's errors are worth reporting: the others say "must be array" to an
 * object that has one bad field.
 */
import { isObject, type JsonObject } from '../base/json.js';

/** Follows `$ref`s and deferred parts to the schema a branch stands for. */
export type ResolveSchema = (node: unknown) => unknown;

/** The JSON Schema type of a value: `integer` for whole numbers. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The index of the branch meant, or undefined when none takes a value of this JSON type. */
export function chooseBranch(branches: readonly unknown[], value: unknown, resolve: ResolveSchema): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  branches.forEach((branch, index) => {
    const score = scoreBranch(flatten(branch, resolve), value, resolve);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return bestScore === -Infinity ? undefined : best;
}

/** The JSON types a branch takes, when it says: its `type`, or what its keywords imply. */
export function branchTypes(branch: unknown, resolve: ResolveSchema): string[] | undefined {
  const node = flatten(branch, resolve);
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (values) return [...new Set(values.map(jsonType))];
  if (isObject(node.properties) || Array.isArray(node.required)) return ['object'];
  if (node.items !== undefined || Array.isArray(node.prefixItems)) return ['array'];
  return undefined;
}

function scoreBranch(node: JsonObject, value: unknown, resolve: ResolveSchema): number {
  const types = branchTypes(node, resolve);
  const type = jsonType(value);
  if (types && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return -Infinity;
  let score = types ? 10 : 5;
  if (literalsOf(node)?.some((literal) => literal === value)) score += 50;
  if (isObject(value)) {
    const properties = isObject(node.properties) ? node.properties : {};
    for (const [key, given] of Object.entries(value)) {
      if (!(key in properties)) {
        if (node.additionalProperties === false) score -= 2;
        continue;
      }
      score += 2;
      // A field fixed to a few literals tells the branches apart (a discriminator, declared or not).
      const literals = literalsOf(flatten(properties[key], resolve));
      if (literals) score += literals.some((literal) => literal === given) ? 100 : -100;
    }
    for (const name of Array.isArray(node.required) ? node.required : []) if (typeof name === 'string' && !(name in value)) score -= 1;
  }
  return score;
}

function literalsOf(node: JsonObject): unknown[] | undefined {
  if ('const' in node) return [node.const];
  return Array.isArray(node.enum) && node.enum.length <= 3 ? node.enum : undefined;
}

/** The branch behind its refs, with the properties, required names and type of its `allOf` members folded in. */
function flatten(branch: unknown, resolve: ResolveSchema, depth = 0): JsonObject {
  const node = resolve(branch);
  if (!isObject(node)) return {};
  const members = [
    ...(Array.isArray(node.allOf) ? node.allOf : []),
    // A $ref beside other keywords, and a deferred part, are members too.
    ...Object.keys(node)
      .filter((key) => key === '$ref' || key === 'deferredPart')
      .map((key) => ({ [key]: node[key] })),
  ];
  if (!members.length || depth > 4) return node;
  const merged: JsonObject = { ...node, properties: { ...(isObject(node.properties) ? node.properties : {}) } };
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  for (const member of members) {
    const flat = flatten(member, resolve, depth + 1);
    if (flat === node) continue;
    Object.assign(merged.properties as JsonObject, isObject(flat.properties) ? flat.properties : {});
    for (const name of Array.isArray(flat.required) ? flat.required : []) required.add(name);
    merged.type ??= flat.type;
    if (flat.additionalProperties === false) merged.additionalProperties = false;
  }
  if (required.size) merged.required = [...required];
  return merged;
}
