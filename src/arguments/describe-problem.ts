/** @module One validation error in a model's terms: where, what was expected, what came, and the subschema that says so. */
import type { ErrorObject } from 'ajv';
import { echoInput, echoValue } from '../echo-input.js';
import { isObject } from '../base/json.js';
import { formatPointer } from '../openapi/value-nesting.js';
import { branchTypes, type ResolveSchema } from './choose-branch.js';
import { errorOrigin } from './deferred-parts.js';
import { originOf } from './schema-origins.js';

export interface ArgumentProblem {
  /** JSON pointer into the arguments, e.g. `/body/title`. */
  pointer: string;
  /** The whole problem in one line (for logs and the CLI). */
  message: string;
  /** The JSON Schema keyword that failed. */
  keyword: string;
  /** What the schema expects there, briefly: `string`, `one of 25 values`, `format "uri"`. */
  expected: string;
  /** What came, briefly: `nothing`, `a string "x"`, `number 1.5`. */
  got: string;
  /** The allowed values, for enum and const. */
  allowed?: unknown[];
  /** The input-schema node the value at `pointer` must match (refs into the input schema's `$defs` kept); absent for unknown names. */
  schema?: unknown;
}

const bounds: Record<string, [string, string]> = {
  minimum: ['>=', ''],
  maximum: ['<=', ''],
  exclusiveMinimum: ['>', ''],
  exclusiveMaximum: ['<', ''],
  minLength: ['at least', ' characters'],
  maxLength: ['at most', ' characters'],
  minItems: ['at least', ' items'],
  maxItems: ['at most', ' items'],
  minProperties: ['at least', ' properties'],
  maxProperties: ['at most', ' properties'],
};

export function describeProblem(found: ErrorObject, resolve: ResolveSchema): ArgumentProblem {
  const problem = describeValueProblem(found, resolve);
  const name = errorOrigin(found).propertyName ?? found.propertyName;
  // Inside propertyNames the value judged is a key of the object at the pointer.
  return name === undefined
    ? problem
    : {
        ...problem,
        expected: `property names: ${problem.expected}`,
        got: `the name ${JSON.stringify(name)}`,
        message: `property name ${JSON.stringify(name)} ${problem.message}`,
      };
}

function describeValueProblem(found: ErrorObject, resolve: ResolveSchema): ArgumentProblem {
  // Pointers name the caller's own keys, which may be of any number and length: cut in the middle.
  const at = shortPointer(found.instancePath || '');
  const error = errorOrigin(found);
  const params = error.params as Record<string, unknown>;
  const parent = originOf(error.parentSchema);
  if (error.keyword === 'required') return missingProblem(at, String(params.missingProperty), parent, resolve);
  if (error.keyword === 'additionalProperties') return unknownPropertyProblem(at, String(params.additionalProperty), parent);
  const base = { pointer: at || '/', keyword: error.keyword, schema: parent };
  const problem = keywordProblem(error, params, base);
  if (problem) return problem;
  const bound = bounds[error.keyword];
  if (bound)
    return {
      ...base,
      message: error.message ?? `fails ${error.keyword}`,
      expected: `${bound[0]} ${String(params.limit)}${bound[1]}`,
      got: sizeText(error.keyword, error.data) ?? valueText(error.data),
    };
  return {
    ...base,
    message: error.message ?? `fails ${error.keyword}`,
    expected: error.message?.replace(/^must /, '') ?? error.keyword,
    got: valueText(error.data),
  };
}

/** A required property that is missing: named, with the type it takes. */
function missingProblem(at: string, missing: string, parent: unknown, resolve: ResolveSchema): ArgumentProblem {
  const name = echoInput(missing);
  const property = isObject(parent) && isObject(parent.properties) ? originOf(parent.properties[missing]) : undefined;
  return {
    pointer: `${at}/${name}`,
    keyword: 'required',
    message: 'is required but missing',
    expected: typeText(property, resolve) ?? 'a value',
    got: 'nothing',
    ...(property === undefined ? {} : { schema: property }),
  };
}

/** A property the object does not allow: named, with the names it knows. */
function unknownPropertyProblem(at: string, additional: string, parent: unknown): ArgumentProblem {
  const name = echoInput(additional);
  const known = isObject(parent) && isObject(parent.properties) ? Object.keys(parent.properties) : [];
  const list = known.length ? `; known: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}` : '';
  const none = at ? 'no properties are allowed here' : 'this endpoint takes no arguments';
  return {
    pointer: `${at}/${name}`,
    keyword: 'additionalProperties',
    message: `is not allowed here${list || `; ${none}`}`,
    expected: known.length ? `one of the known names${list}` : none,
    got: JSON.stringify(name),
  };
}

