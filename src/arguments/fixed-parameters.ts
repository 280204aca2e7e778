/**
 * @module Required parameters the caller need not send: those that allow one value only (AWS's
 * `X-Amz-Target: DynamoDB_20120810.GetItem`, a `{version}` whose enum is `v1`), constants of the operation,
 * and an API-version parameter with a default (see version-parameter), which the caller may still change;
 * and the default of an Accept-Language header, which the HTTP client would otherwise fill.
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
 * one), or a version parameter's default; an Accept-Language header's default, required or not; undefined
 * for any other, and for optional ones: leaving an optional one out is the caller's choice. Other required parameters keep their defaults as documentation:
 * a document's default for a required key or token is a placeholder, not a value to send.
 */
export function presetValue(p: ParameterObject): PresetValue | undefined {
  if (isLanguageHeader(p)) return languageDefault(p);
  if (p.required !== true && p.in !== 'path') return undefined;
  const value = onlyValue(p.schema);
  if (value !== undefined) return { value, only: true };
  if (!isVersionParameter(p) || !isObject(p.schema)) return undefined;
  const preset = p.schema.default;
  return typeof preset === 'string' || typeof preset === 'number' ? { value: preset, only: false } : undefined;
}

function isLanguageHeader(p: ParameterObject): boolean {
  return p.in === 'header' && p.name.toLowerCase() === 'accept-language';
}

/**
 * An Accept-Language header left out is sent as its default, required or not: Node's fetch would send
 * "Accept-Language: *" in its place, which an enum refuses (EVE Online's ESI: "en-us", "de"… on 19
 * operations; 145 operations of the directory declare a default).
 */
function languageDefault(p: ParameterObject): PresetValue | undefined {
  const only = onlyValue(p.schema);
  if (only !== undefined) return { value: only, only: true };
  const preset = isObject(p.schema) ? p.schema.default : undefined;
  return typeof preset === 'string' ? { value: preset, only: false } : undefined;
}

/** Whether the caller must give the parameter: a path parameter or a required one, unless it is sent for them (a preset, or a header the HTTP client sends). */
export function callerMustSend(p: ParameterObject): boolean {
  return (p.required === true || p.in === 'path') && !presetValue(p) && !isClientDefaulted(p);
}
