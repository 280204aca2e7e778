/**
 * @module Compacts OpenAPI schemas into self-contained JSON Schema (2020-12): `$ref`s resolved, shared and
 * recursive types moved to `$defs`, OpenAPI 3.0 dialect converted, documentation noise dropped.
 */
import { describeError } from '../errors.js';
import { isObject, type JsonObject } from '../spec/openapi-types.js';
import { isRef, type RefResolver } from '../spec/ref-resolver.js';
import { copyValidationKeywords, normalizeEnum, normalizeRequired, normalizeType } from './schema-keywords.js';
import { shortenText } from './shorten-text.js';
import { singleSubschemas, subschemaKind } from './subschema-keywords.js';
import { toUnicodePattern } from './unicode-pattern.js';

export interface CompactOptions {
  /** Request schemas drop readOnly properties, response schemas drop writeOnly ones. */
  context: 'request' | 'response';
  /** The dialect the document was written in: 3.0 needs `nullable` and boolean exclusive bounds converted. */
  dialect: '3.0' | '3.1';
  /** Longest description kept, in characters; 0 drops them. Default 160. */
  descriptionChars?: number;
  /** Nesting below which inline schemas are not expanded (accept anything). Default 24. */
  maxDepth?: number;
}

export interface SchemaRoot {
  schema: unknown;
  docUrl: string;
  usedAt: string;
}

export interface CompactResult {
  schemas: unknown[];
  defs: Record<string, unknown>;
  problems: string[];
}

/** Compacts several schemas of one operation together, so types they share land once in `$defs`. */
export function compactSchemas(roots: SchemaRoot[], resolver: RefResolver, options: CompactOptions): CompactResult {
  return new SchemaCompactor(resolver, options).run(roots);
}

class SchemaCompactor {
  private readonly uses = new Map<string, number>();
  private readonly recursive = new Set<string>();
  private readonly analysed = new Set<string>();
  private readonly defNames = new Map<string, string>();
  private readonly defs: Record<string, unknown> = {};
  private readonly problems: string[] = [];
  private readonly descriptionChars: number;
  private readonly maxDepth: number;

  constructor(
    private readonly resolver: RefResolver,
    private readonly options: CompactOptions,
  ) {
    this.descriptionChars = options.descriptionChars ?? 160;
    this.maxDepth = options.maxDepth ?? 24;
  }

  run(roots: SchemaRoot[]): CompactResult {
    for (const root of roots) this.analyse(root.schema, root.docUrl, root.usedAt, new Set());
    const schemas = roots.map((root) => this.compile(root.schema, root.docUrl, root.usedAt, 0));
    return { schemas, defs: this.defs, problems: this.problems };
  }

  /** Pass 1: how often each ref target is used, and which ones sit on a cycle. */
  private analyse(node: unknown, docUrl: string, usedAt: string, onPath: Set<string>): void {
    if (!isObject(node)) return;
    if (isRef(node)) {
      let target;
      try {
        target = this.resolver.resolveRef(node.$ref, docUrl, usedAt);
      } catch {
        return; // reported in pass 2
      }
      this.uses.set(target.key, (this.uses.get(target.key) ?? 0) + 1);
      if (onPath.has(target.key)) {
        this.recursive.add(target.key);
        return;
      }
      if (this.analysed.has(target.key)) return;
      this.analysed.add(target.key);
      onPath.add(target.key);
      this.analyse(target.value, target.docUrl, node.$ref, onPath);
      onPath.delete(target.key);
      return;
    }
    forEachChild(node, (child) => this.analyse(child, docUrl, usedAt, onPath));
  }

  /** Shared non-trivial types and every type on a cycle go to `$defs`; the rest is inlined. */
  private goesToDefs(key: string, target: unknown): boolean {
    if (this.recursive.has(key)) return true;
    if ((this.uses.get(key) ?? 0) < 2 || !isObject(target)) return false;
    return ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties'].some((k) => k in target) || (Array.isArray(target.enum) && target.enum.length > 8);
  }

  /** Pass 2: emits the compact schema. */
  private compile(node: unknown, docUrl: string, usedAt: string, depth: number): unknown {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) {
      this.problems.push(`The schema at ${usedAt} is not an object; any value is accepted there.`);
      return {};
    }
    if (isRef(node)) return this.compileRef(node, docUrl, usedAt, depth);
    if (depth > this.maxDepth) return { description: 'Nested too deep to expand here; any value is accepted.' };

