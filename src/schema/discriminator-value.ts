/**
 * @module The value an inherited discriminator takes in a schema that nothing extends: Bitbucket's
 * `pullrequest` (`allOf: [object, ...]`, where `object` requires `type` and names it the discriminator) is
 * sent with `"type": "pullrequest"`, Graph's `microsoft.graph.event` with `"@odata.type":
 * "#microsoft.graph.event"`. The OpenAPI rule: the key of the parent's `mapping` that names the schema, else
 * (no mapping) the schema's own name.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { isRef, type RefResolver, type Resolved } from '../openapi/ref-resolver.js';

export interface DiscriminatorValue {
  property: string;
  value: string;
}

/** Where documents keep named schemas: a discriminator without a mapping takes the name after these. */
const namedSchemaPrefixes = ['/components/schemas/', '/definitions/'];

/** Inheritance deeper than this is not followed: real documents stay within a few levels. */
const maxAncestors = 16;

/** Per document: keys of the schemas another named schema extends through `allOf`. */
const extendedByDocument = new WeakMap<object, Set<string>>();

/**
 * The discriminator property and value of the schema `target` (reached through a `$ref`), when a parent
 * it extends through `allOf` requires a discriminator property and the value for this schema is certain;
 * undefined when nothing says it, or when another schema extends this one (a value there could be the
 * other's).
 */
export function discriminatorValue(target: Resolved, resolver: RefResolver): DiscriminatorValue | undefined {
  const name = schemaName(target.key);
  if (name === undefined || !isObject(target.value) || !Array.isArray(target.value.allOf)) return undefined;
  for (const ancestor of ancestors(target, resolver)) {
    const property = discriminatorProperty(ancestor.value as JsonObject);
    if (property === undefined || !requires(ancestor.value as JsonObject, property)) continue;
    const value = mappedValue(ancestor, resolver, target.key, name);
    if (value === undefined || extendedSchemas(target, resolver).has(target.key)) return undefined;
    return { property, value };
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

/** The mapping's key for the schema at `key`; without a mapping, the schema's name. A mapping that leaves the schema out says nothing certain. */
function mappedValue(parent: Resolved, resolver: RefResolver, key: string, name: string): string | undefined {
  const discriminator = (parent.value as JsonObject).discriminator;
  const mapping = isObject(discriminator) && isObject(discriminator.mapping) ? discriminator.mapping : undefined;
  if (!mapping) return name;
  for (const [value, to] of Object.entries(mapping)) {
    if (typeof to !== 'string') continue;
    // A mapping names a schema by `$ref` or by its bare name.
    if (to === name || resolved(resolver, to, parent.docUrl)?.key === key) return value;
  }
  return undefined;
}

function schemaName(key: string): string | undefined {
  const pointer = key.slice(key.indexOf('#') + 1);
  const prefix = namedSchemaPrefixes.find((p) => pointer.startsWith(p));
  if (!prefix) return undefined;
  const rest = pointer.slice(prefix.length);
  return rest && !rest.includes('/') ? decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Keys of the named schemas of the target's document that another one extends through `allOf`, found once per document. */
function extendedSchemas(target: Resolved, resolver: RefResolver): Set<string> {
  const document = resolved(resolver, '#', target.docUrl)?.value;
  if (!isObject(document)) return new Set();
  let extended = extendedByDocument.get(document);
  if (extended) return extended;
  extended = new Set();
  const components = isObject(document.components) ? document.components.schemas : undefined;
  for (const schemas of [components, document.definitions]) {
    if (!isObject(schemas)) continue;
    for (const schema of Object.values(schemas)) {
      if (!isObject(schema) || !Array.isArray(schema.allOf)) continue;
      for (const member of schema.allOf) {
        const key = isRef(member) ? resolved(resolver, member.$ref, target.docUrl)?.key : undefined;
        if (key) extended.add(key);
      }
    }
  }
  extendedByDocument.set(document, extended);
  return extended;
}

function resolved(resolver: RefResolver, ref: string, docUrl: string): Resolved | undefined {
  try {
    return resolver.resolveRef(ref, docUrl, 'a discriminator');
  } catch {
    return undefined;
  }
}
