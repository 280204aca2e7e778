/**
 * @module Required parameters that allow one value only (AWS's `X-Amz-Target: DynamoDB_20120810.GetItem`,
 * a `{version}` whose enum is `v1`): constants of the operation, sent for the caller when left out.
 */
import { isObject } from '../base/json.js';
import type { ParameterObject } from '../openapi/openapi-types.js';

/**
 * The one value a required parameter allows, read from its own schema (`const`, or an `enum` of one), when
 * it is a string, number or boolean; undefined when it allows more, or is optional: leaving an optional one
 * out is the caller's choice.
 */
export function fixedValue(p: ParameterObject): { value: string | number | boolean } | undefined {
  if (p.required !== true && p.in !== 'path') return undefined;
  const schema = p.schema;
  if (!isObject(schema)) return undefined;
  const only: unknown = 'const' in schema ? schema.const : Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
  return typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean' ? { value: only } : undefined;
}

/** How the input schema notes a fixed parameter, beside its `default`: that leaving it out is safe, not merely allowed. */
export const fixedNote = 'Fixed: sent for you when left out.';
