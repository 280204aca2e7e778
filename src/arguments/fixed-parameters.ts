/**
 * @module Required parameters the caller need not send: those that allow one value only (AWS's
 * `X-Amz-Target: DynamoDB_20120810.GetItem`, a `{version}` whose enum is `v1`), constants of the operation,
 * and an API-version parameter with a default (see version-parameter), which the caller may still change.
 */
import { isVersionParameter } from '../openapi/version-parameter.js';
import type { ParameterObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { onlyValue, type FixedScalar } from '../schema/fixed-value.js';
import { isClientDefaulted } from './transport-headers.js';

/** How the input schema notes a default sent for the caller, beside its `default`. */
export const presetNote = 'Sent as its default when left out.';

export interface PresetValue {
  value: FixedScalar;
  /** Whether it is the only value allowed; otherwise it is a default the caller may replace. */
  only: boolean;
}

/**
 * The value sent for a required parameter left out: the one its own schema allows (`const`, or an `enum` of
 * one), or a version parameter's default; undefined for any other, and for optional ones: leaving an
 * optional one out is the caller's choice. Other required parameters keep their defaults as documentation:
 * a document's default for a required key or token is a placeholder, not a value to send.
 */
export function presetValue(p: ParameterObject): PresetValue | undefined {
  if (p.required !== true && p.in !== 'path') return undefined;
  const value = onlyValue(p.schema);
  if (value !== undefined) return { value, only: true };
  if (!isVersionParameter(p) || !isObject(p.schema)) return undefined;
  const preset = p.schema.default;
  return typeof preset === 'string' || typeof preset === 'number' ? { value: preset, only: false } : undefined;
}

/** Whether the caller must give the parameter: a path parameter or a required one, unless it is sent for them (a preset, or a header the HTTP client sends). */
export function callerMustSend(p: ParameterObject): boolean {
  return (p.required === true || p.in === 'path') && !presetValue(p) && !isClientDefaulted(p);
}
