/**
 * @module Splits a large input schema into parts that ajv compiles only when arguments reach them: each
 * `$defs` entry, and each structured subschema a few levels below the top of its part. Compiling a
 * Microsoft Graph body whole (hundreds of linked types) takes seconds; this way a first execute compiles
 * the top of the schema and the parts its arguments use, and every argument is still checked against the
 * whole schema.
 */
import type { ErrorObject, FuncKeywordDefinition, ValidateFunction } from 'ajv';
import type { DataValidateFunction, DataValidationCxt } from 'ajv/dist/types/index.js';
import { defName } from '../schema/local-defs.js';
import { subschemaKind } from '../schema/subschema-keywords.js';
import { isObject, type JsonObject } from '../base/json.js';
import { recordOrigin } from './schema-origins.js';

/** The keyword that stands in for a part; its value is an empty object that `parts` maps to the part. */
export const deferredKeyword = 'deferredPart';

export interface SplitOptions {
  /** Schemas with at most this many subschemas are compiled whole: splitting pays off only for large ones. Default 1500. */
  minNodes?: number;
  /** Levels of nesting compiled with their part; structured subschemas below them are parts of their own. Default 3. */
  depth?: number;
}

/** Keywords whose meaning crosses subschema boundaries (annotations, dynamic scope): such schemas stay whole. */
const unsplittableKeys = new Set(['unevaluatedProperties', 'unevaluatedItems', '$dynamicRef', '$recursiveRef', '$id', '$anchor', '$dynamicAnchor']);

type Compile = (schema: object) => ValidateFunction;

class DeferredPart {
  private validate?: ValidateFunction;
  schema?: unknown;

  constructor(
    private readonly build: () => unknown,
    private readonly compile: Compile,
  ) {}

  validator(): ValidateFunction {
    if (!this.validate) {
      this.schema = this.build();
      this.validate = this.compile(this.schema as object);
    }
    return this.validate;
  }
}

const parts = new WeakMap<object, DeferredPart>();
/** An error passed up from a part -> the error as the part reported it (ajv's verbose mode overwrites `data` and `schema` on the way up). */
const origins = new WeakMap<ErrorObject, ErrorObject>();

/**
 * The schema to compile in place of `schema`: itself when small or when a keyword needs it whole, else its
 * top with deferred parts that `compile` compiles on first use.
 */
export function splitSchema(schema: JsonObject, compile: Compile, options: SplitOptions = {}): JsonObject {
  if (!isSplittable(schema, options.minNodes ?? 1500)) return schema;
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  return new SchemaSplitter(defs, compile, options.depth ?? 3).rewrite(schema, 0) as JsonObject;
}

/** The ajv keyword for parts: compiles a part on first use and passes its errors up with their full paths. */
export const deferredPartKeyword: FuncKeywordDefinition = {
  keyword: deferredKeyword,
  schemaType: 'object',
  errors: true,
  compile(value: object) {
    const part = parts.get(value);
    if (!part) throw new Error(`"${deferredKeyword}" is only valid in schemas from splitSchema()`);
    const validate: DataValidateFunction = (data: unknown, context?: DataValidationCxt) => {
      const inner = part.validator();
      if (inner(data)) return true;
      validate.errors = (inner.errors ?? []).map((error) => relocate(error, context?.instancePath ?? ''));
      return false;
    };
    return validate;
  },
};

/** The error as the part that found it reported it, with its own `data` and `parentSchema`. */
export function errorOrigin(error: ErrorObject): ErrorObject {
  return origins.get(error) ?? error;
}

/** The schema a deferred part stands for (`{ deferredPart: {} }`), compiled on the way; the node itself when it is not one. */
export function resolvePart(node: unknown): unknown {
  if (!isObject(node)) return node;
  const value = node[deferredKeyword];
  const part = isObject(value) ? parts.get(value) : undefined;
  if (!part || Object.keys(node).length !== 1) return node;
  part.validator();
  return part.schema;
}

