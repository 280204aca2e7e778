/** @module `select`: a JMESPath expression that narrows a JSON body, compiled once per call; the library loads on first use (most calls never select). */

/** Throws the library's error when the expression does not parse. */
export async function compileSelect(expression: string): Promise<(value: unknown) => unknown> {
  const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
  const ast = compile(expression);
  return (value) => TreeInterpreter.search(ast, value as never);
}
