/** @module An operation's required arguments (`body.title` for a body field), with the few values or the format a listing row shows beside them, read from the document without compiling a schema. */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import type { Resolved } from '../openapi/ref-resolver.js';
import type { MediaTypeObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { onlyValue } from '../schema/fixed-value.js';
import { discriminatorOf } from '../schema/discriminator-value.js';
import { isReadOnly } from '../schema/read-only.js';
import { isConditionallyRequired } from '../schema/conditionally-required.js';
import { argumentBindings } from './input-schema.js';
import { callerMustSend } from './fixed-parameters.js';
import { reusesReplacementBody } from './replacement-body.js';
import { exampleOf, namesLeftOut } from './example-required.js';

/** Values a required argument takes, when they are few and short enough to list beside its name ("order_type (buy|sell|all)"). */
export type Choices = Record<string, (string | number)[]>;
/** The format of a required argument whose values a name does not suggest ("productId (uuid)", "from (date)"). */
export type Formats = Record<string, string>;

interface RequiredOfOperation {
  names: string[];
  choices: Choices;
  formats: Formats;
}

/**
 * Formats worth a word beside a name: a value of another form is refused, and a user's own reference (an
 * order number, a SKU, "last week") must be looked up or turned into one first.
 */
const tellingFormats = new Set(['uuid', 'guid', 'date', 'date-time', 'email', 'uri']);

const requiredCache = new WeakMap<Operation, RequiredOfOperation>();

/**
 * Names of the required arguments, in schema order, without compiling any schema. The body's required
 * fields are named `body.title`, even when the body itself is optional: once a body is sent they are due.
 */
export function requiredArguments(operation: Operation, catalog: Catalog): string[] {
  return requiredOf(operation, catalog).names;
}

/** The values of the required arguments that take a few short ones: a model can then call without describing first. */
export function requiredChoices(operation: Operation, catalog: Catalog): Choices {
  return requiredOf(operation, catalog).choices;
}

/** The telling formats of the required arguments that list no choices. */
export function requiredFormats(operation: Operation, catalog: Catalog): Formats {
  return requiredOf(operation, catalog).formats;
}

function requiredOf(operation: Operation, catalog: Catalog): RequiredOfOperation {
  let found = requiredCache.get(operation);
  if (found) return found;
  // Without a prototype: a document may name an argument __proto__.
  found = { names: [], choices: Object.create(null) as Choices, formats: Object.create(null) as Formats };
  const { names } = found;
  for (const b of argumentBindings(operation)) {
    if (b.location !== 'body') {
      if (!callerMustSend(b.parameter)) continue;
      names.push(b.key);
      noteValues(found, b.key, catalog.spec.resolver.derefQuietly(b.parameter.schema, operation.docUrl, 'parameter schema'));
      continue;
    }
    // A PATCH taking its PUT's body requires none of its fields, unless every constraint is enforced (see replacement-body).
    const lenient = catalog.validation !== 'strict';
    const replacement = lenient && reusesReplacementBody(operation, catalog, b.mediaType);
    const fieldSchemas = new Map<string, unknown>();
    const leftOut = lenient ? leftOutByExample(b.media, catalog, operation.docUrl) : new Set<string>();
    const fields = replacement
      ? []
      : requiredBodyFields(b.media.schema, catalog, operation.docUrl, 0, false, fieldSchemas).filter(
          (field) => !leftOut.has(field) && !(lenient && isConditionallyRequired(fieldSchemas.get(field))),
        );
    for (const field of fields) {
      names.push(`body.${field}`);
      noteValues(found, `body.${field}`, fieldSchemas.get(field));
    }
    if (!fields.length && operation.requestBody?.required === true) names.push('body');
  }
  requiredCache.set(operation, found);
  return found;
}

/** The names a body object requires that its own example leaves out: not enforced (see example-required), so not listed. */
function leftOutByExample(media: MediaTypeObject, catalog: Catalog, docUrl: string): Set<string> {
  const example = exampleOf(media);
  const node = catalog.spec.resolver.derefQuietly(media.schema, docUrl, 'request body');
  return new Set(isObject(example) && isObject(node) ? namesLeftOut(node.required, [example]) : []);
}

/** Most values listed, and most characters they take together, for a row of list_endpoints to show them. */
const maxChoices = 8;
const maxChoicesChars = 60;

/** What a row can say of a required argument's values: a few short choices, else a telling format. */
function noteValues(found: RequiredOfOperation, name: string, schema: unknown): void {
  const values = shortChoices(schema);
  if (values) found.choices[name] = values;
  else if (isObject(schema) && typeof schema.format === 'string' && tellingFormats.has(schema.format)) found.formats[name] = schema.format;
}

/** Characters that would break a row's `name (a|b)` if a value held them: a line break could even start a row of its own. */
const breaksRow = /[\r\n\u2028\u2029\u0085|()[\]]/;

/** An enum's values when there are 2 to `maxChoices` scalars, short together and plain; otherwise none. */
function shortChoices(schema: unknown): (string | number)[] | undefined {
  if (!isObject(schema) || !Array.isArray(schema.enum)) return undefined;
  const values = schema.enum.filter((v): v is string | number => (typeof v === 'string' && !breaksRow.test(v)) || typeof v === 'number');
  if (values.length !== schema.enum.length || values.length < 2 || values.length > maxChoices) return undefined;
  return values.join('|').length <= maxChoicesChars ? values : undefined;
}

/**
 * The `required` names of a body schema, through `$ref`s and `allOf`, leaving out readOnly properties (never
 * sent) and, outside alternatives, those sent for the caller (see schema/fixed-value). Each field's schema,
 * outside alternatives, goes into `schemas`.
 */
function requiredBodyFields(
  schema: unknown,
  catalog: Catalog,
  docUrl: string,
  depth = 0,
  inAlternatives = false,
  schemas = new Map<string, unknown>(),
): string[] {
  if (depth > 8) return [];
  let target: Resolved;
  try {
    target = catalog.spec.resolver.deref(schema, docUrl, 'request body');
  } catch {
    return []; // a broken ref is reported when the schema is described
  }
  const { value: node, docUrl: url } = target;
  if (!isObject(node)) return [];
  const fields = new Set<string>();
  const properties = isObject(node.properties) ? node.properties : {};
  for (const name of Array.isArray(node.required) ? node.required : []) {
    if (typeof name !== 'string') continue;
    let property: unknown = properties[name];
    try {
      property = catalog.spec.resolver.deref(property, url, 'request body').value;
    } catch {
      // still required
    }
    if (isReadOnly(property)) continue;
    if (!inAlternatives && onlyValue(property) !== undefined) continue;
    fields.add(name);
    if (!inAlternatives) schemas.set(name, property);
  }
  if (Array.isArray(node.allOf))
    for (const member of node.allOf) for (const name of requiredBodyFields(member, catalog, url, depth + 1, inAlternatives, schemas)) fields.add(name);
  // Of alternatives, what every one of them requires (DigitalOcean's droplet: one or several, both with size and image).
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches) || !branches.length) continue;
    const each = branches.map((branch) => new Set(requiredBodyFields(branch, catalog, url, depth + 1, true)));
    for (const name of each[0]!) if (each.every((names) => names.has(name))) fields.add(name);
  }
  const discriminator = target.key && !inAlternatives ? discriminatorOf(target, catalog.spec.resolver) : undefined;
  if (discriminator && 'value' in discriminator) fields.delete(discriminator.property);
  return [...fields];
}
