/**
 * @module Finds the constraints a document contradicts, in a compact input schema: enum values that are no
 * plausible literal (Vercel's generator wrote `mport("/vercel/path0/…").EnvTarget.Productio` for
 * "production"), request enums sharing no value with what the operation's responses give the same field,
 * patterns escaped twice (`^[\\w-]+$` matches a backslash and "w", not word characters) or refusing the
 * document's own example, required names the object does not define, and a date-time format whose own
 * description asks for a date alone (Asana's due_on, "a date with format YYYY-MM-DD"). Under the lenient policy such a
 * constraint is not enforced: it leaves the schema (an enum's place taken by the responses' values as
 * examples) and a value breaking it gets a note.
 */
import { testWithin } from '../base/bounded-regexp.js';
import { isObject, type JsonObject } from '../base/json.js';
import { defName } from './local-defs.js';
import { appendNote } from './shorten-keywords.js';
import { isConditionallyRequired } from './conditionally-required.js';
import type { ResponseEnums } from './response-enums.js';

export interface UnreliableConstraint {
  /** JSON pointer into the input schema, e.g. `/properties/body/properties/events/items`. */
  pointer: string;
  /** Where, in argument terms: `body.events[]`. */
  where: string;
  keyword: 'enum' | 'pattern' | 'required' | 'type' | 'format';
  /** What the document declares: the enum's values, the pattern, the undefined required names, the type, the format. */
  declared: unknown[];
  /** Why the document contradicts itself there. */
  reason: string;
  /** The values the responses give the same field, when they give any. */
  alternatives?: unknown[];
  /**
   * For required names the object does not define: they stay required and are declared as any value (the
   * API most likely wants them: the document forgot their schema, not their need), unless the object
   * forbids other properties.
   */
  undeclared?: boolean;
}

/** Subschemas examined at most: enough for any real request schema, bounded for a hostile one. */
const maxNodes = 20_000;
/** Subschemas followed in depth: a chain of thousands of types would otherwise overflow the stack. */
const maxDepth = 128;
const maxExamples = 30;
const applicators = ['anyOf', 'oneOf', 'allOf'] as const;

/**
 * A literal a generator meant: no quote marks or control characters, which only leak from source code, and
 * no placeholder to fill in (Rudder's rule targets "group:${nodeGroupId}", which stands for every group's).
 */
