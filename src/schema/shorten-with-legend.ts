/** @module What a description says an enum's values mean ("`1` - public"), kept when shortening the description cuts it off. */
import { isObject } from '../base/json.js';
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
  const labels = labelsOf(meaningsIn(text), values);
  if (labels.length < 2) return short;
  // What the shortened text says in full is not said twice (a label it cut off is said in full).
  const unsaid = labels.filter(({ label }) => !short?.includes(label.replace(/…$/, '')));
  return unsaid.length ? `${short ?? ''} ${short && unsaid.length < labels.length ? 'Also' : 'Values'}: ${legendOf(unsaid)}`.trim() : short;
}

/**
 * The operation's description, shortened, followed by what its whole text says the values of the inputs'
 * enums mean, for an input whose own description does not say it: Billbee's order state change takes
 * NewStateId 1 to 16, explained only by the operation's "- 4: shipped" list below its first paragraph.
 * Inputs are the schema's properties and its body's.
 */
export function shortenWithInputLegends(text: string | undefined, maxChars: number, inputSchema: unknown): string | undefined {
  const short = shortenText(text, maxChars);
  if (!text || text.length > maxTextChars) return short;
  const legends: string[] = [];
  let meanings: Map<string, string> | undefined;
  for (const [name, property] of enumInputs(inputSchema)) {
    const labels = labelsOf((meanings ??= meaningsIn(text)), property.enum as unknown[]);
    const own = typeof property.description === 'string' ? property.description : '';
    if (labels.length < 2 || labels.every(({ label }) => own.includes(label) || short?.includes(label))) continue;
    legends.push(`Values of ${name}: ${legendOf(labels)}.`);
  }
  return legends.length ? `${short ?? ''} ${legends.join(' ')}`.trim() : short;
}

/** The properties of the schema and of its body that have an enum of a few values, by name. */
function enumInputs(schema: unknown): [string, Record<string, unknown>][] {
  const propertiesOf = (node: unknown): [string, unknown][] => (isObject(node) && isObject(node.properties) ? Object.entries(node.properties) : []);
  const top = propertiesOf(schema);
  const body = top.find(([name]) => name === 'body')?.[1];
  return [...top, ...propertiesOf(body)].flatMap(([name, property]): [string, Record<string, unknown>][] =>
    isObject(property) && Array.isArray(property.enum) && property.enum.length >= 2 && property.enum.length <= maxValues ? [[name, property]] : [],
  );
}

/** What the text says each value it explains means: the first meaning it gives, as plain words. */
function meaningsIn(text: string): Map<string, string> {
  const meanings = new Map<string, string>();
  for (const [, key, meaning] of text.matchAll(legendLine)) {
    const label = plainLabel(meaning!);
    if (label && !meanings.has(key!)) meanings.set(key!, label);
  }
  return meanings;
}

/** Each of the values with a meaning, with the meaning. */
function labelsOf(meanings: ReadonlyMap<string, string>, values: readonly unknown[]): { value: string; label: string }[] {
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
