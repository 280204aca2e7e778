/** @module JSON values and the one test every walk over a parsed document needs: is this a plain object? */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
