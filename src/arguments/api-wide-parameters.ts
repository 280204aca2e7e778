/**
 * @module Parameters an API declares alike on nearly every operation (Google's alt, fields, key, quotaUser,
 * prettyPrint...): optional and always the same, they are named once in a describe, not shown in full in each.
 */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import type { ParameterObject } from '../openapi/openapi-types.js';
import { argumentBindings } from './input-schema.js';
import { isClientDefaulted } from './transport-headers.js';

/** An API this small shows its parameters in full: a list of names would save little. */
const minOperations = 5;
/** The share of operations a parameter must be declared alike on to be the API's rather than the operation's. */
const minShare = 0.9;
/** Fewer such parameters are shown in full: naming them apart saves less than it costs to read. */
const minParameters = 3;

const cache = new WeakMap<Catalog, ReadonlySet<string>>();

/** The binding keys of the operation's optional parameters that the API declares alike on nearly every operation, in schema order. */
export function apiWideArguments(operation: Operation, catalog: Catalog): string[] {
  const wide = apiWideSignatures(catalog);
  if (!wide.size) return [];
  return argumentBindings(operation).flatMap((b) => (b.location !== 'body' && wide.has(signatureOf(b.parameter)) ? [b.key] : []));
}

function apiWideSignatures(catalog: Catalog): ReadonlySet<string> {
  let wide = cache.get(catalog);
  if (!wide) cache.set(catalog, (wide = findApiWide(catalog.operations)));
  return wide;
}

/** Counted by name first, so that only parameters on nearly every operation have their whole definition compared. */
function findApiWide(operations: readonly Operation[]): ReadonlySet<string> {
  if (operations.length < minOperations) return new Set();
  const needed = Math.ceil(minShare * operations.length);
  const byName = countBy(operations, (p) => (isOptional(p) ? `${p.in}\0${p.name}` : undefined));
  const frequent = new Set([...byName].filter(([, n]) => n >= needed).map(([key]) => key));
  if (frequent.size < minParameters) return new Set();
  const bySignature = countBy(operations, (p) => (frequent.has(`${p.in}\0${p.name}`) ? signatureOf(p) : undefined));
  const wide = new Set([...bySignature].filter(([, n]) => n >= needed).map(([signature]) => signature));
  return wide.size >= minParameters ? wide : new Set();
}

/** Per key, the number of operations with a parameter of that key (once per operation). */
function countBy(operations: readonly Operation[], keyOf: (p: ParameterObject) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const operation of operations) {
    const keys = new Set(operation.parameters.map(keyOf).filter((key) => key !== undefined));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function isOptional(p: ParameterObject): boolean {
  return p.in !== 'path' && (p.required !== true || isClientDefaulted(p));
}

const signatures = new WeakMap<ParameterObject, string>();

/** What makes two declarations the same parameter: where, its name, and all it says. */
function signatureOf(p: ParameterObject): string {
  let signature = signatures.get(p);
  if (signature === undefined) signatures.set(p, (signature = JSON.stringify(p)));
  return signature;
}
