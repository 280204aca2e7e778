/** @module `select`: a JMESPath expression that narrows a JSON body, compiled once per call; the library loads on first use (most calls never select). */

/**
 * A compiled `select`, and the names it reads from the top of the body (`{a: items[].id}` reads `items`) or,
 * projecting a list body, from each of its items (`[].{a: id}` reads `id`).
 */
export interface CompiledSelect {
  (value: unknown): unknown;
  rootFields: readonly string[];
  itemFields: readonly string[];
}

/** Shown when an expression does not parse: a projection, and a filter, whose text goes in single quotes (a backtick holds JSON: `"open"`). */
export const selectExamples = `"items[].{id: id, name: name}", "items[?state == 'open'].id"`;

/** Throws the library's error when the expression does not parse. */
export async function compileSelect(expression: string): Promise<CompiledSelect> {
  const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
  const ast = compile(expression);
  const node = ast as unknown as Node;
  return Object.assign((value: unknown) => TreeInterpreter.search(ast, value as never), {
    rootFields: [...new Set(rootFields(node))],
    itemFields: [...new Set(itemFields(node))],
  });
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
 * (its right reads what the left gave), each member of a multiselect, a function's arguments. The left of
 * `||` is a fallback, meant to be missing at times: neither side is counted.
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
    case 'Function':
      return (node.children ?? []).flatMap(rootFields);
    case 'AndExpression':
    case 'Comparator':
      return [...rootFields(node.left), ...rootFields(node.right)];
    default:
      return [];
  }
}
