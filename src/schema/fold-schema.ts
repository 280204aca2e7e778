/**
 * @module Folds an input schema too long to read at once: below a depth, subtrees become stubs that name
 * the part to describe next (`id#/json/pointer`); wide objects show some properties and list the others;
 * long enums and patterns are shortened. Validation always uses the whole schema; folding only shortens
 * what is shown.
 */
import { DynamicMcpError } from '../errors.js';
import { defName, reachableDefs } from './local-defs.js';
import { isObject, type JsonObject } from '../base/json.js';
import { appendNote, shortenKeywords, type KeywordLimits } from './shorten-keywords.js';

const containers = ['properties', 'patternProperties'] as const;
const childKeys = ['items', 'additionalProperties', 'not', 'contains'] as const;
const listKeys = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

interface FoldLimits extends KeywordLimits {
  /** Subschemas with structure this deep or deeper become stubs. */
  depth: number;
  /** Objects with more properties show this many (required ones first) and list the others by name. */
  properties: number;
  /** Show the enum of the root whole: it is what was asked for. */
  keepRootEnum?: boolean;
}

const unlimited = { depth: Infinity, properties: Infinity, patternChars: Infinity, defaultChars: Infinity, descriptionChars: Infinity };
/**
 * Applied even to a schema that fits: an enum of hundreds of values (EC2's instance types) costs thousands
 * of tokens for a list the model can ask for when it needs it.
 */
const hugeEnumLimits: FoldLimits = { ...unlimited, enumCutAbove: 100, enumValues: 50, keepRootEnum: true };
/** Cuts only what is long whatever the schema around it: long enums, patterns and defaults. */
const leafLimits: FoldLimits = {
  depth: Infinity,
  properties: Infinity,
  enumCutAbove: 40,
  enumValues: 25,
  patternChars: 300,
  defaultChars: 300,
  descriptionChars: 400,
};
/** Widths tried with each depth: a narrower object can show more depth in the same space. */
const widths = [Infinity, 40, 16];
const deepest = 8;
/** The last resort, at depth 1: few properties, short enums and text. */
const narrowest: FoldLimits = { depth: 1, properties: 8, enumCutAbove: 8, enumValues: 5, patternChars: 80, defaultChars: 80, descriptionChars: 60 };
/** Names of properties not shown are listed up to this many characters. */
const namesChars = 16_000;

/**
 * Returns the schema unchanged when it fits `maxChars` as JSON (but for enums of over 100 values below
 * its root); else it with long enums and patterns shortened, if that fits; else, of the foldings by depth
 * (1 to 8) and width that fit, the one showing the most; else the narrowest folding. Whatever is cut names
 * the `id#/json/pointer` to describe for it; `$defs` no longer referenced are left out. `foldedAt` is set
 * when structure was folded.
 */
export function foldSchema(schema: JsonObject, maxChars: number, partId: (pointer: string) => string): { schema: JsonObject; foldedAt?: number } {
  // Every subschema costs at least 3 characters (`{},`): past maxChars / 3 of them nothing can fit.
  const maxNodes = maxChars / 3;
  const render = (limits: FoldLimits) => renderWithin(schema, limits, maxChars, maxNodes, partId);
  if (countNodes(schema, maxNodes) <= maxNodes && JSON.stringify(schema).length <= maxChars) {
    return { schema: (hasHugeEnum(schema, hugeEnumLimits.enumCutAbove) && render(hugeEnumLimits)?.schema) || schema };
  }
  const shortened = render(leafLimits);
  if (shortened) return { schema: shortened.schema };
  let best: { schema: JsonObject; size: number; depth: number } | undefined;
  let depth = 1;
  for (const properties of widths) {
    // A narrower folding is worth trying only deeper than the wider ones reached: at their depths it shows less.
    for (; depth <= deepest; depth++) {
      const attempt = render({ ...leafLimits, depth, properties });
      if (!attempt) break;
      if (!best || attempt.size > best.size) best = { ...attempt, depth };
    }
  }
  if (best) return { schema: best.schema, foldedAt: best.depth };
  return { schema: new Folder(narrowest, partId, Infinity).fold(schema, '', 0) as JsonObject, foldedAt: 1 };
}