/** Compiles every part reachable from a split schema, as arguments touching everything would. */
export function compileEveryPart(split: JsonObject): void {
  const seen = new Set<DeferredPart>();
  const queue: unknown[] = [split];
  while (queue.length) {
    forEachPart(queue.pop(), (part) => {
      if (seen.has(part)) return;
      seen.add(part);
      part.validator();
      queue.push(part.schema);
    });
  }
}

/** The error moved under `prefix`, keeping its origin. */
export function relocate(error: ErrorObject, prefix: string): ErrorObject {
  const moved = { ...error, instancePath: prefix + error.instancePath };
  origins.set(moved, errorOrigin(error));
  return moved;
}

function forEachPart(node: unknown, visit: (part: DeferredPart) => void): void {
  if (Array.isArray(node)) node.forEach((child) => forEachPart(child, visit));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      const part = key === deferredKeyword && isObject(value) ? parts.get(value) : undefined;
      if (part) visit(part);
      else forEachPart(value, visit);
    }
  }
}

class SchemaSplitter {
  private readonly defParts = new Map<string, object>();

  constructor(
    private readonly defs: JsonObject,
    private readonly compile: Compile,
    private readonly partDepth: number,
  ) {}

  rewrite(node: unknown, depth: number): unknown {
    if (!isObject(node)) return node;
    const rewritten = this.rewriteNode(node, depth);
    recordOrigin(rewritten, node);
    return rewritten;
  }

  private rewriteNode(node: JsonObject, depth: number): JsonObject {
    if (typeof node.$ref === 'string') {
      const { $ref, ...rest } = node;
      const siblings = this.rewrite(rest, depth) as JsonObject;
      const ref = { [deferredKeyword]: this.defPart(defName($ref)!) };
      return deferredKeyword in siblings ? { allOf: [siblings, ref] } : { ...siblings, ...ref };
    }
    if (depth >= this.partDepth && isStructured(node)) return { [deferredKeyword]: this.part(() => this.rewrite(node, 0)) };
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$defs') continue;
      const kind = subschemaKind(key);
      if (kind === 'map' && isObject(value))
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, this.rewrite(child, depth + 1)]));
      else if (kind === 'list' && Array.isArray(value)) out[key] = value.map((child) => this.rewrite(child, depth + 1));
      else if (kind === 'single') out[key] = this.rewrite(value, depth + 1);
      else out[key] = value;
    }
    return out;
  }

  private defPart(name: string): object {
    let value = this.defParts.get(name);
    if (!value) {
      value = this.part(() => this.rewrite(this.defs[name], 0));
      this.defParts.set(name, value);
    }
    return value;
  }

  private part(build: () => unknown): object {
    const value = {};
    parts.set(value, new DeferredPart(build, this.compile));
    return value;
  }
}

function isStructured(node: JsonObject): boolean {
  return Object.keys(node).some((key) => {
    const kind = subschemaKind(key);
    return kind === 'map' || kind === 'list' || (kind === 'single' && isObject(node[key]));
  });
}

/**
 * Schemas with more `$defs` than this are split whatever their size: ajv compiles a `$ref` inside the
 * compilation of the schema using it, so a chain of hundreds of small definitions, compiled whole, would
 * need a call stack as deep as the chain.
 */
const maxWholeDefs = 32;

/** Large enough (or with enough `$defs`) to be worth splitting, every `$ref` pointing into `$defs`, and no keyword that needs the schema whole. */
function isSplittable(schema: JsonObject, minNodes: number): boolean {
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  let nodes = 0;
  let splittable = true;
  const visit = (node: unknown): void => {
    if (!splittable || !isObject(node)) return;
    nodes++;
    for (const [key, value] of Object.entries(node)) {
      const kind = subschemaKind(key);
      if (unsplittableKeys.has(key)) splittable = false;
      else if (key === '$ref') {
        const name = defName(value);
        if (name === undefined || !Object.hasOwn(defs, name)) splittable = false;
      } else if ((key === '$defs' || kind === 'map') && isObject(value)) Object.values(value).forEach(visit);
      else if (kind === 'list' && Array.isArray(value)) value.forEach(visit);
      else if (kind === 'single') visit(value);
    }
  };
  visit(schema);
  return splittable && (nodes > minNodes || Object.keys(defs).length > maxWholeDefs);
}
