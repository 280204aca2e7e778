/**
 * @module Schemas that describe a serializer's own classes instead of the JSON they stand for: System.Text.Json's
 * `JsonNode` (options, parent, root) and `JsonPointer` (kind, segments, …), Jackson's `JsonNode` (bigDecimal,
 * valueAsText, …). Taken at their word they refuse every real value (ConfigCat's JSON Patch, Jira's bulk
 * entity properties); what they stand for is any JSON value, and a pointer string.
 */
import { isObject, type JsonObject } from '../base/json.js';

interface StandIn {
  /** The component's name, as serializers generate it. */
  name: string;
  /** Every property such a generated schema may have: a schema with any other is the document's own type. */
  internals: ReadonlySet<string>;
  schema: JsonObject;
}

const jacksonNode =
  'array bigDecimal bigInteger bigIntegerValue binary binaryValue boolean booleanValue containerNode decimalValue double doubleValue elements empty fieldNames fields float floatValue floatingPointNumber int intValue integralNumber long longValue missingNode nodeType null number numberType numberValue object pojo short shortValue textValue textual valueAsBoolean valueAsDouble valueAsInt valueAsLong valueAsText valueNode';

const standIns: readonly StandIn[] = [
  { name: 'JsonNode', internals: new Set(['options', 'parent', 'root', ...jacksonNode.split(' ')]), schema: { description: 'Any JSON value.' } },
  {
    name: 'JsonPointer',
    internals: new Set(['isUriEncoded', 'kind', 'segments', 'source']),
    schema: { type: 'string', description: 'A JSON Pointer, e.g. "/value".' },
  },
];

/** What a `$ref` to a serializer's class stands for, or undefined when the target is a schema of the document's own. */
export function serializerStandIn(ref: string, target: unknown): { name: string; schema: JsonObject } | undefined {
  const name = ref.split('/').at(-1);
  const standIn = standIns.find((s) => s.name === name);
  if (!standIn || !isObject(target) || !isObject(target.properties)) return undefined;
  const names = Object.keys(target.properties);
  return names.length > 0 && names.every((n) => standIn.internals.has(n)) ? { name: standIn.name, schema: standIn.schema } : undefined;
}
