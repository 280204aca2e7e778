/** @module Validates arguments against an endpoint's input schema with ajv, and words each problem with its JSON pointer and a fix. */
import type { ErrorObject, FuncKeywordDefinition, ValidateFunction } from 'ajv';
import { echoInput, echoValue } from '../echo-input.js';
import { formatPointer } from '../spec/value-nesting.js';
import { isObject, type JsonObject } from '../spec/openapi-types.js';
import { compileEveryPart, deferredPartKeyword, errorOrigin, splitSchema } from './deferred-parts.js';

export interface ArgumentProblem {
  /** JSON pointer into the arguments, e.g. `/body/title`. */
  pointer: string;
  message: string;
}

type AjvInstance = {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: true): unknown;
  addKeyword(definition: FuncKeywordDefinition): unknown;
  formats: Record<string, unknown>;
};

let ajvPromise: Promise<AjvInstance> | undefined;
/** Input schema -> its split form and the validator of its top part. */
const compiled = new WeakMap<object, { split: JsonObject; validate: ValidateFunction }>();

/** ajv is loaded on the first execute, keeping server startup light. */
async function loadAjv(): Promise<AjvInstance> {
  ajvPromise ??= (async () => {
    const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
    // Refs are never inlined and the generated code is not optimized: on schemas of a megabyte that halves
    // compile time, and validation stays fast enough for one call's arguments.
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false, inlineRefs: false, code: { optimize: false } });
    (formats.default as unknown as (a: unknown) => void)(ajv);
    const instance = ajv as unknown as AjvInstance;
    instance.addKeyword(deferredPartKeyword);
    return instance;
  })();
  return ajvPromise;
}

/**
 * Validates; returns the problems, empty when valid. Compiles once per schema object, a large schema in
 * parts as the arguments reach them (see deferred-parts.ts).
 */
export async function validateArguments(schema: JsonObject, args: unknown): Promise<ArgumentProblem[]> {
  const { validate } = await compile(schema);
  if (validate(args)) return [];
  return dedupe((validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describeProblem));
}

/** Compiles every part of the schema without validating, to check it is usable (lint and the corpus sweep). */
export async function compileInputSchema(schema: JsonObject): Promise<void> {
  compileEveryPart((await compile(schema)).split);
}

async function compile(schema: JsonObject): Promise<{ split: JsonObject; validate: ValidateFunction }> {
  let entry = compiled.get(schema);
  if (!entry) {
    const ajv = await loadAjv();
    for (const name of collectFormats(schema)) if (!(name in ajv.formats)) ajv.addFormat(name, true);
    const split = splitSchema(schema, (part) => ajv.compile(part));
    entry = { split, validate: ajv.compile(split) };
    compiled.set(schema, entry);
  }
  return entry;
}

function describeProblem(found: ErrorObject): ArgumentProblem {
  // Pointers name the caller's own keys, which may be of any number and length: cut in the middle.
  const at = shortPointer(found.instancePath);
  const error = errorOrigin(found);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${at}/${echoInput(String(params.missingProperty))}`, message: 'is required but missing' };
    case 'additionalProperties': {
      const allowed = isObject(error.parentSchema) && isObject(error.parentSchema.properties) ? Object.keys(error.parentSchema.properties) : [];
      const hint = allowed.length ? `; known: ${allowed.slice(0, 30).join(', ')}` : '';
      return { pointer: `${at}/${echoInput(String(params.additionalProperty))}`, message: `is not allowed here${hint}` };
    }
    case 'enum':
      return { pointer: at || '/', message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${echoValue(error.data)}` };
    case 'type':
      return { pointer: at || '/', message: `must be ${String(params.type)}; got ${typeName(error.data)}` };
    case 'const':
      return { pointer: at || '/', message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer: at || '/', message: error.message ?? `fails ${error.keyword}` };
  }
}

function shortPointer(pointer: string): string {
  if (pointer.length <= 200) return pointer;
  return formatPointer(pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')), '');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${echoValue(value)}`;
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
