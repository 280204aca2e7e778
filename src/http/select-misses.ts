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
/** Items of a list body whose keys are read: enough to know its fields, bounded on a long list. */
const maxItems = 100;

/**
 * A note when `select` reads a name the body does not have (at its top, or in any of its first items when it
 * is a list), naming the fields it has; else when it returned nothing but null though every name it read is
 * there with a value (`data.nmae` on `{"data": {"name": …}}`). Undefined otherwise: a field may be null.
 */
export function selectMissNote(
  expression: string,
  body: unknown,
  selected: unknown,
  read: Pick<CompiledSelect, 'rootFields' | 'itemFields'>,
): string | undefined {
  const items = Array.isArray(body) ? body.slice(0, maxItems).filter(isObject) : isObject(body) ? [body] : [];
  if (!items.length) return undefined;
  const fields = Array.isArray(body) ? read.itemFields : read.rootFields;
  const has = (name: string) => items.some((item) => Object.hasOwn(item, name));
  const missing = fields.filter((name) => !has(name));
  const readNull = fields.some((name) => items.every((item) => item[name] === null || item[name] === undefined));
  if (!missing.length && (readNull || !holdsNothing(selected))) return undefined;
  const names = [...new Set(items.flatMap((item) => Object.keys(item)))];
  if (!names.length) return undefined;
  const what = missing.length
    ? `names ${listed(missing)}, which the body does not have: a missing name reads as null.`
    : 'found only null: JMESPath reads a name the body lacks as null.';
  return `select ${expression} ${what} ${Array.isArray(body) ? "Its items' fields" : 'Its fields'}: ${listed(names)}.`;
}

/** Names, each cut to `maxNameChars` characters (never inside one), `maxNames` at most and the rest counted. */
function listed(names: readonly string[]): string {
  const cut = (name: string) => {
    const chars = Array.from(name);
    return chars.length > maxNameChars ? `${chars.slice(0, maxNameChars - 1).join('')}…` : name;
  };
  const shown = names.slice(0, maxNames).map(cut).join(', ');
  return names.length > maxNames ? `${shown}, and ${names.length - maxNames} more` : shown;
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
