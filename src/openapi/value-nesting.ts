/** @module How deeply a JSON value nests, found without recursion, and a JSON pointer short enough to show. */

/** The path to the first place where `value` nests deeper than `limit` objects and arrays, or undefined. */
export function tooDeepAt(value: unknown, limit: number): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const trail: string[] = [];
  const stack: [unknown, number, string][] = [[value, 1, '']];
  while (stack.length) {
    const [node, depth, key] = stack.pop()!;
    if (depth > 1) trail[depth - 2] = key;
    if (depth > limit) return trail.slice(0, depth - 1);
    // Plain loops: this runs over every object of a document at load.
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (typeof node[i] === 'object' && node[i] !== null) stack.push([node[i], depth + 1, String(i)]);
    } else {
      const object = node as Record<string, unknown>;
      for (const childKey in object) if (typeof object[childKey] === 'object' && object[childKey] !== null) stack.push([object[childKey], depth + 1, childKey]);
    }
  }
  return undefined;
}

/** A JSON pointer, cut in the middle when long: the start says where, the end what. */
export function formatPointer(trail: readonly string[], prefix = '#'): string {
  const tokens = trail.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'));
  const shown = tokens.length > 12 ? [...tokens.slice(0, 6), `…(${tokens.length - 10} more)…`, ...tokens.slice(-4)] : tokens;
  return `${prefix}/${shown.map((t) => (t.length > 40 ? `${t.slice(0, 39)}…` : t)).join('/')}`;
}