/** A value that fails a keyword about what it is (enum, const, type, format, pattern, ...); undefined for the others. */
function keywordProblem(
  error: ErrorObject,
  params: Record<string, unknown>,
  base: Pick<ArgumentProblem, 'pointer' | 'keyword' | 'schema'>,
): ArgumentProblem | undefined {
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      return {
        ...base,
        message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}; got ${echoValue(data)}`,
        expected: `one of ${allowed.length} values`,
        got: valueText(data),
        allowed,
      };
    }
    case 'const':
      return {
        ...base,
        message: `must be ${JSON.stringify(params.allowedValue)}`,
        expected: JSON.stringify(params.allowedValue),
        got: valueText(data),
        allowed: [params.allowedValue],
      };
    case 'type': {
      const types = String(params.type).split(',').join(' or ');
      return { ...base, message: `must be ${String(params.type)}; got ${valueText(data)}`, expected: types, got: valueText(data) };
    }
    case 'format':
      return {
        ...base,
        message: error.message ?? 'fails format',
        expected: `format ${JSON.stringify(params.format)}${formatHint(params.format, data)}`,
        got: valueText(data),
      };
    case 'pattern':
      return { ...base, message: error.message ?? 'fails pattern', expected: `pattern ${shorten(String(params.pattern), 80)}`, got: valueText(data) };
    case 'multipleOf':
      return { ...base, message: error.message ?? 'fails multipleOf', expected: `a multiple of ${String(params.multipleOf)}`, got: valueText(data) };
    case 'uniqueItems':
      return {
        ...base,
        message: error.message ?? 'fails uniqueItems',
        expected: 'unique items',
        got: `items ${String(params.j)} and ${String(params.i)} are equal`,
      };
    case 'false schema':
      return { ...base, message: 'is not allowed: the schema here is false', expected: 'no value (the schema here is false)', got: valueText(data) };
    case 'oneOf':
      if (!Array.isArray(params.passingSchemas)) return undefined;
      return {
        ...base,
        message: `matches alternatives ${params.passingSchemas.join(' and ')} of oneOf; the document wants exactly one`,
        expected: 'exactly one of the oneOf alternatives',
        got: `a value matching alternatives ${params.passingSchemas.join(' and ')}`,
      };
    default:
      return undefined;
  }
}

/** The JSON types a subschema takes, as words (`string or integer`); undefined when it does not say. */
export function typeText(schema: unknown, resolve: ResolveSchema): string | undefined {
  const node = resolve(schema);
  if (!isObject(node)) return undefined;
  const direct = branchTypes(node, resolve);
  if (direct) return direct.join(' or ');
  const branches = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  if (!branches) return undefined;
  const types = branches.map((b) => branchTypes(b, resolve));
  return types.every((t) => t) ? [...new Set(types.flat())].join(' or ') : undefined;
}

/** A value as a model reads it back: `a string "x"`, `number 1.5`, `an object`. */
export function valueText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string ${JSON.stringify(shorten(value, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${echoValue(value)}`;
}

function shortPointer(pointer: string): string {
  if (pointer.length <= 200) return pointer;
  return formatPointer(
    pointer
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
    '',
  );
}

function sizeText(keyword: string, data: unknown): string | undefined {
  if (keyword.endsWith('Length') && typeof data === 'string') return `${[...data].length} characters`;
  if (keyword.endsWith('Items') && Array.isArray(data)) return `${data.length} items`;
  if (keyword.endsWith('Properties') && isObject(data)) return `${Object.keys(data).length} properties`;
  return undefined;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A date and time as RFC 3339 wants it but for its zone ("2026-12-03T00:00:00"), or a date alone. */
const dateTimeWithoutZone = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** What a value that almost fits a format lacks: a date-time's time zone, the commonest slip ("2026-12-03T00:00:00"). */
function formatHint(format: unknown, value: unknown): string {
  if (format !== 'date-time' || typeof value !== 'string' || !dateTimeWithoutZone.test(value)) return '';
  const [date, time = '00:00:00'] = value.split(/[Tt ]/);
  return `, with a time and a zone: ${date}T${time.length === 5 ? `${time}:00` : time}Z`;
}
