/** @module Notes on a response body a model could misread: no body at all, or text where JSON was expected. */
import type { RawResponse } from './send-request.js';
import type { ShapedResponse } from './shape-response.js';

/** Statuses whose empty body is the rule, and needs no note. */
const emptyByDefinition = new Set([204, 205, 304]);

/**
 * @param expectsJson the operation declares a JSON response
 * @param method the request's method: a HEAD answer is always empty
 */
export function bodyNotes(raw: RawResponse, shaped: ShapedResponse, options: { expectsJson: boolean; method: string }): string[] {
  if (!raw.bytes.length) {
    if (emptyByDefinition.has(raw.status) || options.method.toUpperCase() === 'HEAD') return [];
    return [`The response body is empty (HTTP ${raw.status}${raw.headers.get('content-type') ? `, Content-Type ${raw.headers.get('content-type')}` : ''}).`];
  }
  if (typeof shaped.body !== 'string' || shaped.overflow || shaped.binary) return [];
  const type = shaped.contentType?.split(';')[0]?.trim();
  if (type && /json/i.test(type)) return [`The body is not valid JSON although its Content-Type is ${type}; it is shown as text.`];
  if (options.expectsJson) return [`The body is ${type ?? 'untyped text'}, not the JSON the document declares; it is shown as text.`];
  return [];
}
