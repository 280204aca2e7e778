/** @module Turns a raw HTTP response into what a model reads: parsed JSON or text, selected headers, and a byte budget. */
import type { RawResponse } from './send-request.js';

export interface ShapedResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  contentType?: string;
  body: unknown;
  /** Set when the body was cut to fit the budget. */
  truncated?: { totalBytes: number; returnedBytes: number };
}

/** Headers that tell a model something useful; the rest (cookies, tracing) is noise or secret. */
const keptHeaders = /^(content-type|content-length|content-disposition|location|link|etag|last-modified|retry-after|x-ratelimit-.*|ratelimit.*|x-total-count|x-next-page|x-request-id|x-github-request-id|cache-control|www-authenticate)$/i;

export function shapeResponse(raw: RawResponse, maxBytes: number): ShapedResponse {
  const headers: Record<string, string> = {};
  raw.headers.forEach((value, name) => {
    if (keptHeaders.test(name)) headers[name] = value;
  });
  const contentType = raw.headers.get('content-type') ?? undefined;
  const shaped: ShapedResponse = { status: raw.status, statusText: raw.statusText, headers, body: null };
  if (contentType) shaped.contentType = contentType;
  if (!raw.bytes.length) return shaped;

  const textual = !contentType || /json|text\/|xml|yaml|javascript|x-www-form-urlencoded|csv/i.test(contentType);
  if (!textual) {
    shaped.body = `(binary ${contentType}, ${raw.bytes.length} bytes, not shown)`;
    return shaped;
  }
  const text = new TextDecoder().decode(raw.bytes);
  if (raw.bytes.length <= maxBytes) {
    shaped.body = /json/i.test(contentType ?? '') || looksLikeJson(text) ? parseJsonOr(text) : text;
    return shaped;
  }
  const cut = cutUtf8(raw.bytes, maxBytes);
  shaped.body = cut;
  shaped.truncated = { totalBytes: raw.bytes.length, returnedBytes: new TextEncoder().encode(cut).length };
  return shaped;
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The longest prefix of the bytes that fits `maxBytes` without splitting a character. */
function cutUtf8(bytes: Uint8Array, maxBytes: number): string {
  let end = Math.min(maxBytes, bytes.length);
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}
