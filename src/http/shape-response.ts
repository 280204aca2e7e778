/**
 * @module Turns a raw HTTP response into what a model reads: JSON parsed (optionally narrowed by a
 * JMESPath `select`), text as text, binary as image or embedded resource up to a limit, and a byte
 * budget beyond which the rest is kept for a continuation.
 */
import { echoValue } from '../echo-input.js';
import { tooDeepAt } from '../openapi/value-nesting.js';
import type { SecretRedactor } from './redact-secrets.js';
import type { CompiledSelect } from './select-expression.js';
import { selectMissNote } from './select-misses.js';
import type { RawResponse } from './send-request.js';

export interface ShapedResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  contentType?: string;
  /** Parsed JSON, text, the first part of a long text, or a one-line summary of binary content. */
  body: unknown;
  /** Binary content small enough to return, as base64. */
  binary?: { base64: string; mimeType: string };
  /** Set when the body was longer than the budget: the whole text, for continuations. */
  overflow?: { text: string; totalBytes: number; returnedBytes: number };
  /** Notes for the model (select not applicable, binary too large...). */
  notes: string[];
  /** The whole body parsed, before `select` and the budget, when it is JSON: what the next page is read from. */
  json?: unknown;
}

export interface ShapeOptions {
  /** Budget for text, in UTF-8 bytes. */
  maxBytes: number;
  /** Largest binary body returned inline. */
  maxBinaryBytes: number;
  /** Applied to a JSON body before the budget. */
  select?: CompiledSelect;
  selectExpression?: string;
  /** Takes configured credentials out of headers, status text and body before anything is kept or returned. */
  redactor?: SecretRedactor;
  /** Lowercased names of headers the document declares for this response: kept beside the usual ones. */
  declaredHeaders?: ReadonlySet<string>;
}

/** The note on a body encoded twice, which is shown decoded (`call` writes a pipe the bytes as sent, and says so instead). */
export const decodedNote = 'The body is a JSON string whose text is JSON again (encoded twice); it is shown decoded.';

/** JSON nested deeper than this is returned as text: what walks a value (serializers, `select`) need not go that deep. */
const maxJsonNesting = 256;

/**
 * Headers that tell a model something useful (a version among them: NetBox's API-Version; where an accepted
 * request's work goes on: Operation-Location, Azure-AsyncOperation); the rest (cookies, tracing) is noise or secret.
 */
const keptHeaders =
  /^(content-type|content-length|content-disposition|location|operation-location|azure-asyncoperation|link|etag|last-modified|retry-after|x-ratelimit-.*|ratelimit.*|x-total-count|x-next-page|x-request-id|x-github-request-id|cache-control|www-authenticate|sl-violations|(?:x-)?api-version)$/i;

export function shapeResponse(raw: RawResponse, options: ShapeOptions): ShapedResponse {
  const redact = (text: string) => options.redactor?.text(text) ?? text;
  const headers: Record<string, string> = {};
  raw.headers.forEach((value, name) => {
    if (keptHeaders.test(name) || options.declaredHeaders?.has(name)) headers[name] = redact(value);
  });
  const contentType = headers['content-type'];
  const shaped: ShapedResponse = { status: raw.status, statusText: redact(raw.statusText), headers, body: null, notes: [] };
  if (contentType) shaped.contentType = contentType;
  if (!raw.bytes.length) return shaped;

  if (!isTextual(contentType, raw.bytes)) {
    const mimeType = (contentType ?? 'application/octet-stream').split(';')[0]!.trim();
    if (options.redactor?.inBytes(raw.bytes)) {
      shaped.body = `(binary ${mimeType}, ${raw.bytes.length} bytes: withheld, because it contains a configured credential)`;
    } else if (raw.bytes.length <= options.maxBinaryBytes) {
      shaped.binary = { base64: Buffer.from(raw.bytes).toString('base64'), mimeType };
      shaped.body = `(binary ${mimeType}, ${raw.bytes.length} bytes, returned as ${mimeType.startsWith('image/') ? 'image' : 'an embedded resource'})`;
    } else {
      shaped.body = `(binary ${mimeType}, ${raw.bytes.length} bytes: over the ${options.maxBinaryBytes}-byte limit for binary results, not returned)`;
    }
    return shaped;
  }

  const text = redact(new TextDecoder().decode(raw.bytes));
  let value: unknown = text;
  let isJson = false;
  if (/json/i.test(contentType ?? '') || looksLikeJson(text)) {
    try {
      value = JSON.parse(text);
      isJson = true;
    } catch {
      value = text;
    }
    // A JSON string whose text is JSON again (mocks of documents whose examples are strings of JSON, Xero's):
    // shown decoded, so that select and the next-page reading see the fields. Its text is redacted again
    // first: a secret holding a quote or a backslash was escaped twice in the body, and the redactor missed it.
    const inner = isJson && typeof value === 'string' ? parsedJson(redact(value)) : undefined;
    if (inner !== undefined) value = inner;
    if (isJson && tooDeepAt(value, maxJsonNesting)) {
      value = text;
      isJson = false;
      shaped.notes.push(`The JSON body is nested more than ${maxJsonNesting} levels deep, so it is returned as text.`);
    } else if (inner !== undefined) shaped.notes.push(decodedNote);
  }
  if (isJson) shaped.json = value;
  if (options.select) {
    // select names fields of what the call was for: on an error it would leave out why (422's messages read {"id": null}).
    if (raw.status >= 300)
      shaped.notes.push(`select ${echoValue(options.selectExpression)} was not applied: the API answered ${raw.status}, whose body is shown unselected.`);
    else if (isJson) {
      const selected = options.select(value) ?? null;
      const missed = selectMissNote(echoValue(options.selectExpression), value, selected, options.select);
      if (missed) shaped.notes.push(missed);
      value = selected;
    } else shaped.notes.push(`select ${echoValue(options.selectExpression)} was not applied: the body is not JSON.`);
  }
  const serialized = typeof value === 'string' ? value : JSON.stringify(value);
  const bytes = Buffer.byteLength(serialized);
  if (bytes <= options.maxBytes) {
    shaped.body = value;
    return shaped;
  }
  const first = sliceUtf8(serialized, 0, options.maxBytes);
  shaped.body = first.text;
  shaped.overflow = { text: serialized, totalBytes: bytes, returnedBytes: first.end };
  return shaped;
}

/** Bytes [start, start + maxBytes) of a text, never splitting a character; `end` is the next start. */
export function sliceUtf8(text: string, start: number, maxBytes: number): { text: string; end: number } {
  const bytes = Buffer.from(text);
  let end = Math.min(start + maxBytes, bytes.length);
  while (end > start && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(start, end).toString('utf8'), end };
}

function isTextual(contentType: string | undefined, bytes: Uint8Array): boolean {
  if (contentType) return /json|text\/|xml|yaml|javascript|x-www-form-urlencoded|csv|html|problem/i.test(contentType);
  // No Content-Type: text unless it holds NUL bytes.
  return !bytes.subarray(0, 1024).includes(0);
}

/** Whether a text opens as a JSON object or array does. */
export function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

/** The object or list a text of JSON holds; undefined when it holds anything else or is not JSON. */
function parsedJson(text: string): object | undefined {
  if (!looksLikeJson(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
