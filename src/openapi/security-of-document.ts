/** @module The security of operations that state none, in a document that sets no default: what its authors meant. */
import type { OpenApiDocument, SecurityRequirement } from './openapi-types.js';
import { isObject } from '../base/json.js';
import { httpMethods } from '../base/http-methods.js';

/**
 * The security of an operation that states none: the document's own when it states one. Otherwise, when it
 * defines schemes, they are taken as optional (sent when configured, no error when not):
 * - the schemes no operation requires (InfluxDB's, Stack Exchange's: 176 directory documents), each as
 *   an alternative: a document that defines schemes it never uses mostly forgot to say where;
 * - the requirements its other operations state, when some do (ClickSend requires basic auth on 19 of its
 *   205 operations and the API on all of them; 83 documents, 1,606 operations). An operation that
 *   states `security: []` still needs none.
 */
export function securityOfDocument(document: OpenApiDocument): { security: SecurityRequirement[]; warning?: string } {
  if (Array.isArray(document.security)) return { security: document.security };
  const schemes = Object.keys(document.components?.securitySchemes ?? {});
  if (!schemes.length) return { security: [] };
  const { stated, silent, opaque } = surveySecurity(document);
  if (!stated.length && !opaque && silent) {
    return {
      security: [...schemes.map((name) => ({ [name]: [] })), {}],
      warning: `The document defines ${schemes.join(', ')} but requires ${schemes.length === 1 ? 'it' : 'them'} nowhere: taken as optional on every endpoint, sent when configured.`,
    };
  }
  const required = stated.filter((requirement) => Object.keys(requirement).every((name) => schemes.includes(name)));
  if (!required.length || !silent) return { security: [] };
  const named = required.map((requirement) => Object.keys(requirement).join(' and '));
  return {
    security: [...required, {}],
    warning: `${silent} endpoint${silent === 1 ? ' states' : 's state'} no security and the document sets no default; the others require ${named.join(' or ')}: taken as optional there, sent when configured.`,
  };
}

interface SecuritySurvey {
  /** The scheme sets operations require, each once with every scope asked of it, in the order first met. */
  stated: SecurityRequirement[];
  /** Operations that state no security. */
  silent: number;
  /** Whether a path item lives in another file ($ref), whose operations this does not see. */
  opaque: boolean;
}

function surveySecurity(document: OpenApiDocument): SecuritySurvey {
  const stated = new Map<string, SecurityRequirement>();
  let silent = 0;
  let opaque = false;
  for (const item of Object.values(document.paths ?? {})) {
    if (!isObject(item)) continue;
    if ('$ref' in item) opaque = true;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (!Array.isArray(operation.security)) {
        silent++;
        continue;
      }
      for (const requirement of operation.security) {
        if (!isObject(requirement) || !Object.keys(requirement).length) continue;
        const key = Object.keys(requirement).sort().join(' ');
        const scopes = stated.get(key) ?? {};
        // The scopes any operation asks of a scheme set, together: a token for them serves every silent operation.
        for (const [name, wanted] of Object.entries(requirement))
          scopes[name] = [...new Set([...(scopes[name] ?? []), ...(Array.isArray(wanted) ? wanted.map(String) : [])])];
        stated.set(key, scopes);
      }
    }
  }
  return { stated: [...stated.values()], silent, opaque };
}
