/**
 * @module Self-contained list cursors: the query, filters, ranking context and offset travel in the cursor, so
 * paging works on any replica and after state is lost. Written as a URL query (`o=20&q=create+issue`), which
 * costs a model a few tokens where base64 would cost several times more.
 */

export interface ListPosition {
  query?: string;
  tag?: string;
  method?: string;
  /** Operations the ranking favoured the neighbourhood of: later pages rank as the first did. */
  context?: string[];
  offset: number;
}

/** Recent operations a ranking takes as its context: the last few say where the conversation is. */
export const maxContext = 3;
/** Longest query, tag or method accepted in a search, in characters. */
export const maxSearchTextChars = 10_000;
/** Longest cursor accepted, in characters: enough for the longest query, tag and method, percent-encoded. */
export const maxCursorChars = 200_000;
/** Largest offset a cursor may hold: no API has that many endpoints. */
const maxOffset = 1_000_000;
const maxContextIdChars = 1_000;
const fields = new Set(['o', 'q', 't', 'm', 'c']);

export function encodeCursor(position: ListPosition): string {
  const params = new URLSearchParams({ o: String(position.offset) });
  if (position.query !== undefined) params.set('q', position.query);
  if (position.tag !== undefined) params.set('t', position.tag);
  if (position.method !== undefined) params.set('m', position.method);
  for (const id of position.context ?? []) params.append('c', id);
  return params.toString();
}

/** Returns undefined for a cursor that is not one of ours: wrong size, shape or field types, or an offset out of range. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (cursor.length > maxCursorChars) return undefined;
  const params = new URLSearchParams(cursor);
  const keys = [...params.keys()];
  if (keys.some((key) => !fields.has(key)) || ['o', 'q', 't', 'm'].some((key) => params.getAll(key).length > 1)) return undefined;
  const offsetText = params.get('o');
  if (offsetText === null || !/^\d{1,7}$/.test(offsetText) || Number(offsetText) > maxOffset) return undefined;
  const position: ListPosition = { offset: Number(offsetText) };
  for (const [key, field] of [
    ['q', 'query'],
    ['t', 'tag'],
    ['m', 'method'],
  ] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (value.length > maxSearchTextChars) return undefined;
    position[field] = value;
  }
  const context = params.getAll('c');
  if (context.length > maxContext || context.some((id) => !id || id.length > maxContextIdChars)) return undefined;
  if (context.length) position.context = context;
  return position;
}
