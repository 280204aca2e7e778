/** @module Shortens prose for compact output: first paragraph, markdown links and HTML flattened, cut at a word boundary. */

/** Words separated by single spaces, with no markup character: nothing to flatten or cut. */
const plainLine = /^[^\s<[*`_&]+(?: [^\s<[*`_&]+)*$/;

/** HTML elements, which documents write unclosed too (<br>, <p>, <li>). */
const htmlElement =
  /^(?:a|abbr|b|big|blockquote|br|center|cite|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|samp|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul)$/i;

/**
 * The text without markup: comments, HTML elements, and any other tag named in `closed`, the tags the
 * whole description closes somewhere (<note>, <fullname>). Angle brackets around anything else are a
 * placeholder the text means ("dangling=<boolean>", "<owner>/<repo>") and stay; an autolink
 * ("<https://example.com>") keeps its address.
 */
function withoutMarkup(text: string, closed: ReadonlySet<string>): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(https?:\/\/[^\s<>]+)>/g, '$1')
    .replace(/<\/?([a-z][\w-]*)(?:\s[^<>]*)?\/?>/gi, (tag, name: string) =>
      blockElement.test(name) ? blockBreak : htmlElement.test(name) || closed.has(name.toLowerCase()) ? '' : tag,
    )
    .replace(/\u2063+(?=[.,;:!?)])/g, '')
    .replace(/\u2063+/g, ' ');
}

/** Where a block element was: a space, unless punctuation follows ("pets<br/>." is "pets."). */
const blockBreak = '\u2063';

/** Elements that end a line or a block: gone, they leave a space, or list items run together (XTRF's "…CANCELEDACCEPTED – …"). */
const blockElement = /^(?:blockquote|br|dd|div|dl|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|td|tfoot|th|thead|tr|ul)$/i;

/**
 * Returns at most `maxChars` characters of the text's first paragraph (half as many more to finish a sentence
 * whose cut-off part names a value, see `sentenceNamingValue`); empty when maxChars is 0.
 */
