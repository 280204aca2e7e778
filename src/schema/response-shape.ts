/** @module Summarises an operation's responses: status codes with descriptions, and a one-line shape of the main success body. */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import type { MediaTypeObject, ResponseObject } from '../openapi/openapi-types.js';
import { isObject, type JsonObject } from '../base/json.js';
import { isRef } from '../openapi/ref-resolver.js';
import { annotationKeywords } from './schema-keywords.js';
import { shortenText } from './shorten-text.js';

export interface ResponseSummary {
  status: string;
  description?: string;
  contentType?: string;
  /** Compact TypeScript-like shape of the body; only for the main success response. */
  shape?: string;
}

const maxProperties = 40;
/** A top-level object of this many properties or fewer is an envelope, whose contents are shown (see `renderObject`). */
const maxEnvelopeProperties = 4;
/** Fields shown of what an envelope wraps. */
const maxWrappedProperties = 16;
const maxEnum = 6;
/** Refs followed into one shape: a one-line shape never needs more, and a chain of thousands costs no stack. */
const maxRefsFollowed = 16;

export function summarizeResponses(operation: Operation, catalog: Catalog): ResponseSummary[] {
  const { resolver } = catalog.spec;
  const statuses = Object.keys(operation.responses).sort();
  const main = statuses.find((s) => /^2/.test(s)) ?? (statuses.includes('default') ? 'default' : undefined);
  return statuses.map((status) => {
    const summary: ResponseSummary = { status };
    let response: ResponseObject;
    let docUrl: string;
    try {
      const resolved = resolver.deref<ResponseObject>(operation.responses[status], operation.docUrl, `${operation.id} response ${status}`);
      response = resolved.value;
      docUrl = resolved.docUrl;
    } catch {
      summary.description = 'Unresolvable response reference.';
      return summary;
    }
    if (!isObject(response)) return summary;
    // "200 Success - Append block children" (documents converted from Postman) would read "200 200 Success".
    const written = typeof response.description === 'string' ? withoutOwnStatus(response.description, status) : undefined;
    const description = shortenText(written, 100);
    if (description) summary.description = description;
    const content = isObject(response.content) ? (response.content as Record<string, MediaTypeObject | undefined>) : undefined;
    if (!content) return summary;
    const contentType = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
    if (contentType) summary.contentType = contentType;
    if (status === main && contentType && content[contentType]?.schema !== undefined) {
      summary.shape = new ShapeRenderer(catalog).render(content[contentType]!.schema, docUrl, 0, new Set());
    }
    return summary;
  });
}

/** Where an object is shown: the body itself, the items of a list, or what an envelope wraps. */
type Frame = 'root' | 'items' | 'wrapped';

/** Renders `{ id: integer, user: object|null, labels: object[] }`: field names and types, one level deep. */
class ShapeRenderer {
  constructor(private readonly catalog: Catalog) {}

  render(node: unknown, docUrl: string, depth: number, seen: Set<string>, frame: Frame = 'root'): string {
    if (node === true || node === undefined) return 'any';
    if (!isObject(node)) return 'never';
    if (isRef(node)) {
      let target;
      try {
        target = this.catalog.spec.resolver.resolveRef(node.$ref, docUrl, 'response shape');
      } catch {
        return 'any';
      }
      if (seen.has(target.key) || seen.size >= maxRefsFollowed) return node.$ref.slice(node.$ref.lastIndexOf('/') + 1);
      const next = new Set(seen).add(target.key);
      return this.render(target.value, target.docUrl, depth, next, frame);
    }
    const nullable = node.nullable === true || (Array.isArray(node.type) && node.type.includes('null'));
    const shape = this.renderType(node, docUrl, depth, seen, frame);
    return nullable && !shape.endsWith('|null') ? `${shape}|null` : shape;
  }

