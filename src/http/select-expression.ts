/** @module `select`: a JMESPath expression that narrows a JSON body, compiled once per call; the library loads on first use (most calls never select). */
import { fieldsRead } from './select-fields.js';

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
export const selectExamples = ['items[].{id: id, name: name}', "items[?state == 'open'].id"];

/** Throws the library's error when the expression does not parse. */
export async function compileSelect(expression: string): Promise<CompiledSelect> {
  const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
  const ast = compile(expression);
  return Object.assign((value: unknown) => TreeInterpreter.search(ast, value as never), fieldsRead(ast));
}