export function shortenText(text: string | undefined, maxChars: number): string | undefined {
  if (!text || maxChars <= 0) return undefined;
  // Most descriptions are one short plain line, which the rules below would return unchanged.
  if (text.length <= maxChars && plainLine.test(text)) return text;
  const closed = new Set([...text.matchAll(/<\/([a-z][\w-]*)/gi)].map((m) => m[1]!.toLowerCase()));
  // A fenced block's blank lines are no paragraph break: "for example:" and its example stay together.
  const paragraphs = text.replace(fencedCode, (block) => block.replace(/\n\s*\n/g, '\n')).split(/\n\s*\n/);
  // A paragraph that announces a list or an example ("one of the supported types:") is nothing without it;
  // what counts is its length as shown, markup and link addresses gone.
  let flat = flatten(beforeHeading(paragraphs[0]!), closed);
  // A loose list (a blank line between its items) is one list: every item goes with the announcement.
  for (
    let i = 1;
    i < paragraphs.length && flat.length < maxChars && (/:$/.test(flat) || (listItem.test(paragraphs[i - 1]!) && listItem.test(paragraphs[i]!)));
    i++
  )
    flat = `${flat} ${flatten(paragraphs[i]!, closed)}`.trim();
  if (!flat) return undefined;
  if (flat.length <= maxChars) return flat;
  const sentenceEnd = lastSentenceEnd(flat.slice(0, maxChars));
  if (sentenceEnd > maxChars / 2) return flat.slice(0, sentenceEnd + 1);
  const valueSentence = sentenceNamingValue(flat, maxChars);
  if (valueSentence) return valueSentence;
  const cut = flat.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/**
 * How far past the limit a sentence may run when what it cuts off names a value: eBay's return-policy note ends
 * 40 characters past 220. Over the directory, 178 of 109,742 longer descriptions finish so, 61 characters more on average.
 */
const valueSentenceShare = 1.5;
/** A value as documents name one: a constant ("ALL_EXCLUDING_MOTORS_VEHICLES", "EBAY_US"); not an acronym ("JSON"). */
const namedValue = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;

/**
 * The text up to the end of the sentence the limit falls in, when the part the limit would cut off names a value
 * and the sentence ends soon after: eBay's "…so the categoryTypes.name value must be set to…" hides the one
 * value the field takes. Undefined otherwise.
 */
function sentenceNamingValue(flat: string, maxChars: number): string | undefined {
  const end = nextSentenceEnd(flat, maxChars - 1);
  if (end === -1 || end + 1 > maxChars * valueSentenceShare) return undefined;
  const cutOff = flat.slice(Math.max(0, flat.lastIndexOf(' ', maxChars - 1)), end);
  return namedValue.test(cutOff) ? flat.slice(0, end + 1) : undefined;
}

/**
 * The first paragraph's text, headings being blocks of their own as CommonMark reads them: the headings it opens
 * with are labels when text follows (DRACOON's "### Description:\nAdd members to a group."), and one that
 * follows it without a blank line, outside code, ends it (VTEX's "…request body.\n## Request body example").
 */
function beforeHeading(paragraph: string): string {
  const opening = /^(?: {0,3}#{1,6}[ \t][^\n]*\n)+(?=\s*\S)/.exec(paragraph);
  const text = opening ? paragraph.slice(opening[0].length) : paragraph;
  const heading = /\n {0,3}#{1,6}[ \t]/.exec(text);
  const fence = text.indexOf('```');
  return heading && (fence === -1 || heading.index < fence) ? text.slice(0, heading.index) : text;
}

/** A paragraph that is a list item ("* `overwrite`", "2. Fail"). */
const listItem = /^\s{0,3}(?:[*+-]|\d{1,9}[.)])\s/;

const entity = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

/** A fenced code block, whose fences are markup and whose lines are the text (no backtick in its info string, as CommonMark says: a run of them costs no backtracking). */
const fencedCode = /```[^\n`]*\n([\s\S]*?)```/g;

/** A link that only says there is more ("[Read more](…)."), as a sentence of its own: without its address it says nothing, so it goes. */
const readMoreLink = /\[(?:[Rr]ead|[Ll]earn|[Ss]ee|[Ff]ind out) (?:[Mm]ore|MORE)(?: here)?[.…]*\]\([^()\s]*\)\.?(?=\s*(?:$|[A-Z]))/g;

/** One paragraph as plain text on one line: markup, link addresses, emphasis and entities gone. */
function flatten(paragraph: string, closed: ReadonlySet<string>): string {
  return (
    withoutMarkup(paragraph.replace(fencedCode, ' $1 '), closed)
      .replace(readMoreLink, '')
      .replace(/\[([^\]]+)\]\([^)\s]*\)/g, '$1')
      // Emphasis only as CommonMark reads it: the same marker on both sides, no space just inside it, and `_`
      // never inside a word, so snake_case names (per_page) and a lone "a * b" survive.
      .replace(/(\*{1,3}|`+)(?=\S)([^*`]*?\S)\1/g, '$2')
      .replace(/(^|\W)(_{1,3})(?=\S)([^_]*?\S)\2(?!\w)/g, '$1$3')
      .replace(entity, entityText)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Text with its HTML entities decoded ("EU &amp; UK" → "EU & UK"), any it does not know left as written. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(entity, entityText) : text;
}

/** The entities prose uses ("EU &amp; UK", "page[size]=30&amp;page[number]=2"); any other stays as written. */
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function entityText(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return printable(code) ? String.fromCodePoint(code) : entity;
  }
  const key = name.toLowerCase();
  return Object.hasOwn(namedEntities, key) ? namedEntities[key]! : entity;
}

/** A code point that is a character to show: not a control (a terminal would act on ESC), a surrogate half or past Unicode. */
function printable(code: number): boolean {
  if (!(code >= 0x20 && code <= 0x10ffff)) return code === 0x09 || code === 0x0a;
  return !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
}

/** Abbreviations whose period does not end a sentence ("a range (e.g. 8000-9000)"). */
const abbreviations = /(?:^|[\s(])(?:e\.g|i\.e|eg|ie|etc|vs|cf|approx|incl|no|nr|min|max|avg|est|fig|ref|resp)$/i;

/** Index of the last character ending a sentence (followed by a space), or -1. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) if (endsSentence(text, i) && text[i + 1] === ' ') return i;
  return -1;
}

/** Index of the first character from `from` on ending a sentence (followed by a space or the end), or -1. */
function nextSentenceEnd(text: string, from: number): number {
  for (let i = Math.max(0, from); i < text.length; i++) if (endsSentence(text, i) && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  return -1;
}

/** Whether the character at `i` ends a sentence: a full stop, unless of an abbreviation ("e.g."), or ! or ?. */
function endsSentence(text: string, i: number): boolean {
  if (!/[.!?]/.test(text[i]!)) return false;
  return text[i] !== '.' || !abbreviations.test(text.slice(Math.max(0, i - 8), i));
}
