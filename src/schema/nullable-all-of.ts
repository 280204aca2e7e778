/**
 * @module Where a document says "this or null" through allOf, which read literally accepts nothing or never
 * null: OpenAPI 3.0's `nullable` beside an allOf, or an allOf member that only says null.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { annotationKeywords } from './schema-keywords.js';

/** A member made of annotations and `nullable` says only that null is allowed. */
const annotates = (key: string) => key === 'nullable' || annotationKeywords.has(key);

/**
 * Whether an allOf member only says that null is allowed: `{type: "null"}` (Codat's `allOf: [{$ref: currency},
 * {type: "null"}]`, which no value satisfies) or, in OpenAPI 3.0, `{nullable: true}` alone, which by the letter
 * changes nothing. Either way the document means its other members or null.
 */
export function onlySaysNull(member: unknown, dialect: '3.0' | '3.1'): boolean {
  if (!isObject(member) || '$ref' in member) return false;
  const keys = Object.keys(member).filter((key) => !key.startsWith('x-'));
  const nullType = member.type === 'null' || (Array.isArray(member.type) && member.type.length > 0 && member.type.every((type) => type === 'null'));
  if (nullType || ('const' in member && member.const === null)) return keys.every((key) => key === 'type' || key === 'const' || annotates(key));
  return dialect === '3.0' && member.nullable === true && member.type === undefined && keys.every(annotates);
}

/** `schema`, or null: null added to its type where it has one of its own, else the two as alternatives. */
export function orNull(schema: JsonObject): JsonObject {
  // A const would still refuse null beside a widened type: it takes the alternative.
  const alone = !['allOf', 'anyOf', 'oneOf', '$ref', 'not', 'const'].some((key) => key in schema);
  if (alone && schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
    const withNull: JsonObject = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) withNull.enum = [...(schema.enum as unknown[]), null];
    return withNull;
  }
  const { description, ...rest } = schema;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}
