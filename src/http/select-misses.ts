/**
 * @module A `select` that found nothing: JMESPath reads a name the body lacks as null, silently, so a
 * guessed field name (`orderChangeReportings` for `changeOrderReportings`) looks like an empty answer.
 */
import { isObject } from '../base/json.js';
import type { CompiledSelect } from './select-expression.js';

/** Field names listed at most: enough to correct a guess. */
const maxNames = 25;

/** Characters of a field name shown at most: a body's keys are the API's, of any length. */
const maxNameChars = 60;

/**
 * A note when `select` reads a name the body does not have (at its top, or in its first item when it is a
 * list), naming the fields it has. Where that cannot be told (an expression naming nothing there), when it
 * returned nothing but null. Undefined otherwise: a field the body has may be null.
 */
export function selectMissNote(
  expression: string,
  body: unknown,
  selected: unknown,
  read: Pick<CompiledSelect, 'rootFields' | 'itemFields'>,
): string | undefined {
  const item = Array.isArray(body) ? body.find(isObject) : body;
  if (!isObject(item)) return undefined;
  const fields = Array.isArray(body) ? read.itemFields : read.rootFields;
  const checkable = fields.length > 0;
  const missing = fields.filter((name) => !Object.hasOwn(item, name));
  if (checkable ? !missing.length : !holdsNothing(selected)) return undefined;
  const names = Object.keys(item).map(cut);
  if (!names.length) return undefined;
  const shown = names.slice(0, maxNames).join(', ') + (names.length > maxNames ? `, and ${names.length - maxNames} more` : '');
  const what = missing.length
    ? `names ${missing.map(cut).join(', ')}, which the body does not have: a missing name reads as null.`
    : 'found only null: JMESPath reads a name the body lacks as null.';
  return `select ${expression} ${what} ${Array.isArray(body) ? "Its items' fields" : 'Its fields'}: ${shown}.`;
}

function cut(name: string): string {
  return name.length > maxNameChars ? `${name.slice(0, maxNameChars - 1)}…` : name;
}

function holdsNothing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every(holdsNothing);
  if (isObject(value)) {
    const values = Object.values(value);
    return values.length > 0 && values.every(holdsNothing);
  }
  return false;
}
