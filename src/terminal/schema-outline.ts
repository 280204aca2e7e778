/**
 * @module A JSON Schema as people read it: a short type ("array of Tag", "string(date-time)|null") and an
 * indented outline of an object's properties, one per line, with whether each is required and what it is.
 * Shared types (`$defs`) are expanded where first met and named after that; cycles stop at the name.
 */
import { isObject, type JsonObject } from '../base/json.js';
import type { Style } from './terminal.js';
import { wrapText } from './wrap-text.js';

export interface OutlineOptions {
  /** The schema holding `$defs` that `$ref`s point into. */
  root: JsonObject;
  style: Style;
  /** Lines longer than this wrap; undefined means no limit. */
  width: number | undefined;
}

const maxDepth = 12;
const maxEnumShown = 8;

/** The name a `#/$defs/...` reference gives its type. */
function refName(ref: string): string {
  const last = ref.split('/').pop() ?? ref;
  return decodeURIComponent(last.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveRef(ref: string, root: JsonObject): JsonObject | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const token = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    node = isObject(node) ? node[token] : undefined;
  }
  return isObject(node) ? node : undefined;
}

/** `string`, `integer(int64)`, `array of Tag`, `map of string`, `string|null`, `Cat | Dog`. */
export function schemaType(schema: unknown): string {
  if (!isObject(schema)) return schema === false ? 'nothing' : 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length) return [...new Set(list.map(schemaType))].join(' | ');
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) return schema.allOf.map(schemaType).join(' & ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (!types.length) {
    if (isObject(schema.properties)) types.push('object');
    else if (schema.items !== undefined) types.push('array');
    else if (Array.isArray(schema.enum)) types.push(typeof schema.enum[0] === 'number' ? 'number' : 'string');
    else return 'any';
  }
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types
    .map((type) => {
      if (type === 'array') return schema.items === undefined ? 'array' : `array of ${schemaType(schema.items)}`;
      if (type === 'object' && !isObject(schema.properties) && isObject(schema.additionalProperties))
        return `map of ${schemaType(schema.additionalProperties)}`;
      return typeof schema.format === 'string' && type !== 'null' ? `${type}(${schema.format})` : type;
    })
    .join('|');
}

/** What a property is: its description, then its allowed values and default. */
export function schemaNotes(schema: unknown): string {
  if (!isObject(schema)) return '';
  const notes: string[] = [];
  if (typeof schema.description === 'string' && schema.description.trim()) notes.push(schema.description.trim().replace(/\s+/g, ' '));
  const values = Array.isArray(schema.enum) ? schema.enum : isObject(schema.items) && Array.isArray(schema.items.enum) ? schema.items.enum : undefined;
  if (values) {
    const shown = values.slice(0, maxEnumShown).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    notes.push(`One of: ${shown.join(', ')}${values.length > maxEnumShown ? `, and ${values.length - maxEnumShown} more` : ''}`);
  }
  if (schema.default !== undefined) notes.push(`Default: ${JSON.stringify(schema.default)}`);
  return notes.map((note) => (/[.!?:…]$/.test(note) ? note : `${note}.`)).join(' ');
}

/** The lines under a schema: its properties (of the object, of array items, of map values, of each alternative). */
export function outlineSchema(schema: unknown, indent: string, options: OutlineOptions): string[] {
  return new Outliner(options).children(schema, indent, 0, new Set());
}

class Outliner {
  /** `$defs` already expanded once: later uses show the name only. */
  private readonly expanded = new Set<string>();

  constructor(private readonly options: OutlineOptions) {}

  children(schema: unknown, indent: string, depth: number, path: Set<string>): string[] {
    if (!isObject(schema) || depth > maxDepth) return [];
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      const target = resolveRef(ref, this.options.root);
      if (!target || path.has(ref) || this.expanded.has(ref)) return [];
      this.expanded.add(ref);
      return this.children(target, indent, depth, new Set([...path, ref]));
    }
    const lines: string[] = [];
    if (Array.isArray(schema.allOf)) for (const part of schema.allOf) lines.push(...this.children(part, indent, depth + 1, path));
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = schema[key];
      if (!Array.isArray(list) || list.length < 2) {
        if (Array.isArray(list) && list.length === 1) lines.push(...this.children(list[0], indent, depth + 1, path));
        continue;
      }
      // Only alternatives with properties of their own get lines: the type already names the others.
      list.forEach((option, i) => {
        const inner = this.children(option, `${indent}  `, depth + 1, path);
        if (!inner.length) return;
        lines.push(
          `${indent}${this.options.style.dim(`${key === 'oneOf' ? 'one of' : 'any of'}, option ${i + 1}:`)} ${this.options.style.cyan(schemaType(option))}`,
          ...inner,
        );
      });
    }
    if (isObject(schema.properties)) {
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      for (const [name, property] of Object.entries(schema.properties)) {
        lines.push(...this.property(name, property, required.has(name), indent));
        lines.push(...this.children(property, `${indent}  `, depth + 1, path));
      }
    }
    if (schema.items !== undefined) lines.push(...this.children(schema.items, indent, depth + 1, path));
    if (isObject(schema.additionalProperties) && !isObject(schema.properties))
      lines.push(...this.children(schema.additionalProperties, indent, depth + 1, path));
    return lines;
  }

  /** `name: type (required) - notes`, wrapped under its name. */
  private property(name: string, schema: unknown, required: boolean, indent: string): string[] {
    const { style, width } = this.options;
    const head = `${name}: ${schemaType(schema)}${required ? ' (required)' : ''}`;
    const notes = schemaNotes(schema);
    const text = notes ? `${head} - ${notes}` : head;
    return wrapText(text, width, `${indent}    `, indent).map((line, i) => {
      if (i > 0) return style.dim(line);
      // Style the parts of the first line: name, type and required marker, then the notes dimmed.
      const at = line.indexOf(head);
      if (at === -1) return line;
      const styledHead = `${style.bold(name)}: ${style.cyan(schemaType(schema))}${required ? ` ${style.yellow('(required)')}` : ''}`;
      return `${line.slice(0, at)}${styledHead}${style.dim(line.slice(at + head.length))}`;
    });
  }
}
