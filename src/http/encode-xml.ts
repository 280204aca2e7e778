/**
 * @module An object body as XML, named as its schema's `xml` objects say (name, attribute, wrapped, namespace,
 * prefix): S3's `{ VersioningConfiguration: { Status: "Enabled" } }` goes as
 * `<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>`.
 */
import { isObject, type JsonObject } from '../base/json.js';
import { echoInput } from '../echo-input.js';
import { RequestBuildError } from '../errors.js';
import type { SchemaLookup } from './file-properties.js';
import { maxXmlDepth, readXmlSchema, type XmlSchema } from '../schema/xml-schema.js';

/** An XML element or attribute name, with an optional prefix (XML 1.0's Name, ASCII part). */
const xmlName = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/**
 * The XML text of `value` for a body schema. The root element is the schema's `xml.name`, else the named
 * schema's name, else, for a schema of one object property (how AWS documents wrap S3's bodies), that property.
 * `wrappedByDefault`: arrays without `xml.wrapped` are wrapped (a document that writes `wrapped: false` where
 * it means it, as AWS's do, leaves the rest wrapped).
 */
export function encodeXml(value: JsonObject, schema: unknown, lookup: SchemaLookup | undefined, wrappedByDefault: boolean): string {
  const writer = new XmlWriter(lookup, wrappedByDefault);
  const root = writer.read(schema, lookup?.docUrl ?? '', 0);
  const rootName = typeof root.xml.name === 'string' ? root.xml.name : root.named;
  const [only, ...others] = Object.keys(root.properties);
  const wrapper = rootName === undefined && only !== undefined && !others.length && isObject(value[only]);
  const body = wrapper
    ? writer.element(only, value[only], root.properties[only], root.docUrl, 1)
    : writer.element(rootName ?? 'root', value, schema, lookup?.docUrl ?? '', 0);
  return `<?xml version="1.0" encoding="UTF-8"?>${body}`;
}

class XmlWriter {
  constructor(
    private readonly lookup: SchemaLookup | undefined,
    private readonly wrappedByDefault: boolean,
  ) {}

  /** The schema read (see `readXmlSchema`). */
  read(node: unknown, docUrl: string, depth: number): XmlSchema {
    return readXmlSchema(node, docUrl, depth, this.lookup);
  }

  /** `value` as the element `name` (or the name its schema gives), with its attributes and children. */
  element(name: string, value: unknown, schema: unknown, docUrl: string, depth: number): string {
    return this.write(name, value, this.readAt(schema, docUrl, depth), depth);
  }

  /** The schema read (see `read`), unless past the depth schemas are followed to: a value is then written by its own keys. */
  private readAt(schema: unknown, docUrl: string, depth: number): XmlSchema {
    return this.read(depth >= maxXmlDepth ? undefined : schema, docUrl, depth);
  }

  private write(name: string, value: unknown, read: XmlSchema, depth: number): string {
    const tag = qualified(nameIn(read.xml, name), read.xml);
    if (!xmlName.test(tag)) {
      throw new RequestBuildError(`The body's "${echoInput(tag)}" cannot be an XML element name.`, {
        hint: 'Name fields as the schema does, or give the XML text as "body".',
      });
    }
    if (value === undefined) return '';
    if (Array.isArray(value)) {
      const item = this.readAt(read.items, read.docUrl, depth + 1);
      const wrapped = typeof read.xml.wrapped === 'boolean' ? read.xml.wrapped : this.wrappedByDefault;
      // Unwrapped, an item takes its own name, else the one the array's property gives it (AWS's CORSRule).
      const itemName = nameIn(item.xml, wrapped ? name : tag);
      const items = value.map((v) => this.write(itemName, v, item, depth + 1)).join('');
      return wrapped ? `<${tag}${namespaceOf(read.xml)}>${items}</${tag}>` : items;
    }
    if (isObject(value)) {
      let attributes = namespaceOf(read.xml);
      let children = '';
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined) continue;
        const own = this.readAt(read.properties[key], read.docUrl, depth + 1);
        if (own.xml.attribute === true && !isObject(child) && !Array.isArray(child)) {
          if (child !== null) attributes += ` ${qualified(nameIn(own.xml, key), own.xml)}="${escapeXml(text(child))}"`;
        } else children += this.write(key, child, own, depth + 1);
      }
      return `<${tag}${attributes}>${children}</${tag}>`;
    }
    return value === null ? `<${tag}${namespaceOf(read.xml)}/>` : `<${tag}${namespaceOf(read.xml)}>${escapeXml(text(value))}</${tag}>`;
  }
}

/** The name an `xml` object gives, else `fallback`. */
function nameIn(xml: JsonObject, fallback: string): string {
  return typeof xml.name === 'string' ? xml.name : fallback;
}

function qualified(name: string, xml: JsonObject): string {
  return typeof xml.prefix === 'string' && xml.prefix ? `${xml.prefix}:${name}` : name;
}

function namespaceOf(xml: JsonObject): string {
  if (typeof xml.namespace !== 'string' || !xml.namespace) return '';
  const attribute = typeof xml.prefix === 'string' && xml.prefix ? `xmlns:${xml.prefix}` : 'xmlns';
  return ` ${attribute}="${escapeXml(xml.namespace)}"`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const wrappedCache = new WeakMap<object, boolean>();

/**
 * Whether the document's arrays without `xml.wrapped` are wrapped: yes when it writes `wrapped: false`
 * somewhere, which the specification's default would make needless (AWS's documents mark their flattened
 * lists so, and their other lists, `<TagSet><Tag>…</Tag></TagSet>`, are wrapped). Worked out once per document.
 */
export function unmarkedArraysWrapped(document: object): boolean {
  let answer = wrappedCache.get(document);
  if (answer === undefined) wrappedCache.set(document, (answer = saysUnwrapped(document)));
  return answer;
}

function saysUnwrapped(document: object): boolean {
  const stack: unknown[] = [document];
  const seen = new Set<object>();
  while (stack.length) {
    const node = stack.pop();
    if (!isObject(node) && !Array.isArray(node)) continue;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isObject(node) && isObject(node.xml) && node.xml.wrapped === false) return true;
    stack.push(...Object.values(node));
  }
  return false;
}