  private renderType(node: JsonObject, docUrl: string, depth: number, seen: Set<string>, frame: Frame): string {
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(node[key])) {
        const parts = [...new Set((node[key] as unknown[]).map((m) => this.render(m, docUrl, depth, seen, frame)))];
        return parts.length > 3 ? `${parts.slice(0, 3).join(' | ')} | …` : parts.join(' | ');
      }
    }
    if (Array.isArray(node.allOf)) {
      // One schema and notes beside it (AWS's `allOf: [{ $ref: integer }, { description }]` on every property) is that schema.
      const shaping = isObject(node.properties) ? [] : node.allOf.filter((member) => !isAnnotationOnly(member));
      if (shaping.length === 1 && node.allOf.length > 1) return this.render(shaping[0], docUrl, depth, seen, frame);
      const merged = this.mergeProperties(node, docUrl);
      return this.renderObject(merged, docUrl, depth, seen, frame);
    }
    if (Array.isArray(node.enum)) {
      const values = node.enum.filter((v) => v !== null).map((v) => JSON.stringify(v));
      return values.length > maxEnum ? `${values.slice(0, maxEnum).join('|')}|…` : values.join('|');
    }
    const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
    if (type === 'array' || node.items !== undefined) {
      const item = this.render(node.items, docUrl, depth, seen, frame === 'wrapped' ? 'wrapped' : 'items');
      return item.includes(' ') && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    if (type === 'object' || isObject(node.properties)) return this.renderObject(node, docUrl, depth, seen, frame);
    if (typeof type === 'string') return typeof node.format === 'string' ? `${type}(${node.format})` : type;
    return 'any';
  }

  private renderObject(node: JsonObject, docUrl: string, depth: number, seen: Set<string>, frame: Frame): string {
    const properties = isObject(node.properties) ? Object.entries(node.properties) : [];
    if (!properties.length) return 'object';
    if (depth >= 1) return 'object';
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    // An envelope ({ version, messages, content }, { data, has_more, url }) says nothing of its own: what it
    // wraps is shown one level deep, as the items of a top-level array are.
    const envelope = depth === 0 && frame === 'root' && properties.length <= maxEnvelopeProperties;
    // What an envelope wraps is a glimpse of its fields: the whole of it would cost more than the envelope says.
    const shown = frame === 'wrapped' ? maxWrappedProperties : maxProperties;
    const shape = (child: unknown) => (envelope ? this.render(child, docUrl, depth, seen, 'wrapped') : this.render(child, docUrl, depth + 1, seen));
    const fields = properties.slice(0, shown).map(([name, child]) => `${name}${required.has(name) ? '' : '?'}: ${shape(child)}`);
    if (properties.length > shown) fields.push(`…${properties.length - shown} more`);
    return `{ ${fields.join(', ')} }`;
  }

  /** allOf members' properties side by side, for display only. */
  private mergeProperties(node: JsonObject, docUrl: string): JsonObject {
    const properties: JsonObject = { ...(isObject(node.properties) ? node.properties : {}) };
    const required: unknown[] = [...(Array.isArray(node.required) ? node.required : [])];
    for (const member of node.allOf as unknown[]) {
      let value: unknown;
      try {
        value = this.catalog.spec.resolver.deref(member, docUrl, 'response shape').value;
      } catch {
        continue;
      }
      if (!isObject(value)) continue;
      if (isObject(value.properties)) Object.assign(properties, value.properties);
      if (Array.isArray(value.required)) required.push(...value.required);
    }
    return { type: 'object', properties, required };
  }
}

/** Whether a schema only annotates (`{ description }`): beside another in an allOf, it adds nothing to the shape. */
function isAnnotationOnly(member: unknown): boolean {
  return isObject(member) && !isRef(member) && Object.keys(member).every((key) => annotationKeywords.has(key) || key.startsWith('x-'));
}

/** The description without a leading copy of its own status code ("200 Success - …"); a key that is no code leaves it as written. */
function withoutOwnStatus(description: string, status: string): string {
  const text = description.trimStart();
  if (!/^\d{3}$/.test(status) || !text.startsWith(status) || /\w/.test(text.charAt(3))) return description;
  return text.slice(3).replace(/^[\s:-]+/, '');
}
