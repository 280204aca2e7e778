/** @module Security for a document that defines schemes but requires none anywhere (InfluxDB's, Stack Exchange's: 176 directory documents). */
import type { OpenApiDocument, SecurityRequirement } from './openapi-types.js';
import { isObject } from '../base/json.js';

/**
 * The document's own security when it states one, or the operations do; otherwise, when it defines schemes,
 * each of them as an alternative and none needed: a configured credential is then sent, and an
 * unconfigured one is no error. A document that defines schemes it never uses mostly forgot to say where.
 */
export function securityOfDocument(document: OpenApiDocument): { security: SecurityRequirement[]; warning?: string } {
  if (Array.isArray(document.security)) return { security: document.security };
  const schemes = Object.keys(document.components?.securitySchemes ?? {});
  if (!schemes.length || anyOperationStatesSecurity(document)) return { security: [] };
  return {
    security: [...schemes.map((name) => ({ [name]: [] })), {}],
    warning: `The document defines ${schemes.join(', ')} but requires ${schemes.length === 1 ? 'it' : 'them'} nowhere: taken as optional on every endpoint, sent when configured.`,
  };
}

/** Whether an operation states its security; a path item in another file ($ref) may, for all this can tell. */
function anyOperationStatesSecurity(document: OpenApiDocument): boolean {
  for (const item of Object.values(document.paths ?? {})) {
    if (!isObject(item)) continue;
    if ('$ref' in item) return true;
    for (const operation of Object.values(item)) if (isObject(operation) && 'security' in operation) return true;
  }
  return false;
}
