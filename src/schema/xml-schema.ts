/** @module A body schema as XML reads it: `$ref`s followed and `allOf` merged for its properties, items and `xml` hints; the properties it writes as attributes. */
import { isObject, type JsonObject } from '../base/json.js';
import type { RefResolver } from '../openapi/ref-resolver.js';

/** Where a body schema's `$ref`s resolve: the resolver, and the document the schema is written in. */
export interface XmlSchemaLookup {
  resolver: Pick<RefResolver, 'deref'>;
  docUrl: string;
}

/** A schema read through its `$ref`s and `allOf` members: what shapes the value, and its `xml` hints merged. */
export interface XmlSchema {
  properties: Record<string, unknown>;
  items: unknown;
  xml: JsonObject;
  docUrl: string;
  /** The name of the last named schema followed, the element name the specification gives a `$ref`'d root. */
  named?: string;
}

/** Schemas followed into one value: deeper nesting is written without hints rather than followed on. */
export const maxXmlDepth = 32;

/** The schema with its `$ref`s followed and its `allOf` members' properties, items and hints merged. */
export function readXmlSchema(node: unknown, docUrl: string, depth: number, lookup: XmlSchemaLookup | undefined): XmlSchema {
  const out: XmlSchema = { properties: {}, items: undefined, xml: {}, docUrl };
  const visit = (schema: unknown, url: string, level: number): void => {
    if (!isObject(schema) || level > maxXmlDepth) return;
    if (typeof schema.$ref === 'string') {
      if (!lookup) return;
      try {
        const target = lookup.resolver.deref(schema, url, 'an XML request body');
        // The schema's own name is the first named one met ("Pet", not the "Animal" its allOf takes in).
        out.named ??= schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
        visit(target.value, target.docUrl, level + 1);
        out.docUrl = target.docUrl;
      } catch {
        // An unresolvable schema names nothing: the value is written by its own keys.
      }
      return;
    }
    if (Array.isArray(schema.allOf)) for (const member of schema.allOf) visit(member, url, level + 1);
    if (isObject(schema.properties)) Object.assign(out.properties, schema.properties);
    if (schema.items !== undefined) out.items = schema.items;
    if (isObject(schema.xml)) Object.assign(out.xml, schema.xml);
  };
  visit(node, docUrl, depth);
  return out;
}

/** How many attribute names are named at most, and how deep they are looked for. */
const maxAttributeNames = 12;
const attributeDepth = 6;

/**
 * The names of the properties an object body writes as XML attributes (`xml.attribute`), outermost first: a
 * model that reads only the JSON schema cannot tell that the Open Build Service's `project` and `package` go
 * as attributes (23 directory operations in 8 documents have such properties).
 */
export function xmlAttributeNames(schema: unknown, lookup: XmlSchemaLookup | undefined): string[] {
  const names = new Set<string>();
  // Each schema is read once: a property read to see whether it is an attribute is walked as read.
  const walk = (read: XmlSchema, depth: number): void => {
    if (depth > attributeDepth || names.size >= maxAttributeNames) return;
    for (const [key, property] of Object.entries(read.properties)) {
      const own = readXmlSchema(property, read.docUrl, depth + 1, lookup);
      if (own.xml.attribute === true) names.add(key);
      else walk(own, depth + 1);
    }
    if (read.items !== undefined && depth < attributeDepth) walk(readXmlSchema(read.items, read.docUrl, depth + 1, lookup), depth + 1);
  };
  walk(readXmlSchema(schema, lookup?.docUrl ?? '', 0, lookup), 0);
  return [...names].slice(0, maxAttributeNames);
}
