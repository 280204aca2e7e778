/** @module Self-contained list cursors: the query and offset travel in the cursor, so paging works on any replica and after state is lost. */

export interface ListPosition {
  query?: string;
  tag?: string;
  method?: string;
  offset: number;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify({ q: position.query, t: position.tag, m: position.method, o: position.offset })).toString('base64url');
}

/** Longest query, tag or method accepted in a search, in characters. */
export const maxSearchTextChars = 10_000;
/** Longest cursor accepted, in characters: enough for the longest query, tag and method (4 UTF-8 bytes a character), base64-encoded. */
export const maxCursorChars = 200_000;
/** Largest offset a cursor may hold: no API has that many endpoints. */
const maxOffset = 1_000_000;
const fields = new Set(['q', 't', 'm', 'o']);

/** Returns undefined for a cursor that is not one of ours: wrong size, shape or field types, or an offset out of range. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (cursor.length > maxCursorChars || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  if (Object.keys(record).some((key) => !fields.has(key))) return undefined;
  const offset = record.o;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset > maxOffset) return undefined;
  const position: ListPosition = { offset };
  for (const [key, field] of [['q', 'query'], ['t', 'tag'], ['m', 'method']] as const) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > maxSearchTextChars) return undefined;
    position[field] = value;
  }
  return position;
}