export function isPlausibleLiteral(value: unknown): boolean {
  // eslint-disable-next-line no-control-regex
  return typeof value !== 'string' || !/["\u0000-\u001f]|\$\{[^}]*\}/.test(value);
}

/**
 * A pattern written with every backslash doubled: an escaped backslash before d, w or s used as a class
 * escape would be (inside brackets, or before a quantifier), and no class escape of its own (`[\\\w]`,
 * a backslash or a word character, is meant; so is `C:\\Windows`).
 */
export function isDoublyEscaped(pattern: string): boolean {
  let doubled = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (c !== '\\') continue;
    const next = pattern[i + 1] ?? '';
    if (/[dDwWsS]/.test(next)) return false;
    if (next === '\\' && /[dDwWsS]/.test(pattern[i + 2] ?? '') && (inClass || /[+*?{]/.test(pattern[i + 3] ?? ''))) doubled = true;
    i++;
  }
  return doubled;
}

/** An example that stands for a value rather than being one: "Bearer <TOKEN>", "sha256:0ecbaa60…". */
const placeholder = /<[^<>]+>|\.\.\.|…/;

/**
 * Of a schema's own example, default and examples, the first text its pattern refuses: Linode's label
 * pattern `^[a-zA-Z]((?!--|__|..)[a-zA-Z0-9-_.])+$` (dots unescaped) refuses its example "linode123", and
 * every other label. Empty and placeholder texts ("<TOKEN>") say nothing, nor does one of a length the
 * schema refuses anyway (the example is wrong there), nor a match that cannot be told in time.
 */
export function documentedCounterexample(schema: JsonObject, pattern: string): string | undefined {
  const fits = (text: string) =>
    !(typeof schema.minLength === 'number' && text.length < schema.minLength) && !(typeof schema.maxLength === 'number' && text.length > schema.maxLength);
  const texts = [schema.example, schema.default, ...(Array.isArray(schema.examples) ? schema.examples : [])].filter(
    (value): value is string => typeof value === 'string' && value !== '' && !placeholder.test(value) && fits(value),
  );
  if (!texts.length) return undefined;
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  return texts.find((text) => testWithin(compiled, text) === false);
}

function counterexampleReason(pattern: string, examples: unknown): string | undefined {
  const refused = Array.isArray(examples) ? documentedCounterexample({ examples }, pattern) : undefined;
  return refused === undefined ? undefined : `it refuses the document's own example ${quote(refused)}`;
}

/**
 * @param evidence the operation's response enums; read only when the schema has an enum to judge
 */
export function findUnreliableConstraints(schema: JsonObject, evidence: () => ResponseEnums): UnreliableConstraint[] {
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const found: UnreliableConstraint[] = [];
  const visitedDefs = new Set<string>();
  let budget = maxNodes;
  let responses: ResponseEnums | undefined;

  /**
   * `field`: the property names from the body's root that the responses are asked about, undefined outside
   * the body (parameters filter with their own words) and below a map; `siblings`: the names beside it;
   * `member`: the node is a branch or member of an applicator (allOf, anyOf, oneOf), whose parent or siblings
   * may define what it requires.
   */
  const visit = (
    node: unknown,
    pointer: string,
    where: string,
    field: string[] | undefined,
    siblings: readonly string[] = [],
    member = false,
    depth = 0,
  ): void => {
    if (budget-- <= 0 || depth > maxDepth || !isObject(node)) return;
    const down = depth + 1;
    const ref = defName(node.$ref);
    if (ref !== undefined && Object.hasOwn(defs, ref) && !visitedDefs.has(ref)) {
      visitedDefs.add(ref);
      visit(defs[ref], `/$defs/${escape(ref)}`, where, field, siblings, false, down);
    }
    if (Array.isArray(node.enum)) {
      const given = field?.length ? (responses ??= evidence()).valuesFor(field, siblings)?.filter(isPlausibleLiteral) : undefined;
      const finding = judgeEnum(node.enum, node.type, field?.at(-1), given);
      if (finding) found.push({ pointer, where, keyword: 'enum', declared: node.enum, ...finding });
    }
    if (typeof node.pattern === 'string') {
      const reason = isDoublyEscaped(node.pattern)
        ? 'it looks escaped twice (an escaped backslash before a class letter, and no class escape of its own)'
        : counterexampleReason(node.pattern, node.examples);
      if (reason) found.push({ pointer, where, keyword: 'pattern', declared: [node.pattern], reason });
    }
    if (node.format === 'date-time' && typeof node.description === 'string' && asksForDateAlone(node.description))
      found.push({ pointer, where, keyword: 'format', declared: ['date-time'], reason: 'its description asks for a date alone (YYYY-MM-DD)' });
    if (!member && !applicators.some((k) => Array.isArray(node[k]))) found.push(...unreliableRequired(node, pointer, where));
    if (field?.length && isShapelessObject(node)) found.push({ pointer, where, keyword: 'type', declared: ['object'], reason: shapelessReason });
    if (isObject(node.properties)) {
      const names = Object.keys(node.properties);
      for (const [name, child] of Object.entries(node.properties))
        visit(child, `${pointer}/properties/${escape(name)}`, join(where, name), field && [...field, name], names, false, down);
    }
    if (node.items !== undefined) visit(node.items, `${pointer}/items`, `${where}[]`, field, siblings, false, down);
    if (Array.isArray(node.prefixItems))
      node.prefixItems.forEach((child, i) => visit(child, `${pointer}/prefixItems/${i}`, `${where}[${i}]`, field, siblings, false, down));
    if (isObject(node.additionalProperties)) visit(node.additionalProperties, `${pointer}/additionalProperties`, join(where, '*'), undefined, [], false, down);
    if (isObject(node.propertyNames)) visit(node.propertyNames, `${pointer}/propertyNames`, `${where} (property names)`, undefined, [], false, down);
    for (const keyword of applicators) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, i) => visit(child, `${pointer}/${keyword}/${i}`, where, field, siblings, true, down));
    }
  };

  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) visit(child, `/properties/${escape(name)}`, name, name === 'body' ? [] : undefined);
  return found;
}

