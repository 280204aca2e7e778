/** @module The names a model passes to an operation: each parameter's key, and each top-level body field as `body.name`. */
import { isObject, type JsonObject } from '../base/json.js';
import { followDefs } from '../schema/local-defs.js';

/** From the operation's input schema; body fields through `$ref`s into its `$defs` and `allOf`. */
export function argumentNames(schema: JsonObject): string[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const names = Object.keys(properties).filter((name) => name !== 'body');
  for (const field of fieldsOf(properties.body, defs, 0)) names.push(`body.${field}`);
  return names;
}

function fieldsOf(schema: unknown, defs: JsonObject, depth: number): string[] {
  const node = followDefs(schema, defs);
  if (!isObject(node) || depth > 8) return [];
  const fields: string[] = [];
  if (isObject(node.properties)) fields.push(...Object.keys(node.properties));
  if (Array.isArray(node.allOf)) for (const member of node.allOf) fields.push(...fieldsOf(member, defs, depth + 1));
  return [...new Set(fields)];
}
