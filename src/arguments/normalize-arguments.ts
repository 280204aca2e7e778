/**
 * @module Forgives the usual slips of a model calling execute_endpoint: `arguments` as a JSON string,
 * parameters at the top level, body fields beside the parameters, a body sent as a JSON string, a number or
 * boolean parameter given as text (its wire form is the same text), a list parameter given as comma-separated text.
 * Every change is reported so the model learns the right shape; body properties the schema fixes are filled in silently.
 */
import { echoInput } from '../echo-input.js';
import { describeError, DynamicMcpError } from '../errors.js';
import { isObject, type JsonObject } from '../base/json.js';
import { argumentNames } from './argument-names.js';
import { withFixedProperties } from './fixed-properties.js';

export interface NormalizedArguments {
  args: Record<string, unknown>;
  adjustments: string[];
}

/** Arguments of a shape no schema can take (not an object, a string that is not JSON): refused before validation. */
export class ArgumentShapeError extends DynamicMcpError {
  readonly code = 'INVALID_ARGUMENTS';
}

/**
 * @param given the `arguments` value as sent
 * @param strays other top-level fields of the call that are not part of the tool's input
 * @param schema the endpoint's input schema
 */
export function normalizeArguments(given: unknown, strays: Record<string, unknown>, schema: JsonObject): NormalizedArguments {
  const adjustments: string[] = [];
  let args: Record<string, unknown>;
  if (given === undefined || given === null) {
    args = {};
  } else if (typeof given === 'string') {
    let parsed: unknown;
    try {
      parsed = given.trim() === '' ? {} : JSON.parse(given);
    } catch (error) {
      throw new ArgumentShapeError(`"arguments" must be a JSON object; it was a string that is not valid JSON (${echoInput(describeError(error))}).`);
    }
    if (!isObject(parsed)) throw new ArgumentShapeError('"arguments" must be a JSON object; it was a string holding something else.');
    args = parsed;
    adjustments.push('"arguments" was a JSON string; it was parsed as an object.');
  } else if (isObject(given)) {
    args = { ...given };
  } else {
    throw new ArgumentShapeError(`"arguments" must be a JSON object; got ${Array.isArray(given) ? 'an array' : typeof given}.`);
  }

  const strayNames = Object.keys(strays);
  if (strayNames.length) {
    const moved = strayNames.filter((name) => !(name in args));
    const ignored = strayNames.filter((name) => name in args);
    for (const name of moved) args[name] = strays[name];
    if (moved.length) adjustments.push(`${list(moved)} ${moved.length > 1 ? 'were' : 'was'} given beside "arguments"; moved inside it.`);
    if (ignored.length)
      adjustments.push(`${list(ignored)} ${ignored.length > 1 ? 'were' : 'was'} given both beside and inside "arguments"; the value inside was used.`);
  }

  const properties = isObject(schema.properties) ? schema.properties : {};
  const bodySchema = properties.body;
  if (bodySchema !== undefined) {
    if (typeof args.body === 'string' && expectsStructuredBody(bodySchema)) {
      try {
        const parsed: unknown = JSON.parse(args.body);
        if (typeof parsed === 'object' && parsed !== null) {
          args.body = parsed;
          adjustments.push('"body" was a JSON string; it was parsed.');
        }
      } catch {
        // Left for validation to report.
      }
    }
    const unknown = Object.keys(args).filter((name) => !(name in properties));
    if (unknown.length && args.body === undefined && expectsObjectBody(bodySchema) && namesBodyFields(unknown, schema)) {
      const body: Record<string, unknown> = {};
      for (const name of unknown) {
        body[name] = args[name];
        delete args[name];
      }
      args.body = body;
      adjustments.push(`${list(unknown)} ${unknown.length > 1 ? 'are' : 'is'} not a parameter; moved into "body".`);
    }
    // Not an adjustment: the schema says these are sent for the caller.
    if (args.body !== undefined) args.body = withFixedProperties(args.body, bodySchema, isObject(schema.$defs) ? schema.$defs : {});
  }
  adjustments.push(...readParameterValues(args, properties));
  return { args, adjustments };
}

