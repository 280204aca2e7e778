/** @module Self-contained list cursors: the query and offset travel in the cursor, so paging works on any replica and after state is lost. */

export interface ListPosition {
  query?: string;
  tag?: string;
  method?: string;
  /** Operations the ranking favoured the neighbourhood of: later pages rank as the first did. */
  context?: string[];
  offset: number;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify({ q: position.query, t: position.tag, m: position.method, c: position.context, o: position.offset })).toString('base64url');
}

/** Recent operations a ranking takes as its context: the last few say where the conversation is. */
export const maxContext = 3;

/** Returns undefined for a cursor that is not one of ours. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof raw.o !== 'number' || !Number.isInteger(raw.o) || raw.o < 0) return undefined;
    const position: ListPosition = { offset: raw.o };
    if (typeof raw.q === 'string') position.query = raw.q;
    if (typeof raw.t === 'string') position.tag = raw.t;
    if (typeof raw.m === 'string') position.method = raw.m;
    if (Array.isArray(raw.c) && raw.c.length <= maxContext && raw.c.every((id) => typeof id === 'string')) position.context = raw.c as string[];
    return position;
  } catch {
    return undefined;
  }
}
