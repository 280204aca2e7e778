/**
 * @module The validation keywords a compact schema keeps, each checked for the JSON type JSON Schema gives
 * it: a document's `pattern: 0`, `maxLength: "255"` or `type: { … }` is repaired when its meaning is plain
 * and dropped otherwise, because one such value makes ajv refuse the whole input schema.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { toUnicodePattern } from './unicode-pattern.js';

const jsonTypes = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

type Kind = 'string' | 'number' | 'positive' | 'count' | 'boolean' | 'any';

/** Keywords copied as they are once their value has the right type (type, enum and bounds are handled apart). */
const keywordKinds = new Map<string, Kind>([
  ['format', 'string'],
  ['contentMediaType', 'string'],
  ['contentEncoding', 'string'],
  ['minimum', 'number'],
  ['maximum', 'number'],
  ['multipleOf', 'positive'],
  ['minLength', 'count'],
  ['maxLength', 'count'],
  ['minItems', 'count'],
  ['maxItems', 'count'],
  ['minProperties', 'count'],
  ['maxProperties', 'count'],
  ['minContains', 'count'],
  ['maxContains', 'count'],
  ['uniqueItems', 'boolean'],
  ['const', 'any'],
  ['default', 'any'],
]);

export interface CopiedKeywords {
  /** `keyword: value` of each value dropped for having the wrong type. */
  wrongType: string[];
  /** Set when `pattern` is not a regular expression even after rewriting for the `u` flag. */
  invalidPattern?: boolean;
}

/** Copies the kept validation keywords of `node` into `out`, repairing or dropping values of the wrong type. */
export function copyValidationKeywords(node: JsonObject, out: JsonObject): CopiedKeywords {
  const result: CopiedKeywords = { wrongType: [] };
  // Over the node's own keys, which are few, rather than over every kept keyword: this runs for each subschema.
  for (const keyword in node) {
    const kind = keywordKinds.get(keyword);
    const value = node[keyword];
    if (kind === undefined || value === undefined || out[keyword] !== undefined) continue;
    const repaired = valueOfKind(value, kind);
    if (repaired === undefined) result.wrongType.push(describe(keyword, value));
    else out[keyword] = repaired;
  }
  if (node.pattern !== undefined) {
    if (typeof node.pattern !== 'string') result.wrongType.push(describe('pattern', node.pattern));
    else {
      const pattern = toUnicodePattern(node.pattern);
      if (pattern === undefined) result.invalidPattern = true;
      else out.pattern = pattern;
    }
  }
  return result;
}

/**
 * `type` as JSON Schema allows it: a type name or a list of distinct ones. Names are matched without case
 * (`String`); unknown names are dropped. Undefined when nothing usable is left.
 */
export function normalizeType(type: unknown): string | string[] | undefined {
  const names = (Array.isArray(type) ? type : [type]).map((t) => (typeof t === 'string' ? t.toLowerCase() : t));
  const valid = [...new Set(names.filter((t): t is string => typeof t === 'string' && jsonTypes.has(t)))];
  if (!valid.length) return undefined;
  return Array.isArray(type) ? valid : valid[0];
}

/** `enum` when it is a non-empty list; an empty one would accept nothing, which no document means. */
export function normalizeEnum(value: unknown): unknown[] | undefined {
  return Array.isArray(value) && value.length ? value : undefined;
}

/** `required` as a list of names; anything else (Swagger's `required: true` on a property) is dropped. */
export function normalizeRequired(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = [...new Set(value.filter((n): n is string => typeof n === 'string'))];
  return names.length ? names : undefined;
}

function valueOfKind(value: unknown, kind: Kind): unknown {
  switch (kind) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
    default: {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return undefined;
      if (kind === 'positive' && number <= 0) return undefined;
      if (kind === 'count' && number < 0) return undefined;
      return number;
    }
  }
}

function describe(keyword: string, value: unknown): string {
  const text = isObject(value) || Array.isArray(value) ? (Array.isArray(value) ? 'a list' : 'an object') : JSON.stringify(value);
  return `${keyword}: ${text}`;
}

/** Keywords that describe a value without constraining it or shaping it. */
export const annotationKeywords: ReadonlySet<string> = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
]);
