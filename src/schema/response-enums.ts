/**
 * @module The enum values an operation's responses give each field: the document's second word on what a
 * field takes, against which the request's enums are judged (see unreliable-constraints.ts).
 */
import type { Operation } from '../openapi/operation.js';
import { isObject } from '../base/json.js';
import { isRef, type RefResolver } from '../openapi/ref-resolver.js';
import { subschemaKind } from './subschema-keywords.js';

/** Subschemas read per operation at most: responses of large APIs nest hundreds of types, and the fields compared sit near the top. */
const maxNodes = 5_000;
/** Fields deeper than this are not compared: a request field matches a response field at most one wrapper deeper. */
const maxDepth = 6;

interface ResponseField {
  /** Property names from the body's root; array items and branches add none. */
  path: string[];
  values: unknown[];
  /** The names of the field's siblings: the object it belongs to, to tell the same resource from another. */
  siblings: Set<string>;
}

/** The enums of an operation's success responses, by field path. */
export class ResponseEnums {
  constructor(private readonly fields: readonly ResponseField[]) {}

  /**
   * The values the responses give the field at `path` (names from the request body's root), in an object of
   * the same kind: under at most one wrapper (`created.target` for `target`), and sharing at least two other
   * property names with the request's object, two thirds of them at least. A create call answering with an
   * operation record (`status: DONE`) is another object, and says nothing about the resource's `status`.
   */
  valuesFor(path: readonly string[], siblings: readonly string[]): unknown[] | undefined {
    if (!path.length) return undefined;
    const name = path.at(-1);
    const others = siblings.filter((s) => s !== name);
    const values = new Set<unknown>();
    for (const field of this.fields) {
      if (field.path.length < path.length || field.path.length > path.length + 1) continue;
      const offset = field.path.length - path.length;
      if (!path.every((segment, i) => field.path[offset + i] === segment)) continue;
      const shared = others.filter((s) => field.siblings.has(s)).length;
      if (shared >= 2 && shared * 3 >= others.length * 2) for (const value of field.values) values.add(value);
    }
    return values.size ? [...values] : undefined;
  }
}

/** The enums of the operation's 2xx responses. */
export function responseEnums(operation: Operation, resolver: RefResolver): ResponseEnums {
  const found: ResponseField[] = [];
  const seen = new Set<string>();
  let budget = maxNodes;

  const visit = (node: unknown, docUrl: string, path: string[], siblings: Set<string>): void => {
    if (budget-- <= 0 || !isObject(node) || path.length > maxDepth) return;
    if (isRef(node)) {
      let target;
      try {
        target = resolver.resolveRef(node.$ref, docUrl, `${operation.id} responses`);
      } catch {
        return; // reported where the schema is described
      }
      const key = `${target.key}\n${path.join('.')}`;
      if (seen.has(key)) return;
      seen.add(key);
      visit(target.value, target.docUrl, path, siblings);
      return;
    }
    if (path.length && Array.isArray(node.enum)) found.push({ path, values: node.enum, siblings });
    if (isObject(node.properties)) {
      const names = new Set(Object.keys(node.properties));
      for (const [name, schema] of Object.entries(node.properties)) visit(schema, docUrl, [...path, name], names);
    }
    for (const keyword in node) {
      const kind = subschemaKind(keyword);
      const child = node[keyword];
      // Items and branches stand for the field itself; map values, property names and `not` do not.
      if (kind === 'list' && Array.isArray(child)) for (const schema of child) visit(schema, docUrl, path, siblings);
      else if (keyword === 'items' || keyword === 'contains' || keyword === 'then' || keyword === 'else') visit(child, docUrl, path, siblings);
    }
  };

  for (const [status, response] of Object.entries(operation.responses)) {
    // Error bodies describe errors, not the resource.
    if (!/^2/.test(status)) continue;
    let resolved;
    try {
      resolved = resolver.deref(response, operation.docUrl, `${operation.id} responses`);
    } catch {
      continue;
    }
    const content = isObject(resolved.value) ? resolved.value.content : undefined;
    if (!isObject(content)) continue;
    for (const media of Object.values(content)) if (isObject(media)) visit(media.schema, resolved.docUrl, [], new Set());
  }
  return new ResponseEnums(found);
}
