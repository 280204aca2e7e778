/**
 * @module Required parameters that allow one value only (AWS's `X-Amz-Target: DynamoDB_20120810.GetItem`,
 * a `{version}` whose enum is `v1`): constants of the operation, sent for the caller when left out.
 */
import type { ParameterObject } from '../openapi/openapi-types.js';
import { onlyValue } from '../schema/fixed-value.js';

/**
 * The one value a required parameter allows, read from its own schema (`const`, or an `enum` of one), when
 * it is a string, number or boolean; undefined when it allows more, or is optional: leaving an optional one
 * out is the caller's choice.
 */
export function fixedValue(p: ParameterObject): { value: string | number | boolean } | undefined {
  if (p.required !== true && p.in !== 'path') return undefined;
  const value = onlyValue(p.schema);
  return value === undefined ? undefined : { value };
}
