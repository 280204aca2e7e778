/**
 * @module Validates arguments against an endpoint's input schema with ajv, under a validation policy, and
 * words each problem with its JSON pointer, what was expected and what came. Of a failed `oneOf` / `anyOf`
 * only the branch the arguments were meant for is reported.
 */
import { boundedRegExpEngine } from '../base/bounded-regexp.js';
import type { FuncKeywordDefinition, ValidateFunction } from 'ajv';
import { isObject, type JsonObject } from '../base/json.js';
import type { ValidationPolicy } from '../config.js';
import { mergeAllOf } from '../schema/compact-schema.js';
import { followDefs } from '../schema/local-defs.js';
import { compileEveryPart, deferredKeyword, deferredPartKeyword, resolvePart, splitSchema } from './deferred-parts.js';
import { describeProblem, type ArgumentProblem } from './describe-problem.js';
import { focusBranches, type FocusContext } from './focus-branches.js';
import { oneOfAsAnyOf } from './one-of-as-any-of.js';

export type { ArgumentProblem } from './describe-problem.js';

type AjvInstance = {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: true): unknown;
  addKeyword(definition: FuncKeywordDefinition): unknown;
  formats: Record<string, unknown>;
};

interface Compiled {
  split: JsonObject;
  validate: ValidateFunction;
  context: FocusContext;
}

let ajvPromise: Promise<AjvInstance> | undefined;
let ajvInstance: AjvInstance | undefined;
/** Input schema -> its compiled form under each policy. */
const compiled = new WeakMap<object, Map<ValidationPolicy, Compiled>>();

/** ajv is loaded on the first execute, keeping server startup light. */
async function loadAjv(): Promise<AjvInstance> {
  ajvPromise ??= (async () => {
    const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
    // Refs are never inlined and the generated code is not optimized: on schemas of a megabyte that halves
    // compile time, and validation stays fast enough for one call's arguments.
    // A document's patterns run with a time limit (see bounded-regexp): one that backtracks catastrophically must not block the server.
    const ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      verbose: true,
      validateSchema: false,
      inlineRefs: false,
      code: { optimize: false, regExp: boundedRegExpEngine },
    });
    (formats.default as unknown as (a: unknown) => void)(ajv);
    const instance = ajv as unknown as AjvInstance;
    instance.addKeyword(deferredPartKeyword);
    ajvInstance = instance;
    return instance;
  })();
  return ajvPromise;
}

/**
 * Validates; returns the problems, empty when valid. Compiles once per schema and policy, a large schema in
 * parts as the arguments reach them (see deferred-parts.ts).
 * @param policy `strict` (default here): every constraint as written; `lenient`: a value matching several
 * `oneOf` branches passes (the input schema has already left out the constraints the document contradicts);
 * `off`: only names the schema does not know are refused.
 */
export async function validateArguments(schema: JsonObject, args: unknown, policy: ValidationPolicy = 'strict'): Promise<ArgumentProblem[]> {
  if (policy === 'off') return unknownArguments(schema, args);
  const entry = compiledNow(schema, policy) ?? (await compile(schema, policy));
  if (entry.validate(args)) return [];
  const errors = (entry.validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const focused = focusBranches(errors, entry.context);
  // "property name must be valid" only repeats the error that says why.
  const named = new Set(focused.filter((e) => e.propertyName !== undefined).map((e) => e.instancePath));
  return dedupe(focused.filter((e) => !(e.keyword === 'propertyNames' && named.has(e.instancePath))).map((e) => describeProblem(e, entry.context.resolve)));
}

/** Compiles every part of the schema without validating, to check it is usable (lint and the corpus sweep). */
export async function compileInputSchema(schema: JsonObject): Promise<void> {
  compileEveryPart((await compile(schema, 'strict')).split);
}

/** The compiled entry without awaiting, once ajv is loaded: a repeated call costs no promise. */
function compiledNow(schema: JsonObject, policy: ValidationPolicy): Compiled | undefined {
  return compiled.get(schema)?.get(policy);
}

async function compile(schema: JsonObject, policy: ValidationPolicy): Promise<Compiled> {
  let byPolicy = compiled.get(schema);
  if (!byPolicy) compiled.set(schema, (byPolicy = new Map()));
  let entry = byPolicy.get(policy);
  if (!entry) {
    const ajv = ajvInstance ?? (await loadAjv());
    entry = byPolicy.get(policy);
    if (entry) return entry;
    const source = policy === 'lenient' ? oneOfAsAnyOf(schema) : schema;
    for (const name of collectFormats(source)) if (!(name in ajv.formats)) ajv.addFormat(name, true);
    const split = splitSchema(source, (part) => ajv.compile(part));
    entry = { split, validate: ajv.compile(split), context: focusContext(ajv, source) };
    byPolicy.set(policy, entry);
  }
  return entry;
}

/** How branch focusing reads and validates parts of this schema: refs resolve against its `$defs`. */
function focusContext(ajv: AjvInstance, source: JsonObject): FocusContext {
  const defs = isObject(source.$defs) ? source.$defs : {};
  const branchValidators = new WeakMap<object, Map<string, ValidateFunction>>();
  return {
    resolve: (node) => {
      if (!isObject(node)) return node;
      if (deferredKeyword in node) return resolvePart(node);
      return typeof node.$ref === 'string' ? followDefs(node, defs) : node;
    },
    validateBranch: (parent, keyword, index, value) => {
      let byBranch = branchValidators.get(parent);
      if (!byBranch) branchValidators.set(parent, (byBranch = new Map()));
      const key = `${keyword}/${index}`;
      let validate = byBranch.get(key);
      if (!validate) {
        const { [keyword]: branches, ...beside } = parent;
        // Merged where they fit, so an error names the property schema (a branch of only `required` has none).
        validate = ajv.compile({ ...mergeAllOf(beside, [(branches as unknown[])[index]]), $defs: defs });
        byBranch.set(key, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])].filter((e) => e.keyword !== 'if');
    },
  };
}

/** Under the `off` policy: argument names the schema does not know have nowhere to go, so they are still refused. */
function unknownArguments(schema: JsonObject, args: unknown): ArgumentProblem[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (!isObject(args)) return [];
  const known = Object.keys(properties);
  const list = `known: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}`;
  return Object.keys(args)
    .filter((name) => !Object.hasOwn(properties, name))
    .map((name) => ({
      pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      keyword: 'additionalProperties',
      message: `is not allowed here; ${list}`,
      expected: `one of the known names; ${list}`,
      got: JSON.stringify(name),
    }));
}

function dedupe(problems: ArgumentProblem[]): ArgumentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collectFormats(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) collectFormats(item, found);
  else if (isObject(schema)) {
    if (typeof schema.format === 'string') found.add(schema.format);
    for (const value of Object.values(schema)) if (typeof value === 'object') collectFormats(value, found);
  }
  return found;
}