/** Parameter values given as text where the schema takes a number or boolean, or as a number where it takes text: converted in place, one line each kind. */
function readParameterValues(args: Record<string, unknown>, properties: JsonObject): string[] {
  const adjustments: string[] = [];
  const read: string[] = [];
  const asText: string[] = [];
  const lists: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (name === 'body' || !isObject(properties[name])) continue;
    // A number for a parameter that takes text only (Hetzner's SSH key id 5): on the wire it is the same text.
    if (typeof value === 'number' && Number.isFinite(value) && (properties[name] as JsonObject).type === 'string') {
      args[name] = String(value);
      asText.push(`"${name}" ${value} as "${value}"`);
      continue;
    }
    if (typeof value !== 'string') continue;
    const list = listFromText(value, properties[name] as JsonObject);
    if (list) {
      args[name] = list;
      lists.push(`"${name}" ${JSON.stringify(value)} as ${JSON.stringify(list)}`);
      continue;
    }
    const typed = fromText(value, (properties[name] as JsonObject).type);
    if (typed === undefined) continue;
    args[name] = typed;
    read.push(`"${name}" ${JSON.stringify(value)} as ${JSON.stringify(typed)}`);
  }
  if (read.length)
    adjustments.push(
      `Read ${read.join(', ')}: ${read.length > 1 ? 'those parameters take' : 'that parameter takes'} ${read.length > 1 ? 'numbers or booleans' : 'a number or boolean'}.`,
    );
  if (asText.length) adjustments.push(`Read ${asText.join(', ')}: ${asText.length > 1 ? 'those parameters take' : 'that parameter takes'} text.`);
  if (lists.length) adjustments.push(`Read ${lists.join(', ')}: ${lists.length > 1 ? 'those parameters take lists' : 'that parameter takes a list'}.`);
  return adjustments;
}

/**
 * A parameter's text as the list its schema asks for, split at commas ("victoria,circle"), each item read as
 * its items' type: TfL's line ids are an array its descriptions call "a comma-separated list". Undefined when
 * the schema takes text too, or its items are not scalars.
 */
function listFromText(text: string, schema: JsonObject): unknown[] | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes('array') || types.includes('string')) return undefined;
  const items = isObject(schema.items) ? schema.items : {};
  if (['object', 'array'].includes(items.type as string)) return undefined;
  return text.split(',').map((part) => {
    const item = part.trim();
    return fromText(item, items.type) ?? item;
  });
}

/**
 * A parameter's text as the number or boolean its schema asks for, when it reads as exactly that; undefined
 * otherwise (and always when the schema also takes a string). In a path, query, header or cookie the value
 * is text on the wire either way.
 */
export function fromText(text: string, type: unknown): number | boolean | undefined {
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('string')) return undefined;
  if (types.includes('integer') && /^-?\d{1,15}$/.test(text)) return Number(text);
  if (types.includes('number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) && Number.isFinite(Number(text))) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return undefined;
}

function expectsObjectBody(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const type = schema.type;
  return (
    type === 'object' || (Array.isArray(type) && type.includes('object')) || isObject(schema.properties) || (type === undefined && schema.$ref !== undefined)
  );
}

/**
 * Whether names given beside the parameters are the body's, flattened: one of them is a field the body
 * declares, or it declares none to go by. A stray name alone ("help", a typo) stays where it was given, to be
 * refused with the known names, rather than sent in the body of a write.
 */
function namesBodyFields(names: readonly string[], schema: JsonObject): boolean {
  const fields = argumentNames(schema).filter((name) => name.startsWith('body.'));
  return !fields.length || names.some((name) => fields.includes(`body.${name}`));
}

function expectsStructuredBody(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const type = schema.type;
  return expectsObjectBody(schema) || type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** Names the caller gave, quoted: at most 10, each cut short. */
function list(names: string[]): string {
  const shown = names
    .slice(0, 10)
    .map((n) => `"${echoInput(n, 60)}"`)
    .join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}
