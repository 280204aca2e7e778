/**
 * @module What an inherited discriminator takes in a schema. In one that nothing extends, one value:
 * Bitbucket's `pullrequest` (`allOf: [object, ...]`, where `object` requires `type` and names it the
 * discriminator) is sent with `"type": "pullrequest"`, Graph's `microsoft.graph.event` with `"@odata.type":
 * "#microsoft.graph.event"`. In one that others extend, the values of the family, for the caller to choose.
 * The OpenAPI rule: the key of the parent's `mapping` that names a schema, else (no mapping) its name.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { isRef, type RefResolver, type Resolved } from '../openapi/ref-resolver.js';

export type Discriminator =
  /** The one value of a schema nothing extends: sent for the caller. */
  | { property: string; value: string }
  /** The values of a schema others extend (Graph's attachment: file, item or reference): the caller's to choose. */
  | { property: string; choices: string[] };

/** Where documents keep named schemas: a discriminator without a mapping takes the name after these. */
const namedSchemaPrefixes = ['/components/schemas/', '/definitions/'];

/** Inheritance deeper than this is not followed: real documents stay within a few levels. */
const maxAncestors = 16;
/** More choices than this are not listed: Graph's directoryObject has dozens, and the model knows the one it means. */
const maxChoices = 12;

/** Per document: the named schemas that extend each schema through `allOf`, by key. */
const childrenByDocument = new WeakMap<object, Map<string, Resolved[]>>();

/**
 * What the discriminator of the schema `target` (reached through a `$ref`) takes, when an ancestor it
 * extends through `allOf` requires a discriminator property: the value certain for this schema, or the
 * values of it and the schemas extending it (2 to 12 of them); undefined when nothing says.
 */
export function discriminatorOf(target: Resolved, resolver: RefResolver): Discriminator | undefined {
  if (schemaName(target.key) === undefined || !isObject(target.value) || !Array.isArray(target.value.allOf)) return undefined;
  for (const ancestor of ancestors(target, resolver)) {
    const property = discriminatorProperty(ancestor.value as JsonObject);
    if (property === undefined || !requires(ancestor.value as JsonObject, property)) continue;
    const family = [target, ...descendants(target, resolver)];
    const enums = [ancestor, target].flatMap((schema) => declaredEnums(schema, property, resolver));
    const values = family
      .map((member) => mappedValue(ancestor, resolver, member))
      .filter((v): v is string => v !== undefined && enums.every((allowed) => allowed.includes(v)));
    if (family.length === 1) return values.length ? { property, value: values[0]! } : undefined;
    return values.length > 1 && values.length <= maxChoices ? { property, choices: [...new Set(values)] } : undefined;
  }
  return undefined;
}

/** The schemas `target` extends through `allOf` `$ref`s, nearest first (Graph's event, outlookItem, entity). */
function ancestors(target: Resolved, resolver: RefResolver): Resolved[] {
  const found: Resolved[] = [];
  const seen = new Set([target.key]);
  for (let i = -1; i < found.length && found.length < maxAncestors; i++) {
    const schema = i < 0 ? target : found[i]!;
    const members = isObject(schema.value) && Array.isArray(schema.value.allOf) ? schema.value.allOf : [];
    for (const member of members) {
      const parent = isRef(member) ? resolved(resolver, member.$ref, schema.docUrl) : undefined;
      if (!parent || !isObject(parent.value) || seen.has(parent.key)) continue;
      seen.add(parent.key);
      found.push(parent);
    }
  }
  return found;
}

function discriminatorProperty(parent: JsonObject): string | undefined {
  const discriminator = parent.discriminator;
  // Swagger 2.0 names the property; OpenAPI 3 gives an object.
  if (typeof discriminator === 'string') return discriminator || undefined;
  return isObject(discriminator) && typeof discriminator.propertyName === 'string' && discriminator.propertyName ? discriminator.propertyName : undefined;
}

function requires(parent: JsonObject, property: string): boolean {
  return Array.isArray(parent.required) && parent.required.includes(property);
}

/**
 * The value for `member`: Azure's `x-ms-discriminator-value` on it, else the mapping's key that names it,
 * else (no mapping) its name. A mapping that leaves the schema out says nothing certain.
 */
function mappedValue(parent: Resolved, resolver: RefResolver, member: Resolved): string | undefined {
  const declared = isObject(member.value) ? member.value['x-ms-discriminator-value'] : undefined;
  if (typeof declared === 'string' && declared) return declared;
  const name = schemaName(member.key);
  if (name === undefined) return undefined;
  const mapping = mappingOf(parent, resolver);
  if (!mapping) return name;
  return mapping.byName.get(name) ?? mapping.byKey.get(member.key);
}

