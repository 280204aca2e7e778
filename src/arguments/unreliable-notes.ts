/**
 * @module Notes for values sent past an unreliable constraint (see unreliable-constraints.ts): the call goes
 * through, and the result says which values the document would have refused and why they were not.
 */
import { testWithin } from '../base/bounded-regexp.js';
import { defName } from '../schema/local-defs.js';
import type { UnreliableConstraint } from '../schema/unreliable-constraints.js';
import { isObject, type JsonObject } from '../base/json.js';

/** Subschemas walked at most, with the arguments: bounded even for a recursive schema and a deep value. */
const maxVisits = 10_000;

/** One note per constraint a value broke, naming the values and where they were. */
export function unreliableNotes(schema: JsonObject, unreliable: readonly UnreliableConstraint[], args: unknown): string[] {
  if (!unreliable.length) return [];
  const byPointer = new Map(unreliable.map((c) => [c.pointer, c]));
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const broken = new Map<UnreliableConstraint, Map<string, unknown>>();
  let visits = 0;

  const visit = (node: unknown, pointer: string, value: unknown, at: string): void => {
    if (value === undefined || !isObject(node) || ++visits > maxVisits) return;
    const constraint = byPointer.get(pointer);
    if (constraint && breaks(constraint, value)) {
      if (!broken.has(constraint)) broken.set(constraint, new Map());
      broken.get(constraint)!.set(at || '/', value);
    }
    const ref = defName(node.$ref);
    if (ref !== undefined && Object.hasOwn(defs, ref)) visit(defs[ref], `/$defs/${escape(ref)}`, value, at);
    if (isObject(value)) {
      const properties = isObject(node.properties) ? node.properties : {};
      if (isObject(node.propertyNames))
        for (const key of Object.keys(value)) visit(node.propertyNames, `${pointer}/propertyNames`, key, `${at}/${escape(key)}`);
      for (const [key, child] of Object.entries(value)) {
        if (Object.hasOwn(properties, key)) visit(properties[key], `${pointer}/properties/${escape(key)}`, child, `${at}/${escape(key)}`);
        else if (isObject(node.additionalProperties)) visit(node.additionalProperties, `${pointer}/additionalProperties`, child, `${at}/${escape(key)}`);
      }
    }
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : [];
        if (i < prefix.length) visit(prefix[i], `${pointer}/prefixItems/${i}`, child, `${at}/${i}`);
        else if (node.items !== undefined) visit(node.items, `${pointer}/items`, child, `${at}/${i}`);
      });
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, i) => visit(child, `${pointer}/${keyword}/${i}`, value, at));
    }
  };
  visit(schema, '', args, '');

  return [...broken].map(([constraint, values]) => {
    const where = [...values.keys()];
    const at = `${where.slice(0, 3).join(', ')}${where.length > 3 ? ', …' : ''}`;
    const why = `the document's ${constraint.keyword === 'required' ? 'required names' : constraint.keyword} for ${constraint.where} ${constraint.keyword === 'required' ? 'are' : 'is'} unreliable, so not enforced (see describe_endpoint's problems)`;
    if (constraint.keyword === 'type')
      return `${at}: ${shown(values)} sent as given; the document types ${constraint.where} object with no shape, which generators write for any value; the API decides (a 400 may mean it wants an object).`;
    if (constraint.keyword === 'required') return `${at}: sent without ${missingNames(constraint, values).join(', ')}; ${why}.`;
    return `${at}: ${shown(values)} sent as given; ${why}.`;
  });
}

/** The declared required names some value lacks, quoted: not those it has ("TemplateAlias" given, "TemplateId" missing). */
function missingNames(constraint: UnreliableConstraint, values: Map<string, unknown>): string[] {
  const lacks = (name: string) => [...values.values()].some((value) => isObject(value) && !Object.hasOwn(value, name));
  return constraint.declared.filter((name): name is string => typeof name === 'string' && lacks(name)).map((name) => JSON.stringify(name));
}

/** The values given, three at most. */
function shown(values: Map<string, unknown>): string {
  const given = [...new Set(values.values())].map((v) => JSON.stringify(v));
  return `${given.slice(0, 3).join(', ')}${given.length > 3 ? ', …' : ''}`;
}

/** Whether a value breaks the constraint as the document declares it. */
function breaks(constraint: UnreliableConstraint, value: unknown): boolean {
  switch (constraint.keyword) {
    case 'enum':
      // "30" for 30 is the same on the wire, so no break of an enum typed otherwise than its values.
      return !constraint.declared.some((v) => v === value || (isScalar(v) && isScalar(value) && String(v) === String(value)));
    case 'type':
      return !isObject(value);
    case 'required':
      return isObject(value) && constraint.declared.some((name) => !Object.hasOwn(value, name as string));
    case 'format':
      return typeof value === 'string' && !rfc3339DateTime.test(value);
    case 'pattern':
      try {
        return typeof value === 'string' && testWithin(new RegExp(constraint.declared[0] as string, 'u'), value) === false;
      } catch {
        return false;
      }
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A date-time as JSON Schema's format means it (RFC 3339): "2026-12-03T09:00:00Z". */
const rfc3339DateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
