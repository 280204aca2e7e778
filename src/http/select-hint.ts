/**
 * @module For a long JSON body fetched without `select`, a hint of the expression that keeps only some
 * fields, built from the body's own keys: a Vimeo run read 13 KB a video and tried a `fields` argument the
 * endpoint does not take.
 */
import { isObject } from '../base/json.js';

/** Bodies shorter than this need no narrowing. */
const longBodyBytes = 4_000;
/** Fields the example names first, when the body has them: what a model most often wants of each item. */
const favoured = ['id', 'name', 'title', 'uri', 'key', 'status', 'email'];
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The hint, or undefined for a short body, a body that is not JSON, or one without fields to name. */
export function selectHint(json: unknown, bytes: number): string | undefined {
  if (bytes < longBodyBytes || json === undefined) return undefined;
  const example = exampleExpression(json);
  if (!example) return undefined;
  return `This body is ${Math.round(bytes / 1000)} KB: select (JMESPath) returns only the fields you name, e.g. "${example}".`;
}

function exampleExpression(json: unknown): string | undefined {
  const list = Array.isArray(json) ? { path: '', items: json } : listIn(json);
  const sample = list ? list.items.find(isObject) : json;
  if (!isObject(sample)) return undefined;
  const fields = fieldsOf(sample);
  if (!fields.length) return undefined;
  const projection = `{${fields.map((f) => `${f}: ${f}`).join(', ')}}`;
  return list ? `${list.path}[].${projection}` : projection;
}

/** The page's list, by the names APIs give it: any other list of objects is part of one item (a video's categories). */
const listNames = new Set(['data', 'items', 'values', 'value', 'results', 'records', 'entries', 'elements', 'objects', 'resources', 'nodes']);

/** The top-level property holding the page's list of objects, when it has one of the usual names. */
function listIn(json: unknown): { path: string; items: unknown[] } | undefined {
  if (!isObject(json)) return undefined;
  for (const [key, value] of Object.entries(json)) {
    if (listNames.has(key) && Array.isArray(value) && value.some(isObject)) return { path: key, items: value };
  }
  return undefined;
}

/** Two fields to name: favoured ones first, else the first plain ones. */
function fieldsOf(item: Record<string, unknown>): string[] {
  const names = Object.keys(item).filter((k) => identifier.test(k));
  const ordered = [...favoured.filter((f) => names.includes(f)), ...names.filter((n) => !favoured.includes(n))];
  return ordered.slice(0, 2);
}
