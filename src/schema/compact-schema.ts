/**
 * @module Compacts OpenAPI schemas into self-contained JSON Schema (2020-12): `$ref`s resolved, shared and
 * recursive types moved to `$defs`, OpenAPI 3.0 dialect converted, documentation noise dropped.
 */
import { describeError } from '../errors.js';
import { isObject, type JsonObject } from '../base/json.js';
import { isRef, maxRefHops, type RefResolver, type Resolved } from '../openapi/ref-resolver.js';
import { discriminatorOf } from './discriminator-value.js';
import { fixedSchema, onlyValue } from './fixed-value.js';
import { copyValidationKeywords, normalizeEnum, normalizeRequired, normalizeType } from './schema-keywords.js';
import { serializerStandIn } from './serializer-types.js';
import { documentedCounterexample } from './unreliable-constraints.js';
import { shortenText } from './shorten-text.js';
import { shortenWithLegend } from './shorten-with-legend.js';
import { descendsIntoInstance, singleSubschemas, subschemaKind } from './subschema-keywords.js';
import { isReadOnly } from './read-only.js';
import { onlySaysNull, orNull } from './nullable-all-of.js';
import { withBranchProperties } from './branch-properties.js';
import { toUnicodePattern } from './unicode-pattern.js';

/** Longest description kept by default (see `CompactOptions.descriptionChars`, and `shortenText` for when a sentence runs on); parameter descriptions share it. */
export const defaultDescriptionChars = 220;

export interface CompactOptions {
  /** Request schemas drop readOnly properties, response schemas drop writeOnly ones. */
  context: 'request' | 'response';
  /** The dialect the document was written in: 3.0 needs `nullable` and boolean exclusive bounds converted. */
  dialect: '3.0' | '3.1';
  /** Longest description kept, in characters (see `shortenText` for when a sentence runs on); 0 drops them. Default 220: valid values in prose ("Valid types are wireless, appliance, …") run long. */
  descriptionChars?: number;
  /** Nesting below which inline schemas are not expanded (accept anything). Default 24. */
  maxDepth?: number;
}

export interface SchemaRoot {
  schema: unknown;
  docUrl: string;
  usedAt: string;
}

/**
 * Compile calls nested at once past which a `$defs` entry met for the first time is compiled later, from a
 * queue, instead of inside the schema that refers to it: a chain of thousands of shared types costs no stack.
 */
