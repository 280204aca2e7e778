/**
 * @module How a schema marks a value the caller need not send: `const` and an equal `default`, with a note
 * that says so. Parameters (AWS's `X-Amz-Target`) and body properties (an inherited discriminator, a
 * required property that allows one value) use the same mark, and it is filled in when left out.
 */
import { isObject, type JsonObject } from '../base/json.js';

/** How the input schema notes a fixed value, beside its `default`: that leaving it out is safe, not merely allowed. */
export const fixedNote = 'Fixed: sent for you when left out.';

export type FixedScalar = string | number | boolean;

/** `schema` (an inline schema, or nothing) marked as allowing `value` only, sent when left out. */
export function fixedSchema(schema: unknown, value: FixedScalar): JsonObject {
  const base =
    isObject(schema) && !('$ref' in schema) ? schema : { type: typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string' };
  return { ...base, const: value, default: value, description: fixedNote };
}

/** The value a schema marked by `fixedSchema` holds; undefined for any other schema. */
export function markedFixedValue(schema: unknown): FixedScalar | undefined {
  if (!isObject(schema) || !('const' in schema)) return undefined;
  const value = schema.const;
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && schema.default === value ? value : undefined;
}

/** The one value an inline schema allows (`const`, or an `enum` of one) when it is a string, number or boolean. */
export function onlyValue(schema: unknown): FixedScalar | undefined {
  if (!isObject(schema)) return undefined;
  const only: unknown = 'const' in schema ? schema.const : Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
  return typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean' ? only : undefined;
}