    const out: JsonObject = {};
    const description = shortenText(typeof node.description === 'string' ? node.description : typeof node.title === 'string' ? node.title : undefined, this.descriptionChars);
    if (description) out.description = description;

    let type: unknown = node.type;
    if (type === 'file') {
      type = 'string';
      out.format = 'binary';
    }
    const nullable = this.options.dialect === '3.0' && node.nullable === true;
    if (type !== undefined) {
      const normalized = normalizeType(type);
      if (normalized === undefined) this.problems.push(`The schema at ${usedAt} has a \`type\` that is not a JSON type (${describeValue(type)}); its type is not checked.`);
      else out.type = nullable ? withNull(normalized) : normalized;
    }

    const copied = copyValidationKeywords(node, out);
    if (copied.wrongType.length) this.problems.push(`The schema at ${usedAt} has keyword values of the wrong type (${copied.wrongType.join(', ')}); they are not checked.`);
    if (copied.invalidPattern) this.problems.push(`The pattern at ${usedAt} is not a valid regular expression; it is not checked.`);
    const values = normalizeEnum(node.enum);
    if (values) out.enum = nullable && !values.includes(null) ? [...values, null] : values;
    this.convertExclusiveBounds(node, out);
    if (node.deprecated === true) out.deprecated = true;

    if (isObject(node.properties)) {
      const properties: JsonObject = {};
      for (const [name, child] of Object.entries(node.properties)) {
        if (this.isHiddenProperty(child, docUrl, usedAt)) continue;
        properties[name] = this.compile(child, docUrl, `${usedAt}.properties.${name}`, depth + 1);
      }
      out.properties = properties;
      // Hidden properties (readOnly in a request) are not required of it; a name the object never defines stays, for the
      // input schema to judge (see unreliable-constraints.ts).
      const declared = node.properties;
      const required = normalizeRequired(node.required)?.filter((n) => Object.hasOwn(properties, n) || !Object.hasOwn(declared, n));
      if (required?.length) out.required = required;
    } else {
      const required = normalizeRequired(node.required);
      if (required) out.required = required;
    }
    if (isObject(node.patternProperties)) out.patternProperties = this.compilePatternProperties(node.patternProperties, docUrl, usedAt, depth);
    if (isObject(node.dependentSchemas)) {
      out.dependentSchemas = Object.fromEntries(Object.entries(node.dependentSchemas).map(([k, v]) => [k, this.compile(v, docUrl, `${usedAt}.dependentSchemas`, depth + 1)]));
    }
    for (const keyword of singleSubschemas) {
      if (node[keyword] === undefined) continue;
      if (keyword === 'items' && Array.isArray(node.items)) {
        out.prefixItems = node.items.map((v, i) => this.compile(v, docUrl, `${usedAt}.items[${i}]`, depth + 1));
        continue;
      }
      out[keyword] = this.compile(node[keyword], docUrl, `${usedAt}.${keyword}`, depth + 1);
    }
    for (const keyword of ['anyOf', 'oneOf', 'prefixItems'] as const) {
      const list = node[keyword];
      // An empty list would accept nothing (anyOf, oneOf) or mean nothing (prefixItems).
      if (Array.isArray(list) && list.length) out[keyword] = list.map((v, i) => this.compile(v, docUrl, `${usedAt}.${keyword}[${i}]`, depth + 1));
    }
    if (nullable && (out.anyOf || out.oneOf) && out.type === undefined) {
      const key = out.oneOf ? 'oneOf' : 'anyOf';
      out[key] = [...(out[key] as unknown[]), { type: 'null' }];
    }
    if (Array.isArray(node.allOf) && node.allOf.length) {
      const members = node.allOf.map((v, i) => this.compile(v, docUrl, `${usedAt}.allOf[${i}]`, depth + 1));
      return mergeAllOf(out, members);
    }
    return out;
  }

  private compileRef(node: { $ref: string } & JsonObject, docUrl: string, usedAt: string, depth: number): unknown {
    let target;
    try {
      target = this.resolver.resolveRef(node.$ref, docUrl, usedAt);
    } catch (error) {
      this.problems.push(describeError(error).split('\n')[0]!);
      return { description: `Unresolvable reference ${node.$ref}; any value is accepted.` };
    }
    const siblingDescription = shortenText(typeof node.description === 'string' ? node.description : undefined, this.descriptionChars);
    if (!this.goesToDefs(target.key, target.value)) {
      const inlined = this.compile(target.value, target.docUrl, node.$ref, depth);
      return siblingDescription && isObject(inlined) ? { ...inlined, description: siblingDescription } : inlined;
    }
    let name = this.defNames.get(target.key);
    if (!name) {
      name = this.uniqueDefName(target.key);
      this.defNames.set(target.key, name);
      this.defs[name] = {}; // placeholder: a cycle back to here sees the name already taken
      this.defs[name] = this.compile(target.value, target.docUrl, node.$ref, 0);
    }
    const ref = { $ref: `#/$defs/${name}` };
    return siblingDescription ? { ...ref, description: siblingDescription } : ref;
  }

  /** Pattern keys are regular expressions too: rewritten for the `u` flag, or the entry is dropped. */
  private compilePatternProperties(patternProperties: JsonObject, docUrl: string, usedAt: string, depth: number): JsonObject {
    const out: JsonObject = {};
    for (const [pattern, child] of Object.entries(patternProperties)) {
      const key = toUnicodePattern(pattern);
      if (key === undefined) this.problems.push(`The patternProperties key ${JSON.stringify(pattern)} at ${usedAt} is not a valid regular expression; properties matching it are not checked.`);
      else out[key] = this.compile(child, docUrl, `${usedAt}.patternProperties`, depth + 1);
    }
    return out;
  }

  private isHiddenProperty(child: unknown, docUrl: string, usedAt: string): boolean {
    let resolved: unknown;
    try {
      resolved = this.resolver.deref(child, docUrl, usedAt).value;
    } catch {
      return false;
    }
    if (!isObject(resolved)) return false;
    return this.options.context === 'request' ? resolved.readOnly === true : resolved.writeOnly === true;
  }

  private convertExclusiveBounds(node: JsonObject, out: JsonObject): void {
    for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      const value = node[exclusive];
      if (typeof value === 'number') out[exclusive] = value;
      else if (value === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      }
    }
  }

  private uniqueDefName(key: string): string {
    const last = key.slice(key.lastIndexOf('/') + 1) || 'schema';
    const base = decodeURIComponent(last).replace(/[^A-Za-z0-9_.-]/g, '_') || 'schema';
    let name = base;
    for (let i = 2; name in this.defs; i++) name = `${base}_${i}`;
    return name;
  }
}

