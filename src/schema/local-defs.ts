/**
 * @module The `$defs` of a self-contained schema (see compact-schema): the name a local `$ref` points
 * to, what a `$ref` chain ends at, and which definitions a part of the schema needs.
 */
import { isObject } from '../base/json.js';

const prefix = '#/$defs/';

/** The `$defs` name of a local ref (`#/$defs/Name`), or undefined for any other ref. */
export function defName(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(prefix) || ref.indexOf('/', prefix.length) !== -1) return undefined;
  // compact-schema writes names of [A-Za-z0-9_.-]; a name from elsewhere may be pointer-escaped.
  return decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The schema a chain of local refs ends at, or the schema itself when it is not one. */
export function followDefs(schema: unknown, defs: Record<string, unknown>): unknown {
  let current = schema;
  for (let hops = 0; hops < 16 && isObject(current); hops++) {
    const name = defName(current.$ref);
    if (name === undefined || !Object.hasOwn(defs, name)) break;
    current = defs[name];
  }
  return current;
}

/** The names of the definitions `value` refers to, directly or through other definitions (a chain of any length: definitions wait in a queue). */
export function reachableDefs(value: unknown, defs: Record<string, unknown>): Set<string> {
  const reached = new Set<string>();
  const queue: unknown[] = [value];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        const name = key === '$ref' ? defName(child) : undefined;
        if (name === undefined) visit(child);
        else if (!reached.has(name)) {
          reached.add(name);
          queue.push(defs[name]);
        }
      }
    }
  };
  for (let next = 0; next < queue.length; next++) visit(queue[next]);
  return reached;
}
