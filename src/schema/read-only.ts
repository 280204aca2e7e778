/** @module Which properties a request leaves out: those marked readOnly, and those whose description opens "Output only" (Google's 6,737 in 202 documents). */
import { isObject } from '../base/json.js';

/** Google's documents say "Output only." in the description where others say readOnly: true. */
const outputOnly = /^\s*\[?output[ -]only\s*[.:\]]/i;

/** Whether a (resolved) property schema is only ever returned, never sent. */
export function isReadOnly(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  return schema.readOnly === true || (typeof schema.description === 'string' && outputOnly.test(schema.description));
}