/** A date pattern in words ("YYYY-MM-DD", "yyyy-MM-dd"), and what says a time goes with it ("YYYY-MM-DDTHH:mm", "hh:mm", "timestamp"). */
const datePattern = /\byyyy-mm-dd\b/i;
const timeMention = /yyyy-mm-dd[\sT]*(?:hh|\d)|\bhh\b|hh:mm|\btimestamp/i;

/** Whether a description asks for a date and no time: its format, then, is not date-time. */
function asksForDateAlone(description: string): boolean {
  return datePattern.test(description) && !timeMention.test(description);
}

/**
 * Required names no value can satisfy, of an object that is not a branch or member of an applicator (whose
 * parent or siblings may define them): names it does not define, and properties of its own type; and names
 * whose own description requires them only in some case (see conditionally-required).
 */
function unreliableRequired(node: JsonObject, pointer: string, where: string): UnreliableConstraint[] {
  if (!isObject(node.properties) || !Array.isArray(node.required)) return [];
  const found: UnreliableConstraint[] = [];
  const properties = node.properties;
  const names = node.required.filter((name): name is string => typeof name === 'string');
  const undefinedNames = names.filter((name) => !Object.hasOwn(properties, name));
  // A required property of the object's own type: no finite value has one (oas-examples' TreeNode requires its parent).
  const self = pointer.startsWith('/$defs/') ? pointer.slice('/$defs/'.length) : undefined;
  const endless = names.filter(
    (name) => self !== undefined && !self.includes('/') && isObject(properties[name]) && defName((properties[name] as JsonObject).$ref) === unescape(self),
  );
  if (undefinedNames.length) {
    const reason = `it requires ${undefinedNames.map((n) => JSON.stringify(n)).join(', ')}, which it does not define`;
    found.push({ pointer, where, keyword: 'required', declared: undefinedNames, reason, ...(node.additionalProperties === false ? {} : { undeclared: true }) });
  }
  if (endless.length) {
    const reason = `it requires ${endless.map((n) => JSON.stringify(n)).join(', ')} of its own type, so no finite value has ${endless.length > 1 ? 'them' : 'it'}`;
    found.push({ pointer, where, keyword: 'required', declared: endless, reason });
  }
  const conditional = names.filter((name) => isConditionallyRequired(properties[name]));
  if (conditional.length) {
    const listed = conditional.map((n) => JSON.stringify(n)).join(', ');
    const reason = `${listed} ${conditional.length > 1 ? 'are' : 'is'} required only in some case, as ${conditional.length > 1 ? 'their descriptions say' : 'its description says'}`;
    found.push({ pointer, where, keyword: 'required', declared: conditional, reason });
  }
  return found;
}

/**
 * Why a body field typed a bare object is taken as any value. Swagger 2.0 has no type for "any", and
 * generators write `type: object` for one (Go's interface{}, Java's Object): LaunchDarkly's JSON Patch
 * `value`, whose own example is a string, and its flag variations' values, true and false. Enforced, the
 * type refused both calls that turn a flag on and create a boolean flag.
 */
