/** @module What a description says an enum's values mean ("`1` - public"), kept when shortening the description cuts it off. */
import { shortenText } from './shorten-text.js';

/** Longest meaning kept for one value, and for all of them: the legend is a reminder, not the documentation. */
const labelChars = 80;
const legendChars = 300;
/** Longer texts and enums are not read for a legend: a country list's 250 codes are their own meaning. */
const maxTextChars = 10_000;
const maxValues = 60;

/**
 * One line of a legend: a value where a line, list item or clause begins (quotes, backticks and emphasis
 * around it allowed), a separator (":", "=", ")", a dash between spaces), then what it means up to the
 * sentence's, line's or clause's end. "- 4: shipped", "* `1` - public", "NEW - batch is queued; VALIDATING - …".
 */
const legendLine = /(?:^|[\n>,;(]|\.\s)[ \t]*(?:[-*•+][ \t]+)?[`'"*]*([\w.-]+)[`'"*]*[ \t]*(?:[:=)]|[ \t]?[-–—][ \t])[ \t]*([^\n;<]+?)(?=\.(?:\s|$)|[\n;<]|$)/g;

/**
 * The text shortened as `shortenText` does, followed by what the whole text says the enum's values mean
 * when the shortened text no longer says it: DRACOON's classification ("Since v4.30.0" first, the legend
 * of 1 to 4 below) and Plaid's ACH codes were left as bare values.
 */
export function shortenWithLegend(text: string | undefined, values: unknown, maxChars: number): string | undefined {
  const short = shortenText(text, maxChars);
  if (!text || maxChars <= 0 || !Array.isArray(values) || values.length < 2 || values.length > maxValues || text.length > maxTextChars) return short;
  const labels = valueLabels(text, values);
  if (labels.length < 2) return short;
  // What the shortened text says in full is not said twice (a label it cut off is said in full).
  const unsaid = labels.filter(({ label }) => !short?.includes(label.replace(/…$/, '')));
  return unsaid.length ? `${short ?? ''} ${short && unsaid.length < labels.length ? 'Also' : 'Values'}: ${legendOf(unsaid)}`.trim() : short;
}

/** Each value the text gives a meaning, with the meaning: the first one the text gives it, as plain words. */
function valueLabels(text: string, values: readonly unknown[]): { value: string; label: string }[] {
  const meanings = new Map<string, string>();
  for (const [, key, meaning] of text.matchAll(legendLine)) {
    const label = plainLabel(meaning!);
    if (label && !meanings.has(key!)) meanings.set(key!, label);
  }
  return values.flatMap((value) => {
    const label = meanings.get(String(value));
    return label === undefined || label === String(value) ? [] : [{ value: String(value), label }];
  });
}

/** The meaning's first sentence without markup, at most `labelChars` long. */
function plainLabel(meaning: string): string {
  const plain = meaning
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<=\S)\.\s.*$/, '')
    .replace(/[\s.,:]+$/, '')
    .trim();
  if (plain.length <= labelChars) return plain;
  const cut = plain.slice(0, labelChars - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), labelChars / 2))}…`;
}

function legendOf(labels: readonly { value: string; label: string }[]): string {
  let legend = '';
  for (const { value, label } of labels) {
    const entry = `${legend ? ', ' : ''}${value}: ${label}`;
    if (legend.length + entry.length > legendChars) return `${legend}, …`;
    legend += entry;
  }
  return legend;
}
