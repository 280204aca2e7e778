/** @module Notes on a response body a model could misread: no body at all, or text where JSON was expected. */
import type { RawResponse } from './send-request.js';
import type { ShapedResponse } from './shape-response.js';

/** Statuses whose empty body is the rule, and needs no note. */
const emptyByDefinition = new Set([204, 205, 304]);

/** What the document leads one to expect of a response's body. */
export interface BodyExpectations {
  /** The operation declares a JSON response. */
  expectsJson: boolean;
  /** The request's method: a HEAD answer is always empty. */
  method: string;
  /** The document declares this status with no body: the note says so, and the model need not look for an argument it missed. */
  declaresNoBody?: boolean;
}

/** The notes a body needs, if any. */
export function bodyNotes(raw: RawResponse, shaped: ShapedResponse, options: BodyExpectations): string[] {
  if (!raw.bytes.length) {
    if (emptyByDefinition.has(raw.status) || options.method.toUpperCase() === 'HEAD') return [];
    const type = raw.headers.get('content-type');
    const declared = options.declaresNoBody ? `; the document declares no body for it either` : '';
    return [`The response body is empty (HTTP ${raw.status}${type ? `, Content-Type ${type}` : ''})${declared}.`];
  }
  // A JSON string is JSON: its text is what is shown (one of JSON again is decoded where the body is shaped).
  if (shaped.json !== undefined) return [];
  if (typeof shaped.body !== 'string' || shaped.overflow || shaped.binary) return [];
  const type = shaped.contentType?.split(';')[0]?.trim();
  if (type && /json/i.test(type)) return [`The body is not valid JSON although its Content-Type is ${type}; it is shown as text.`];
  if (options.expectsJson) return [`The body is ${type ?? 'untyped text'}, not the JSON the document declares; it is shown as text.`];
  return [];
}
