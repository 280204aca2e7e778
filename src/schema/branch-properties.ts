/**
 * @module An object that forbids other properties while its oneOf/anyOf alternatives define some
 * (ShipEngine's rate estimate: `additionalProperties: false` beside `oneOf: [{carrier_id}, {carrier_ids}]`).
 * Read literally it refuses every alternative's properties; the document means them as its own.
 */
import { isObject, type JsonObject } from '../base/json.js';

/** What an added property says of itself: any value here, the alternative defining it checks it. */
const definedByAlternative = 'As the oneOf/anyOf alternative that defines it says.';

/** How the compiler reads the document for `withBranchProperties`. */
export interface BranchReader {
  /** A schema as it stands behind any `$ref`s; undefined when it cannot be resolved. */
  deref: (schema: unknown) => JsonObject | undefined;
  /** Whether a property's schema is left out of this direction (readOnly in a request). */
  hidden: (schema: unknown) => boolean;
  /** Says what was read differently from the letter, to the document's problems. */
  report: (problem: string) => void;
}

/** Properties of an object schema and of its allOf members, one level down, by name, those left out of this direction aside. */
function propertyNames(schema: JsonObject, reader: BranchReader): string[] {
  const parts = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf.map((member) => reader.deref(member) ?? {}) : [])];
  return parts.flatMap((part) =>
    Object.entries(isObject(part.properties) ? part.properties : {})
      .filter(([, child]) => !reader.hidden(child))
      .map(([name]) => name),
  );
}

/**
 * `compiled` (the object `source` compiles to) taking its alternatives' properties as its own: each one it
 * does not define is added as any value, saying so (the alternative still checks it), and is no longer
 * required of the object itself: the alternative says when it is (ShipEngine's calculate-rates requires
 * both `shipment_id` and `shipment`, each defined by one alternative), and the problem says so. An
 * alternative that cannot be read leaves the object open. Unchanged unless it forbids other properties.
 */
export function withBranchProperties(source: JsonObject, compiled: JsonObject, reader: BranchReader): JsonObject {
  if (compiled.additionalProperties !== false) return compiled;
  const branches = [...(Array.isArray(source.oneOf) ? source.oneOf : []), ...(Array.isArray(source.anyOf) ? source.anyOf : [])].map(reader.deref);
  if (!branches.length) return compiled;
  if (branches.some((branch) => branch === undefined)) {
    reader.report('forbids other properties, but an alternative (oneOf/anyOf) of it cannot be read: any other property is accepted.');
    const open = { ...compiled };
    delete open.additionalProperties;
    return open;
  }
  const own = isObject(compiled.properties) ? compiled.properties : {};
  const added = [...new Set(branches.flatMap((branch) => propertyNames(branch!, reader)))].filter((name) => !Object.hasOwn(own, name));
  if (!added.length) return compiled;
  const widened: JsonObject = {
    ...compiled,
    properties: { ...own, ...Object.fromEntries(added.map((name) => [name, { description: definedByAlternative }])) },
  };
  const required = Array.isArray(compiled.required) ? compiled.required.filter((name) => typeof name === 'string') : [];
  const leftToAlternatives = required.filter((name) => added.includes(name));
  if (leftToAlternatives.length)
    reader.report(
      `requires ${leftToAlternatives.map((name) => `"${name}"`).join(', ')}, which only its alternatives (oneOf/anyOf) define: each is left to them to require.`,
    );
  const kept = required.filter((name) => !added.includes(name));
  if (kept.length) widened.required = kept;
  else delete widened.required;
  return widened;
}