const deferDefsAbove = 200;
/** Compile calls nested at once past which the rest of a schema is not expanded: only a long chain of inlined refs gets there. */
export const maxCompileNesting = 400;

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
  /** Refs that close a cycle without descending into the instance (`A: {allOf: [B]}, B: {allOf: [A]}`): validating them never ends, so they are cut. */
  private readonly cut = new Map<object, { ref: string; usedAt: string; negated: boolean }>();
  /** `$defs` entries waiting to be compiled, in the order met. */
  private readonly pending: { name: string; target: Resolved; ref: string; inAlternatives: number }[] = [];
  private nesting = 0;
  /** anyOf or oneOf branches being compiled: a value fixed in one branch is not fixed for the request, which may take another. */
  private inAlternatives = 0;
  private reportedDepth = false;
  private readonly defNames = new Map<string, string>();
  private readonly defs: Record<string, unknown> = {};
  private readonly problems: string[] = [];
  private readonly descriptionChars: number;
  private readonly maxDepth: number;

  constructor(
    private readonly resolver: RefResolver,
    private readonly options: CompactOptions,
  ) {
    this.descriptionChars = options.descriptionChars ?? defaultDescriptionChars;
    this.maxDepth = options.maxDepth ?? 24;
  }

  run(roots: SchemaRoot[]): CompactResult {
    for (const root of roots) this.analyse(root.schema, root.docUrl, root.usedAt);
    const schemas = roots.map((root) => this.compile(root.schema, root.docUrl, root.usedAt, 0));
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      this.inAlternatives = next.inAlternatives;
      this.defs[next.name] = this.compileTarget(next.target, next.ref, 0, 0);
    }
    return { schemas, defs: this.defs, problems: this.problems };
  }

  /**
   * Pass 1: how often each ref target is used, which ones sit on a cycle, and which refs close a cycle
   * that never descends into the instance. Depth first, in document order, with a stack of its own:
   * a chain of refs thousands long costs no call stack.
   */
  private analyse(root: unknown, rootDocUrl: string, rootUsedAt: string): void {
    /** Keys of the refs being walked, with the descents into the instance made when each was entered. */
    const onPath = new Map<string, number>();
    type Visit = { node: unknown; docUrl: string; usedAt: string; descents: number; keyword: string } | { leave: string };
    const stack: Visit[] = [{ node: root, docUrl: rootDocUrl, usedAt: rootUsedAt, descents: 0, keyword: '' }];
    while (stack.length) {
      const visit = stack.pop()!;
      if ('leave' in visit) {
        onPath.delete(visit.leave);
        continue;
      }
      const { node, docUrl, usedAt, descents } = visit;
      if (!isObject(node)) continue;
      if (isRef(node)) {
        let target;
        try {
          target = this.resolver.resolveRef(node.$ref, docUrl, usedAt);
        } catch {
          continue; // reported in pass 2
        }
        this.uses.set(target.key, (this.uses.get(target.key) ?? 0) + 1);
        const entered = onPath.get(target.key);
        if (entered !== undefined) {
          this.recursive.add(target.key);
          if (entered === descents) this.cut.set(node, { ref: node.$ref, usedAt, negated: visit.keyword === 'not' });
          continue;
        }
        if (this.analysed.has(target.key)) continue;
        this.analysed.add(target.key);
        onPath.set(target.key, descents);
        stack.push({ leave: target.key }, { node: target.value, docUrl: target.docUrl, usedAt: node.$ref, descents, keyword: visit.keyword });
        continue;
      }
      const children: Visit[] = [];
      forEachChild(node, (child, keyword) =>
        children.push({ node: child, docUrl, usedAt, descents: descents + (descendsIntoInstance(keyword) ? 1 : 0), keyword }),
      );
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  /** Shared non-trivial types and every type on a cycle go to `$defs`; the rest is inlined. */
  private goesToDefs(key: string, target: unknown): boolean {
    if (this.recursive.has(key)) return true;
    if ((this.uses.get(key) ?? 0) < 2 || !isObject(target)) return false;
    return (
      ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties'].some((k) => k in target) ||
      (Array.isArray(target.enum) && target.enum.length > 8)
    );
  }

  /** Pass 2: emits the compact schema. `hops`: refs followed one after another to get here. */
  private compile(node: unknown, docUrl: string, usedAt: string, depth: number, hops = 0): unknown {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) {
      this.problems.push(`The schema at ${usedAt} is not an object; any value is accepted there.`);
      return {};
    }
    if (this.nesting >= maxCompileNesting) {
      this.problems.push(
        `The schema at ${shortPlace(usedAt)} is nested more than ${maxCompileNesting} levels deep, counting the $refs followed to get there; below that any value is accepted.`,
      );
      return { description: `Nested more than ${maxCompileNesting} levels deep: not expanded here; any value is accepted.` };
    }
    this.nesting++;
    try {
      return isRef(node) ? this.compileRef(node, docUrl, usedAt, depth, hops) : this.compileSchema(node, docUrl, usedAt, depth);
    } finally {
      this.nesting--;
    }
  }

  private compileSchema(node: JsonObject, docUrl: string, usedAt: string, depth: number): unknown {
    if (depth > this.maxDepth) {
      // Said once: below the first place, every deeper one is the same story.
      if (!this.reportedDepth)
        this.problems.push(
          `The schema at ${shortPlace(usedAt)} nests inline schemas more than ${this.maxDepth} levels deep; below that any value is accepted.`,
        );
      this.reportedDepth = true;
      return { description: `Nested more than ${this.maxDepth} levels deep: not expanded here; any value is accepted.` };
    }

    const out: JsonObject = {};
    const description = shortenWithLegend(
      typeof node.description === 'string' ? node.description : typeof node.title === 'string' ? node.title : undefined,
      node.enum,
      this.descriptionChars,
    );
    if (description) out.description = description;
    const nullable = this.options.dialect === '3.0' && node.nullable === true;
    const allOf = Array.isArray(node.allOf) ? node.allOf.map((member, i) => ({ member, i })) : [];
    // "This or null" said through allOf (see nullable-all-of) is null added to the whole, once it is merged.
    const notOnlyNull = allOf.filter(({ member }) => !onlySaysNull(member, this.options.dialect));
    const members = notOnlyNull.length ? notOnlyNull : allOf;
    const orNullAtEnd = members.length > 0 && (nullable || members.length < allOf.length);
    this.compileAssertions(node, out, usedAt, nullable && !orNullAtEnd);
    this.compileProperties(node, out, docUrl, usedAt, depth);
    this.compileSubschemas(node, out, docUrl, usedAt, depth, nullable && !orNullAtEnd);
    const compiled = members.map(({ member, i }) => this.compile(member, docUrl, `${usedAt}.allOf[${i}]`, depth + 1));
    // What the schema adds comes before what it takes from a named base (Docker's HostConfig: its
    // PortBindings before the 40 limits of Resources): a folded object shows its first properties.
    const own = members.map(({ member }) => !(isObject(member) && '$ref' in member));
    const merged = members.length ? mergeAllOf(out, [...compiled.filter((_, i) => own[i]), ...compiled.filter((_, i) => !own[i])]) : out;
    const whole = withBranchProperties(node, merged, {
      deref: (schema) => this.derefQuietly(schema, docUrl, usedAt),
      hidden: (schema) => this.isHiddenProperty(schema, docUrl, usedAt),
      report: (problem) => this.problems.push(`The schema at ${shortPlace(usedAt)} ${problem}`),
    });
    return orNullAtEnd ? orNull(whole) : whole;
  }

  /** The schema behind any `$ref`s, or undefined when they do not resolve (compiling the ref reports that). */
  private derefQuietly(schema: unknown, docUrl: string, usedAt: string): JsonObject | undefined {
    try {
      const value = this.resolver.deref(schema, docUrl, usedAt).value;
      return isObject(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The keywords that judge the value itself (type, enum, bounds, formats...), into `out` in the order they are shown. */
  private compileAssertions(node: JsonObject, out: JsonObject, usedAt: string, nullable: boolean): void {
    let type: unknown = node.type;
    if (type === 'file') {
      type = 'string';
      out.format = 'binary';
    }
    if (type !== undefined) {
      const normalized = normalizeType(type);
      if (normalized === undefined)
        this.problems.push(`The schema at ${usedAt} has a \`type\` that is not a JSON type (${describeValue(type)}); its type is not checked.`);
      else out.type = nullable ? withNull(normalized) : normalized;
    }
    const copied = copyValidationKeywords(node, out);
    // Kept only where it contradicts the pattern, for unreliable-constraints to judge: documentation is dropped otherwise.
    const counterexample = typeof out.pattern === 'string' ? documentedCounterexample(node, out.pattern) : undefined;
    if (counterexample !== undefined) out.examples = [counterexample];
    if (copied.wrongType.length)
      this.problems.push(`The schema at ${usedAt} has keyword values of the wrong type (${copied.wrongType.join(', ')}); they are not checked.`);
    if (copied.invalidPattern) this.problems.push(`The pattern at ${usedAt} is not a valid regular expression; it is not checked.`);
    const values = normalizeEnum(node.enum);
    if (values) out.enum = nullable && !values.includes(null) ? [...values, null] : values;
    this.convertExclusiveBounds(node, out);
    if (node.deprecated === true) out.deprecated = true;
  }

  /** `properties` (without those hidden from a request) and `required`. */
  private compileProperties(node: JsonObject, out: JsonObject, docUrl: string, usedAt: string, depth: number): void {
    if (!isObject(node.properties)) {
      const required = normalizeRequired(node.required);
      if (required) out.required = required;
      return;
    }
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
    // A required property that allows one value (JSON:API's `"type": {"enum": ["users"]}`) is sent for the caller.
    if (this.options.context !== 'request' || this.inAlternatives) return;
    for (const name of required ?? []) {
      const value = onlyValue(properties[name]);
      if (value !== undefined) properties[name] = fixedSchema(properties[name], value);
    }
  }

  /** Every other subschema: pattern and dependent schemas, items and the like, anyOf, oneOf and prefixItems. */
  private compileSubschemas(node: JsonObject, out: JsonObject, docUrl: string, usedAt: string, depth: number, nullable: boolean): void {
    if (isObject(node.patternProperties)) out.patternProperties = this.compilePatternProperties(node.patternProperties, docUrl, usedAt, depth);
    if (isObject(node.dependentSchemas)) {
      out.dependentSchemas = Object.fromEntries(
        Object.entries(node.dependentSchemas).map(([k, v]) => [k, this.compile(v, docUrl, `${usedAt}.dependentSchemas`, depth + 1)]),
      );
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
      if (!Array.isArray(list) || !list.length) continue;
      const alternatives = keyword !== 'prefixItems';
      if (alternatives) this.inAlternatives++;
      try {
        out[keyword] = list.map((v, i) => this.compile(v, docUrl, `${usedAt}.${keyword}[${i}]`, depth + 1));
      } finally {
        if (alternatives) this.inAlternatives--;
      }
    }
    if (nullable && (out.anyOf || out.oneOf) && out.type === undefined) {
      const key = out.oneOf ? 'oneOf' : 'anyOf';
      out[key] = [...(out[key] as unknown[]), { type: 'null' }];
    }
  }

  private compileRef(node: { $ref: string } & JsonObject, docUrl: string, usedAt: string, depth: number, hops: number): unknown {
    const cut = this.cut.get(node);
    if (cut) {
      this.problems.push(
        `The schema at ${cut.usedAt} refers back to ${cut.ref} through allOf, anyOf, oneOf or not alone, without nesting, so checking it would never end; that $ref is ignored.`,
      );
      // Ignored means no constraint: under `not`, that is a schema that accepts nothing.
      return cut.negated ? false : {};
    }
    if (hops >= maxRefHops) {
      this.problems.push(`Cannot resolve $ref "${node.$ref}" used at ${usedAt}: the $ref chain is longer than ${maxRefHops} refs`);
      return { description: `Reference chain too long at ${node.$ref}; any value is accepted.` };
    }
    let target;
    try {
      target = this.resolver.resolveRef(node.$ref, docUrl, usedAt);
    } catch (error) {
      this.problems.push(describeError(error).split('\n')[0]!);
      return { description: `Unresolvable reference ${node.$ref}; any value is accepted.` };
    }
    const siblingDescription = shortenText(typeof node.description === 'string' ? node.description : undefined, this.descriptionChars);
    const standIn = serializerStandIn(node.$ref, target.value);
    if (standIn) {
      const problem = `${node.$ref} describes a serializer's ${standIn.name} class, not JSON; it is read as ${standIn.schema.type === 'string' ? 'a string' : 'any JSON value'}.`;
      if (!this.problems.includes(problem)) this.problems.push(problem);
      return siblingDescription ? { ...standIn.schema, description: siblingDescription } : standIn.schema;
    }
    const nextHops = isRef(target.value) ? hops + 1 : 0;
    if (!this.goesToDefs(target.key, target.value)) {
      const inlined = this.compileTarget(target, node.$ref, depth, nextHops);
      return siblingDescription && isObject(inlined) ? { ...inlined, description: siblingDescription } : inlined;
    }
    let name = this.defNames.get(target.key);
    if (!name) {
      name = this.uniqueDefName(target.key);
      this.defNames.set(target.key, name);
      this.defs[name] = {}; // placeholder: a cycle back to here sees the name already taken
      if (this.nesting > deferDefsAbove) this.pending.push({ name, target, ref: node.$ref, inAlternatives: this.inAlternatives });
      else this.defs[name] = this.compileTarget(target, node.$ref, 0, nextHops);
    }
    const ref = { $ref: `#/$defs/${name}` };
    return siblingDescription ? { ...ref, description: siblingDescription } : ref;
  }

  /**
   * A schema reached through a `$ref`, compiled; in a request, with what its inherited discriminator takes
   * (see discriminator-value): one value, marked as fixed so that it is sent for the caller, or the values to
   * choose from, named.
   */
  private compileTarget(target: Resolved, ref: string, depth: number, hops: number): unknown {
    const compiled = this.compile(target.value, target.docUrl, ref, depth, hops);
    if (this.options.context !== 'request' || this.inAlternatives || !isObject(compiled)) return compiled;
    const discriminator = discriminatorOf(target, this.resolver);
    if (!discriminator) return compiled;
    const properties = isObject(compiled.properties) ? compiled.properties : {};
    const own = properties[discriminator.property];
    const property = 'value' in discriminator ? fixedSchema(own, discriminator.value) : choicesSchema(own, discriminator.choices);
    return { ...compiled, properties: { ...properties, [discriminator.property]: property } };
  }

  /** Pattern keys are regular expressions too: rewritten for the `u` flag, or the entry is dropped. */
  private compilePatternProperties(patternProperties: JsonObject, docUrl: string, usedAt: string, depth: number): JsonObject {
    const out: JsonObject = {};
    for (const [pattern, child] of Object.entries(patternProperties)) {
      const key = toUnicodePattern(pattern);
      if (key === undefined)
        this.problems.push(
          `The patternProperties key ${JSON.stringify(pattern)} at ${usedAt} is not a valid regular expression; properties matching it are not checked.`,
        );
      else out[key] = this.compile(child, docUrl, `${usedAt}.patternProperties`, depth + 1);
    }
    return out;
  }

  private isHiddenProperty(child: unknown, docUrl: string, usedAt: string): boolean {
    const resolved = this.derefQuietly(child, docUrl, usedAt);
    if (!resolved) return false;
    return this.options.context === 'request' ? isReadOnly(resolved) : resolved.writeOnly === true;
  }

  private convertExclusiveBounds(node: JsonObject, out: JsonObject): void {
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
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

/** A place built of property names, cut in the middle when long: the document chose the names. */
function shortPlace(usedAt: string): string {
  return usedAt.length <= 300 ? usedAt : `${usedAt.slice(0, 150)}…${usedAt.slice(-120)}`;
}

function forEachChild(node: JsonObject, visit: (child: unknown, keyword: string) => void): void {
  // Over the node's own keys, which are few, rather than over every keyword: this runs for each subschema.
  for (const keyword in node) {
    const kind = subschemaKind(keyword);
    const child = node[keyword];
    if (kind === 'map') {
      if (isObject(child)) for (const value of Object.values(child)) visit(value, keyword);
    } else if (kind && Array.isArray(child))
      for (const value of child) visit(value, keyword); // lists, and `items` as a list
    else if (kind === 'single' && child !== undefined) visit(child, keyword);
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
  // Of several members bringing properties, each describes its own part (Zuora's "Container for Account fields
  // provided by the Zuora Connector for NetSuite"), not the whole: only a member without any may describe it.
  const parts = [parent, ...members].filter((member) => isObject(member) && isObject(member.properties)).length;
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
        if (parts < 2 || !isObject(member.properties)) merged.description ??= value;
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

/** `schema` with the values a discriminator takes in a family of schemas named, for the caller to choose; not enforced. */
function choicesSchema(schema: unknown, choices: readonly string[]): JsonObject {
  const base = isObject(schema) && !('$ref' in schema) ? schema : { type: 'string' };
  const said = `One of: ${choices.join(', ')}.`;
  return { ...base, description: typeof base.description === 'string' && base.description ? `${base.description} ${said}` : said };
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
