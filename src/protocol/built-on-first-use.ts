/**
 * @module A JSON Schema validator for an SDK server, built when first asked for. The SDKs use it only to check
 * elicitation answers, which these tools never ask for, and building its Ajv costs some 12 ms of startup.
 */

interface SchemaValidatorFactory {
  getValidator: (schema: never) => unknown;
}

export function builtOnFirstUse<V extends SchemaValidatorFactory>(build: () => V): V {
  let built: V | undefined;
  return { getValidator: (schema: never) => (built ??= build()).getValidator(schema) } as V;
}
