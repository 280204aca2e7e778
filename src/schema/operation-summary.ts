/** @module The line an operation shows in listings: its summary, or else the first sentence of its description, shortened. */
import { shortenText } from './shorten-text.js';
import type { Operation } from '../openapi/operation.js';

/** Longest line taken from a description; a summary is shown as written. */
const summaryChars = 120;
const cache = new WeakMap<Operation, string>();

/**
 * The operation's summary; without one (common in generated documents), the first sentence of its
 * description, flattened and shortened; empty when it has neither.
 */
export function summaryText(op: Operation): string {
  if (op.summary) return op.summary;
  let text = cache.get(op);
  if (text === undefined) {
    text = shortenText(firstSentence(shortenText(op.description, 2_000) ?? ''), summaryChars) ?? '';
    cache.set(op, text);
  }
  return text;
}

/** Up to the first full stop that ends a sentence (followed by a capital, or the end): "e.g. this" stays whole. */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](?=\s+[\p{Lu}\d("'`]|\s*$)/u);
  return end === -1 ? text : text.slice(0, end + 1);
}