/** A parent's mapping turned around, once per parent: Graph's entity maps some 1,500 schemas, each met many times. */
const mappings = new WeakMap<object, { byName: Map<string, string>; byKey: Map<string, string> } | null>();

/** The parent's mapping by the bare names and the schema keys it names (the first entry naming one wins); null without a mapping. */
function mappingOf(parent: Resolved, resolver: RefResolver): { byName: Map<string, string>; byKey: Map<string, string> } | null {
  const schema = parent.value as JsonObject;
  const known = mappings.get(schema);
  if (known !== undefined) return known;
  const declared = isObject(schema.discriminator) && isObject(schema.discriminator.mapping) ? schema.discriminator.mapping : undefined;
  const byName = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const [value, to] of Object.entries(declared ?? {})) {
    if (typeof to !== 'string') continue;
    // A mapping names a schema by `$ref` or by its bare name.
    if (!byName.has(to)) byName.set(to, value);
    const key = resolved(resolver, to, parent.docUrl)?.key;
    if (key !== undefined && !byKey.has(key)) byKey.set(key, value);
  }
  const mapping = declared ? { byName, byKey } : null;
  mappings.set(schema, mapping);
  return mapping;
}

/**
 * The enums a schema gives the discriminator property, itself or in its inline `allOf` members: a value
 * outside one would refuse every request.
 */
function declaredEnums(schema: Resolved, property: string, resolver: RefResolver): unknown[][] {
  const value = schema.value as JsonObject;
  const places = [value, ...(Array.isArray(value.allOf) ? value.allOf.filter((m) => isObject(m) && !isRef(m)) : [])] as JsonObject[];
  const enums: unknown[][] = [];
  for (const place of places) {
    const declared = isObject(place.properties) ? place.properties[property] : undefined;
    const resolvedSchema = isRef(declared) ? resolved(resolver, declared.$ref, schema.docUrl)?.value : declared;
    if (isObject(resolvedSchema) && Array.isArray(resolvedSchema.enum)) enums.push(resolvedSchema.enum);
  }
  return enums;
}

function schemaName(key: string): string | undefined {
  const pointer = key.slice(key.indexOf('#') + 1);
  const prefix = namedSchemaPrefixes.find((p) => pointer.startsWith(p));
  if (!prefix) return undefined;
  const rest = pointer.slice(prefix.length);
  return rest && !rest.includes('/') ? decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** The named schemas that extend `target` through `allOf`, at any depth, nearest first. */
function descendants(target: Resolved, resolver: RefResolver): Resolved[] {
  const children = childrenOf(target, resolver);
  const found: Resolved[] = [];
  const seen = new Set([target.key]);
  // Past the most that could be listed, the family is too large to list anyway.
  for (let i = -1; i < found.length && found.length <= maxChoices; i++) {
    for (const child of children.get(i < 0 ? target.key : found[i]!.key) ?? []) {
      if (seen.has(child.key)) continue;
      seen.add(child.key);
      found.push(child);
    }
  }
  return found;
}

/** For the target's document: the named schemas extending each schema through `allOf`, found once per document. */
function childrenOf(target: Resolved, resolver: RefResolver): Map<string, Resolved[]> {
  const document = resolved(resolver, '#', target.docUrl)?.value;
  if (!isObject(document)) return new Map();
  let children = childrenByDocument.get(document);
  if (children) return children;
  children = new Map();
  const components = isObject(document.components) ? document.components.schemas : undefined;
  for (const [prefix, schemas] of [
    ['/components/schemas/', components],
    ['/definitions/', document.definitions],
  ] as const) {
    if (!isObject(schemas)) continue;
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || !Array.isArray(schema.allOf)) continue;
      const child: Resolved = { value: schema, docUrl: target.docUrl, key: `${target.docUrl}#${prefix}${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
      for (const member of schema.allOf) {
        const parent = isRef(member) ? resolved(resolver, member.$ref, target.docUrl)?.key : undefined;
        if (parent) children.set(parent, [...(children.get(parent) ?? []), child]);
      }
    }
  }
  childrenByDocument.set(document, children);
  return children;
}

function resolved(resolver: RefResolver, ref: string, docUrl: string): Resolved | undefined {
  try {
    return resolver.resolveRef(ref, docUrl, 'a discriminator');
  } catch {
    return undefined;
  }
}
