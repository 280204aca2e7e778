/**
 * @module An object that forbids other properties while its oneOf/anyOf alternatives define some
 * (ShipEngine's rate estimate: `additionalProperties: false` beside `oneOf: [{carrier_id}, {carrier_ids}]`).
 * Read literally it refuses every alternative's properties; the document means them as its own.
 */
import { isObject, type JsonObject } from '../base/json.js';

/** What an added property says of itself: any value here, the alternative defining it checks it. */
const definedByAlternative = 'As the oneOf/anyOf alternative that defines it says.';

/** A schema as it stands behind any `$ref`s; undefined when it cannot be resolved. */
export type Deref = (schema: unknown) => JsonObject | undefined;

/** Properties of an object schema and of its allOf members, one level down, by name. */
function propertyNames(schema: JsonObject | undefined, deref: Deref): string[] {
  if (!schema) return [];
  const names = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  if (Array.isArray(schema.allOf)) for (const member of schema.allOf) names.push(...Object.keys(deref(member)?.properties ?? {}));
  return names;
}

/**
 * `compiled` (the object `source` compiles to) taking its alternatives' properties as its own: each one it
 * does not define is added as any value, saying so (the alternative still checks it), and is no longer required of the
 * object itself (the alternative says when it is: ShipEngine's calculate-rates requires both `shipment_id`
 * and `shipment`, each defined by one alternative). Unchanged unless it forbids other properties.
 */
export function withBranchProperties(source: JsonObject, compiled: JsonObject, deref: Deref): JsonObject {
  if (compiled.additionalProperties !== false) return compiled;
  const branches = [...(Array.isArray(source.oneOf) ? source.oneOf : []), ...(Array.isArray(source.anyOf) ? source.anyOf : [])];
  const own = isObject(compiled.properties) ? compiled.properties : {};
  const added = [...new Set(branches.flatMap((branch) => propertyNames(deref(branch), deref)))].filter((name) => !Object.hasOwn(own, name));
  if (!added.length) return compiled;
  const widened: JsonObject = {
    ...compiled,
    properties: { ...own, ...Object.fromEntries(added.map((name) => [name, { description: definedByAlternative }])) },
  };
  const required = Array.isArray(compiled.required) ? compiled.required.filter((name) => !added.includes(name as string)) : [];
  if (required.length) widened.required = required;
  else delete widened.required;
  return widened;
}