/** The folding with these limits and its size, or undefined when it does not fit. */
function renderWithin(
  schema: JsonObject,
  limits: FoldLimits,
  maxChars: number,
  maxNodes: number,
  partId: (pointer: string) => string,
): { schema: JsonObject; size: number } | undefined {
  let folded: JsonObject;
  try {
    folded = new Folder(limits, partId, maxNodes).fold(schema, '', 0) as JsonObject;
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
  const size = JSON.stringify(folded).length;
  return size <= maxChars ? { schema: folded, size } : undefined;
}

/** Thrown inside the walk past its node budget: the caller folds nothing. */
class TooLarge extends DynamicMcpError {
  readonly code = 'TOO_LARGE';
}

class Folder {
  private nodes = 0;
  /** The `$defs` names the folded schema refers to, in the order met. */
  private readonly refs: string[] = [];

  constructor(
    private readonly limits: FoldLimits,
    private readonly partId: (pointer: string) => string,
    private readonly maxNodes: number,
  ) {}

  /** @param required whether the node is a required property: shown one level deeper than the rest, since no call goes without it. */
  fold(node: unknown, pointer: string, depth: number, required = false): unknown {
    if (!isObject(node)) return node;
    // Stops early: a folding already too large need not be finished to be refused.
    if (++this.nodes > this.maxNodes) throw new TooLarge(`the folding passed ${this.maxNodes} nodes`);
    if (depth >= this.limits.depth + (required ? 1 : 0) && isBig(node)) return stub(node, this.partId(pointer));
    const ref = defName(node.$ref);
    if (ref !== undefined) this.refs.push(ref);
    const limits = pointer === '' && this.limits.keepRootEnum ? { ...this.limits, enumCutAbove: Infinity } : this.limits;
    const out = { ...shortenKeywords(node, limits, pointer ? this.partId(pointer) : undefined) };
    for (const key of containers) {
      if (!isObject(node[key])) continue;
      let entries = Object.entries(node[key]);
      if (key === 'properties' && entries.length > this.limits.properties) {
        const { shown, hidden } = splitProperties(entries, node.required, this.limits.properties);
        entries = shown;
        out.description = appendNote(out.description, hiddenPropertiesNote(hidden, this.partId(`${pointer}/properties/`)));
      }
      const required = new Set(key === 'properties' && Array.isArray(node.required) ? node.required : []);
      out[key] = Object.fromEntries(
        entries.map(([name, child]) => [name, this.fold(child, `${pointer}/${key}/${escape(name)}`, depth + 1, required.has(name))]),
      );
    }
    for (const key of childKeys) if (isObject(node[key])) out[key] = this.fold(node[key], `${pointer}/${key}`, depth + 1);
    for (const key of listKeys) {
      const list = node[key];
      // allOf members of a required node are that node, read in parts: as required, and no level deeper.
      const same = required && key === 'allOf';
      if (Array.isArray(list)) out[key] = list.map((child, i) => this.fold(child, `${pointer}/${key}/${i}`, same ? depth : depth + 1, same));
    }
    if (isObject(node.$defs)) {
      delete out.$defs;
      const defs = this.foldReachableDefs(node.$defs, pointer);
      if (Object.keys(defs).length) out.$defs = defs;
    }
    return out;
  }

  /** Folds the `$defs` entries the folded schema refers to, directly or through each other, in their order. */
  private foldReachableDefs(defs: JsonObject, pointer: string): JsonObject {
    const done = new Map<string, unknown>();
    for (let next = 0; next < this.refs.length; next++) {
      const name = this.refs[next]!;
      if (!done.has(name) && Object.hasOwn(defs, name)) done.set(name, this.fold(defs[name], `${pointer}/$defs/${escape(name)}`, 1));
    }
    return Object.fromEntries(
      Object.keys(defs)
        .filter((name) => done.has(name))
        .map((name) => [name, done.get(name)]),
    );
  }
}

/** Whether an enum below the root has more than `count` values. */
function hasHugeEnum(schema: JsonObject, count: number): boolean {
  const visit = (value: unknown, isRoot: boolean): boolean => {
    if (Array.isArray(value)) return value.some((v) => visit(v, false));
    if (!isObject(value)) return false;
    if (!isRoot && Array.isArray(value.enum) && value.enum.length > count) return true;
    return Object.values(value).some((child) => visit(child, false));
  };
  return visit(schema, true);
}

/** Subschemas and other objects in the schema, counted up to just past `limit`. */
function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const visit = (v: unknown): void => {
    if (count > limit || typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v)) count++;
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  visit(value);
  return count;
}

