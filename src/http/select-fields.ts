/** @module The field names a `select` expression reads, from its JMESPath syntax tree: what a note on a missed name checks against the body. */

/** The names an expression reads from the top of the body (`{a: items[].id}` reads `items`) and, projecting a list body, from each item (`[].{a: id}` reads `id`). */
export function fieldsRead(ast: unknown): { rootFields: string[]; itemFields: string[] } {
  const node = ast as Node;
  return { rootFields: [...new Set(rootFields(node))], itemFields: [...new Set(itemFields(node))] };
}

interface Node {
  type: string;
  name?: string;
  left?: Node;
  right?: Node;
  child?: Node;
  /** A KeyValuePair's expression; an Index's or Literal's value. */
  value?: unknown;
  children?: Node[];
  condition?: Node;
}

/** What a projection of the whole body (`[]`, `[*]`, `[?…]`) reads of each item. */
function itemFields(node: Node): string[] {
  if (node.type !== 'Projection' && node.type !== 'FilterProjection') return [];
  const whole = node.left?.type === 'Identity' || (node.left?.type === 'Flatten' && node.left.child?.type === 'Identity');
  return whole ? [...rootFields(node.condition), ...rootFields(node.right)] : [];
}

/**
 * The field names an expression reads from the value it starts on: the left of a path, projection or pipe
 * (its right reads what the left gave), each member of a multiselect, a function's arguments. `||` and
 * not_null() are fallbacks, their names meant to be missing at times: none is counted.
 */
function rootFields(node: Node | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Field':
      return node.name ? [node.name] : [];
    case 'Subexpression':
    case 'IndexExpression':
    case 'Projection':
    case 'FilterProjection':
    case 'ValueProjection':
    case 'Pipe':
      return rootFields(node.left);
    case 'Flatten':
    case 'NotExpression':
      return rootFields(node.child);
    case 'KeyValuePair':
      return rootFields(node.value as Node);
    case 'MultiSelectHash':
    case 'MultiSelectList':
      return (node.children ?? []).flatMap(rootFields);
    case 'Function':
      // not_null(a, b) takes the first that is there, as `||` does: its names are meant to be missing at times.
      return node.name === 'not_null' ? [] : (node.children ?? []).flatMap(rootFields);
    case 'AndExpression':
    case 'Comparator':
      return [...rootFields(node.left), ...rootFields(node.right)];
    default:
      return [];
  }
}
