/**
 * @module Which input-schema node a compiled copy stands for: validation compiles rewritten copies (split
 * into parts, `oneOf` read as `anyOf`), while an error names its subschema in the input schema's own terms.
 */

const origins = new WeakMap<object, object>();

/** Records that `copy` was made from `original`. */
export function recordOrigin(copy: object, original: object): void {
  if (copy !== original) origins.set(copy, origins.get(original) ?? original);
}

/** The input-schema node a compiled node was made from; the node itself when it was not rewritten. */
export function originOf<T>(node: T): T {
  return (typeof node === 'object' && node !== null ? (origins.get(node) as T | undefined) : undefined) ?? node;
}