/** The first `count` properties, required ones first, and the names of the others. */
function splitProperties(entries: [string, unknown][], required: unknown, count: number): { shown: [string, unknown][]; hidden: string[] } {
  const isRequired = new Set(Array.isArray(required) ? required : []);
  const ordered = [...entries.filter(([name]) => isRequired.has(name)), ...entries.filter(([name]) => !isRequired.has(name))];
  const shown = new Set(ordered.slice(0, count).map(([name]) => name));
  return { shown: entries.filter(([name]) => shown.has(name)), hidden: entries.filter(([name]) => !shown.has(name)).map(([name]) => name) };
}

function hiddenPropertiesNote(names: string[], propertiesId: string): string {
  let listed = '';
  let count = 0;
  for (const name of names) {
    if (listed.length + name.length > namesChars) break;
    listed += `${count ? ', ' : ''}${name}`;
    count++;
  }
  const unlisted = names.length > count ? ` and ${names.length - count} more not listed` : '';
  return `${names.length} more properties not shown: ${listed}${unlisted}; describe "${propertiesId}<name>" for one`;
}

/** Worth folding: it has structure of its own, not just a type or an enum. */
function isBig(node: JsonObject): boolean {
  return (
    ['properties', 'items', 'anyOf', 'oneOf', 'allOf', 'patternProperties'].some((k) => k in node) ||
    (isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length > 1)
  );
}

function stub(node: JsonObject, part: string): JsonObject {
  const out: JsonObject = {};
  if (node.type !== undefined) out.type = node.type;
  const size = isObject(node.properties) ? `${Object.keys(node.properties).length} properties` : node.items !== undefined ? 'array items' : 'alternatives';
  out.description = `${typeof node.description === 'string' ? `${node.description} ` : ''}(folded: ${size}; describe "${part}" for this part)`;
  return out;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The sub-schema at a JSON pointer of an input schema, with the `$defs` it refers to, so it stands
 * alone. Undefined when the pointer leads nowhere.
 */
export function schemaPart(schema: JsonObject, pointer: string): JsonObject | undefined {
  let current: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isObject(current) && typeof current.$ref === 'string' && !(token in current)) current = resolveLocal(schema, current.$ref);
    // A part shows the `$defs` it needs beside it, and its stubs point there: they are the root's.
    if (token === '$defs' && isObject(current) && !Object.hasOwn(current, '$defs')) current = schema;
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  if (isObject(current) && typeof current.$ref === 'string') current = resolveLocal(schema, current.$ref);
  if (!isObject(current)) return undefined;
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const needed = reachableDefs(current, defs);
  const part: JsonObject = { ...current };
  delete part.$defs;
  if (needed.size) part.$defs = Object.fromEntries([...needed].map((name) => [name, defs[name]]));
  return part;
}

function resolveLocal(schema: JsonObject, ref: string): unknown {
  const name = defName(ref);
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  return name !== undefined && Object.hasOwn(defs, name) ? defs[name] : undefined;
}
