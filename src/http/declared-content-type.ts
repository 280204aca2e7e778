/** @module The Content-Type a document requires of a request that has no body (VTEX's GETs: 429 operations of 33 directory documents). */
import type { ParameterObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { onlyValue } from '../schema/fixed-value.js';

/**
 * The value of a required Content-Type header parameter, its only value or its default: sent on a request
 * with no body, where nothing else (no --header) sets the header. OpenAPI says such a parameter is ignored, and it is no
 * argument; but a gateway or a validating mock that enforces it refuses every GET without it, and sending
 * it costs nothing.
 */
export function declaredContentType(parameters: readonly ParameterObject[]): string | undefined {
  const declared = parameters.find((p) => p.in === 'header' && p.required === true && p.name.toLowerCase() === 'content-type');
  if (!declared) return undefined;
  const value = onlyValue(declared.schema) ?? (isObject(declared.schema) ? declared.schema.default : undefined);
  // A multipart type names a boundary that only a body has.
  return typeof value === 'string' && /^[\w.+-]+\/[\w.+-]+\s*(?:;[^\r\n]*)?$/.test(value) && !/^multipart\//i.test(value) ? value : undefined;
}