function forEachChild(node: JsonObject, visit: (child: unknown) => void): void {
  // Over the node's own keys, which are few, rather than over every keyword: this runs for each subschema.
  for (const keyword in node) {
    const kind = subschemaKind(keyword);
    const child = node[keyword];
    if (kind === 'map') {
      if (isObject(child)) Object.values(child).forEach(visit);
    } else if (kind && Array.isArray(child)) child.forEach(visit); // lists, and `items` as a list
    else if (kind === 'single' && child !== undefined) visit(child);
  }
}

/**
 * Merges allOf members into the parent when they fit together: every member an inline object schema,
 * no property defined twice differently, no keyword in conflict. Otherwise keeps allOf. One deliberate
 * widening: a member's `additionalProperties: false` then sees every member's properties, which is what
 * documents writing it mean (read literally, such an allOf accepts nothing).
 */
export function mergeAllOf(parent: JsonObject, members: unknown[]): JsonObject {
  const merged: JsonObject = { ...parent };
  const properties: JsonObject = isObject(parent.properties) ? { ...parent.properties } : {};
  const required = new Set<string>(Array.isArray(parent.required) ? (parent.required as string[]) : []);
  for (const member of members) {
    if (!isObject(member) || '$ref' in member) return { ...parent, allOf: members };
    for (const [key, value] of Object.entries(member)) {
      if (key === 'properties' && isObject(value)) {
        for (const [name, schema] of Object.entries(value)) {
          if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(schema)) return { ...parent, allOf: members };
          properties[name] = schema;
        }
      } else if (key === 'required' && Array.isArray(value)) {
        for (const name of value) required.add(name as string);
      } else if (key === 'description') {
        merged.description ??= value;
      } else if (merged[key] === undefined) {
        merged[key] = value;
      } else if (JSON.stringify(merged[key]) !== JSON.stringify(value)) {
        return { ...parent, allOf: members };
      }
    }
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required];
  return merged;
}

/** `type` with `null` added, for OpenAPI 3.0's `nullable: true`. */
function withNull(type: string | string[]): string[] {
  const types = Array.isArray(type) ? type : [type];
  return types.includes('null') ? types : [...types, 'null'];
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
