/**
 * @module A `select` that found nothing: JMESPath reads a name the body lacks as null, silently, so a
 * guessed field name (`orderChangeReportings` for `changeOrderReportings`) looks like an empty answer.
 */
import { isObject } from '../base/json.js';

/** Field names listed at most: enough to correct a guess. */
const maxNames = 25;

/**
 * A note when what `select` returned holds no value at all (null, or objects and lists of nothing but
 * nulls), naming the fields the body has; undefined when it found something, or the body has no fields to name.
 */
export function selectMissNote(expression: string, body: unknown, selected: unknown): string | undefined {
  if (!holdsNothing(selected)) return undefined;
  const item = Array.isArray(body) ? body.find(isObject) : body;
  if (!isObject(item)) return undefined;
  const names = Object.keys(item);
  if (!names.length) return undefined;
  const shown = names.slice(0, maxNames).join(', ') + (names.length > maxNames ? `, and ${names.length - maxNames} more` : '');
  return `select ${expression} found only null: JMESPath reads a name the body lacks as null. ${Array.isArray(body) ? "Its items' fields" : 'Its fields'}: ${shown}.`;
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
