/**
 * @module Keeps, of a failed `oneOf` / `anyOf`, the errors of the branch the arguments were meant for (see
 * choose-branch.ts): that branch is validated again on its own, with the keywords beside the `oneOf`, and
 * its errors replace those of every branch. A `oneOf` that failed because several branches matched (strict
 * policy) keeps only its own error.
 */
import type { ErrorObject } from 'ajv';
import { isObject, type JsonObject } from '../base/json.js';
import { branchTypes, chooseBranch, jsonType, type ResolveSchema } from './choose-branch.js';
import { errorOrigin, relocate } from './deferred-parts.js';

export interface FocusContext {
  resolve: ResolveSchema;
  /** Validates a value against one branch of `parent[keyword]` together with the keywords beside it; returns the errors. */
  validateBranch(parent: JsonObject, keyword: 'anyOf' | 'oneOf', index: number, value: unknown): ErrorObject[];
}

/** Branch errors past this nesting are kept as they are. */
const maxDepth = 8;

export function focusBranches(errors: readonly ErrorObject[], context: FocusContext, depth = 0): ErrorObject[] {
  let remaining = [...errors];
  const done = new Set<string>();
  for (;;) {
    const composite = remaining
      .filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !done.has(e.instancePath))
      .sort((a, b) => a.instancePath.length - b.instancePath.length)[0];
    if (!composite || depth >= maxDepth) return remaining;
    const at = composite.instancePath;
    done.add(at);
    const outside = remaining.filter((e) => !isUnder(e.instancePath, at));
    remaining = [...outside, ...focusOne(composite, context, depth)];
  }
}

function focusOne(composite: ErrorObject, context: FocusContext, depth: number): ErrorObject[] {
  const origin = errorOrigin(composite);
  const at = composite.instancePath;
  const parent = origin.parentSchema;
  const keyword = composite.keyword as 'anyOf' | 'oneOf';
  const branches = isObject(parent) ? parent[keyword] : undefined;
  if (!isObject(parent) || !Array.isArray(branches)) return [composite];
  // Several branches matched a strict oneOf: which one is meant is the caller's to say.
  if (keyword === 'oneOf' && Array.isArray((origin.params as { passingSchemas?: unknown }).passingSchemas)) return [composite];
  const value = origin.data;
  const chosen = chooseBranch(branches, value, context.resolve);
  if (chosen === undefined) return [typeMismatch(composite, branches, value, context.resolve)];
  const found = context.validateBranch(parent, keyword, chosen, value).map((e) => relocate(e, at));
  // The branch passes alone, so a keyword beside the oneOf (or, in oneOf, another branch) failed: keep what ajv said.
  if (!found.length) return [composite];
  return focusBranches(found, context, depth + 1);
}

/** No branch takes a value of this JSON type: one type error naming the types they take. */
function typeMismatch(composite: ErrorObject, branches: unknown[], value: unknown, resolve: ResolveSchema): ErrorObject {
  const types = [...new Set(branches.flatMap((b) => branchTypes(b, resolve) ?? []))];
  return {
    ...errorOrigin(composite),
    instancePath: composite.instancePath,
    keyword: 'type',
    params: { type: types.join(',') },
    data: value,
    message: `must be ${types.join(' or ')}; got ${jsonType(value)}`,
  };
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
