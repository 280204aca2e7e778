/**
 * @module A required API-version parameter the document gives no value (Azure's `api-version`: 6,500
 * operations in 619 directory documents say only "Client Api Version."): its value is the document's own.
 */
import { isObject } from '../base/json.js';
import type { ParameterObject } from './openapi-types.js';

const versionName = /^(?:x-)?api[-_]?version$/i;
/** A version the way such APIs date them ("2019-03-01", "2016-04-30-preview"): the document's version is then the value to send. */
const datedVersion = /^\d{4}-\d{2}-\d{2}(?:[-.][\w.-]+)?$/;

/** Whether the parameter names the API version to use, in the query or a header. */
export function isVersionParameter(p: ParameterObject): boolean {
  return (p.in === 'query' || p.in === 'header') && versionName.test(p.name);
}

/**
 * The parameters, a required version parameter with no `default` given one: the value its examples agree on,
 * or else the document's version when that is dated. Any other parameter comes back as it is.
 */
export function withDocumentVersion(parameters: ParameterObject[], documentVersion: unknown): ParameterObject[] {
  const version = typeof documentVersion === 'string' ? documentVersion.trim() : '';
  return parameters.map((p) => withVersionDefault(p, version));
}

function withVersionDefault(p: ParameterObject, documentVersion: string): ParameterObject {
  if (!isVersionParameter(p) || p.required !== true || !isObject(p.schema) || '$ref' in p.schema) return p;
  const schema = p.schema;
  if (schema.default !== undefined || 'enum' in schema || 'const' in schema || (schema.type !== undefined && schema.type !== 'string')) return p;
  const value = agreedExample(p) ?? (datedVersion.test(documentVersion) ? documentVersion : undefined);
  return value === undefined ? p : { ...p, schema: { ...schema, default: value } };
}

/** The one string value the parameter's examples give, when they give exactly one. */
function agreedExample(p: ParameterObject & { example?: unknown; examples?: unknown }): string | undefined {
  const values = new Set<unknown>();
  if (p.example !== undefined) values.add(p.example);
  if (isObject(p.examples)) for (const example of Object.values(p.examples)) if (isObject(example) && 'value' in example) values.add(example.value);
  if (isObject(p.schema) && p.schema.example !== undefined) values.add(p.schema.example);
  const [only] = values;
  return values.size === 1 && typeof only === 'string' && only.trim() ? only.trim() : undefined;
}
