/** @module The line an operation shows in listings: its summary, or else the first sentence of its description, shortened. */
import { decodeEntities, shortenText } from './shorten-text.js';
import { beforeLostLineBreak, isDeprecationNotice, summaryIsProse, type Operation } from '../openapi/operation.js';
import { splitWords } from '../search/tokenize.js';

/** Longest line taken from a description, or from a summary written as prose (see `shortenText` for when a sentence runs on); a summary of one line is shown as written. */
const summaryChars = 120;
const cache = new WeakMap<Operation, string>();

/**
 * The operation's summary; without one, or with one that only repeats its id (common in generated
 * documents: "getBoardsByIdBoard()"), the first sentence of its description, flattened and shortened;
 * empty when it has neither. A summary written as prose (see `summaryIsProse`) is read as a description.
 */
export function summaryText(op: Operation): string {
  let text = cache.get(op);
  if (text === undefined) {
    const summary = op.summary && !repeatsId(op.summary, op.id) ? op.summary : undefined;
    text = summary && !summaryIsProse(summary) ? decodeEntities(summary) : leadSentence(summary !== undefined ? beforeLostLineBreak(summary) : op.description);
    cache.set(op, text);
  }
  return text;
}

/** A list marker that opens prose ("- If…", "* Lists…", "1. Starts…"). */
const listMarker = /^\s*(?:[-*+\u2022]|\d{1,2}[.)])\s+/;

/** The first sentence of prose, flattened and shortened; empty without prose. Prose that opens a list leads with its first item, without the marker. */
function leadSentence(prose: string | undefined): string {
  const lead = prose !== undefined && listMarker.test(prose) ? prose.replace(listMarker, '').split('\n')[0] : prose;
  return shortenText(firstSentence(shortenText(lead, 2_000) ?? ''), summaryChars) ?? '';
}

/**
 * Up to the first full stop that ends a sentence (followed by a capital, or the end): "e.g. this" stays whole.
 * A label for a first sentence (one word, or two ending in "!": "Important!", eBay's issueRefund), or a notice
 * that says only that the operation is deprecated ("This API is deprecated."), brings the next.
 */
function firstSentence(text: string): string {
  const sentence = sentenceAt(text);
  const words = sentence.trim().split(/\s+/).length;
  const label = words === 1 || (words === 2 && sentence.endsWith('!')) || isDeprecationNotice(sentence);
  if (!label || sentence.length >= text.length) return sentence;
  return `${sentence} ${sentenceAt(text.slice(sentence.length).trim())}`;
}

function sentenceAt(text: string): string {
  const end = text.search(/[.!?](?=\s+[\p{Lu}\d("'`]|\s*$)/u);
  return end === -1 ? text : text.slice(0, end + 1);
}

/** Whether a summary says nothing but the id's words ("getBoardsByIdBoard()", "Get Secrets" for GetSecrets): a listing shows the id already. */
function repeatsId(summary: string, id: string): boolean {
  return splitWords(summary).join(' ') === splitWords(id).join(' ');
}