const shapelessReason = 'it is typed object with nothing else said of it, which generators write for any value';
/** What describe says of a name an object requires without defining it. */
const undeclaredNote = 'Required by the document, which gives no schema for it: any value.';
/** The same, where the object forbids names it does not define. */
const forbiddenRequiredNote = 'Required by the document, which gives no schema for it and forbids names it does not define: any value, sent only when given.';
/** What describe says of a shapeless object that is not enforced. */
const shapelessNote = 'Any JSON value: the document types it object and gives no shape.';

/** Keywords that say something of an object's shape, or of a value beside its type. */
const shapeKeywords = [
  'properties',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'required',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'enum',
  'const',
  '$ref',
] as const;

/** Keywords that say nothing when empty: `properties: {}` beside `type: object` is how generators write any value too (Autotask's filter `value`, "an Integer, String, Boolean, or an Array"). */
const emptySaysNothing = new Set<string>(['properties', 'patternProperties']);

/** `{ "type": "object" }` and at most words (description, title, example): the document says nothing of its shape. */
function isShapelessObject(node: JsonObject): boolean {
  return node.type === 'object' && !shapeKeywords.some((keyword) => keyword in node && !(emptySaysNothing.has(keyword) && isEmptyObject(node[keyword])));
}

function isEmptyObject(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

const otherTypeReason = 'its values are not of its type';

function judgeEnum(
  declared: unknown[],
  type: unknown,
  field: string | undefined,
  given: unknown[] | undefined,
): Pick<UnreliableConstraint, 'reason' | 'alternatives'> | undefined {
  const reasons: string[] = [];
  const odd = declared.find((value) => !isPlausibleLiteral(value));
  if (odd !== undefined) reasons.push(`its values are not plausible literals (${quote(odd)})`);
  // Probely's finding severity: type string, enum [10, 20, 30]; no value is both.
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  if (types.length && declared.length && !declared.some((value) => types.some((t) => isOfType(value, t))))
    reasons.push(`${otherTypeReason}, ${types.join(' or ')}`);
  // A one-value enum is a marker (Stripe's `""` to clear a field), not a vocabulary to compare.
  if (given?.length && declared.length > 1 && !declared.some((value) => given.includes(value)))
    reasons.push(`they share none with the values the responses give "${field}"`);
  if (!reasons.length) return undefined;
  const reason = reasons.join(', and ').replace(/^they/, 'its values');
  return given?.length ? { reason, alternatives: [...new Set(given)].slice(0, maxExamples) } : { reason };
}

const scalarTypes = new Set(['string', 'integer', 'number', 'boolean']);

function isScalarType(type: string): boolean {
  return scalarTypes.has(type);
}

/** A value's JSON Schema type, "integer" for a number without a fraction. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value is of a JSON Schema type ("integer" a number without a fraction, "number" any number). */
function isOfType(value: unknown, type: string): boolean {
  if (value === null) return type === 'null';
  if (Array.isArray(value)) return type === 'array';
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

/**
 * A copy of the schema without the unreliable constraints: for an enum, a value of the declared JSON type
 * passes and the responses' values are shown as `examples`. Nodes off the changed paths are shared.
 */
export function relaxUnreliable(schema: JsonObject, found: readonly UnreliableConstraint[]): JsonObject {
  let root = schema;
  for (const constraint of found) {
    root = updateAt(root, constraint.pointer.split('/').slice(1).map(unescape), (node) => {
      const relaxed: JsonObject = { ...node };
      if (constraint.keyword === 'pattern') delete relaxed.pattern;
      else if (constraint.keyword === 'format') delete relaxed.format;
      else if (constraint.keyword === 'type') {
        delete relaxed.type;
        relaxed.description = appendNote(relaxed.description, shapelessNote);
      } else if (constraint.keyword === 'required') {
        if (!constraint.undeclared) {
          const required = (node.required as unknown[]).filter((name) => !constraint.declared.includes(name));
          if (required.length) relaxed.required = required;
          else delete relaxed.required;
        }
        // Names it does not define are declared as any value: still required where the object takes other names
        // (the document forgot their schema, not their need); where it forbids them (e-conomic's employee update),
        // not required but allowed, for a caller the API's own answer asks for them.
        const own = isObject(node.properties) ? node.properties : {};
        const undefinedNames = constraint.declared.filter((name): name is string => typeof name === 'string' && !Object.hasOwn(own, name));
        const note = constraint.undeclared ? undeclaredNote : forbiddenRequiredNote;
        if (undefinedNames.length) relaxed.properties = { ...own, ...Object.fromEntries(undefinedNames.map((name) => [name, { description: note }])) };
      } else {
        delete relaxed.enum;
        if (relaxed.type === undefined && constraint.declared.every((v) => typeof v === 'string')) relaxed.type = 'string';
        // Scalars of another type than the scalar declared (Apptigent's uppercase: a string, of true or false): either is
        // taken. Not an array's enum of strings, which its items were meant to have.
        const declaredTypes = typeof relaxed.type === 'string' ? [relaxed.type] : [];
        const valueTypes = [...new Set(constraint.declared.map(typeOf))];
        const otherType = !constraint.declared.some((value) => declaredTypes.some((t) => isOfType(value, t)));
        if (declaredTypes.length && [...declaredTypes, ...valueTypes].every(isScalarType) && otherType) relaxed.type = [...declaredTypes, ...valueTypes];
        // Without the responses' values, the declared ones stand as examples where they are plausible: they say what is meant.
        const examples = constraint.alternatives ?? (constraint.declared.every(isPlausibleLiteral) ? constraint.declared.slice(0, maxExamples) : undefined);
        if (examples) relaxed.examples = examples;
      }
      return relaxed;
    }) as JsonObject;
  }
  return root;
}

/** The problem line describe shows under `problems`; the responses' values are named only where the schema does not show them. */
export function unreliableProblem(constraint: UnreliableConstraint, enforced: boolean): string {
  if (constraint.undeclared && !enforced) {
    return `${constraint.where || 'The arguments'}: ${constraint.reason.replace(/^it /, 'the document ')}; ${constraint.declared.length > 1 ? 'they stay' : 'it stays'} required, with any value.`;
  }
  const what = constraint.keyword === 'required' ? 'The required names' : `The ${constraint.keyword}`;
  const head = `${what} of ${constraint.where} ${constraint.keyword === 'required' ? 'are' : 'is'} unreliable: ${constraint.reason}.`;
  const { alternatives } = constraint;
  if (enforced) {
    const values = alternatives ? ` The responses use ${alternatives.slice(0, 5).map(quote).join(', ')}${alternatives.length > 5 ? ', …' : ''}.` : '';
    return `${head}${values} Enforced anyway (--validation strict).`;
  }
  const effect =
    constraint.keyword === 'required'
      ? 'a value without them is sent, with a note'
      : `any value of its type${constraint.reason.includes(otherTypeReason) ? ' or of theirs' : ''} is sent, with a note`;
  return `${head} Not enforced: ${effect}${alternatives ? '; its examples are the values the responses give' : ''}.`;
}

/** The value with the object at `path` replaced by `change(object)`, copying only the containers on the way. */
function updateAt(node: unknown, path: readonly string[], change: (node: JsonObject) => JsonObject): unknown {
  if (!path.length) return isObject(node) ? change(node) : node;
  const [key, ...rest] = path as [string, ...string[]];
  if (Array.isArray(node)) {
    const index = Number(key);
    if (!(index in node)) return node;
    const copy = [...node];
    copy[index] = updateAt(node[index], rest, change);
    return copy;
  }
  return isObject(node) && Object.hasOwn(node, key) ? { ...node, [key]: updateAt(node[key], rest, change) } : node;
}

function join(where: string, name: string): string {
  return where ? `${where}.${name}` : name;
}

function quote(value: unknown): string {
  return typeof value === 'string' && value.length > 40 ? `${JSON.stringify(value.slice(0, 39))}…` : (JSON.stringify(value) ?? String(value));
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
