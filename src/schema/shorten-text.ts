/** @module Shortens prose for compact output: first paragraph, markdown links and HTML flattened, cut at a word boundary. */

/** Words separated by single spaces, with no markup character: nothing to flatten or cut. */
const plainLine = /^[^\s<[*`_]+(?: [^\s<[*`_]+)*$/;

/** Returns at most `maxChars` characters of the text's first paragraph; empty when maxChars is 0. */
export function shortenText(text: string | undefined, maxChars: number): string | undefined {
  if (!text || maxChars <= 0) return undefined;
  // Most descriptions are one short plain line, which the rules below would return unchanged.
  if (text.length <= maxChars && plainLine.test(text)) return text;
  const flat = text
    .split(/\n\s*\n/)[0]!
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    // Emphasis only as CommonMark reads it: the same marker on both sides, no space just inside it, and `_`
    // never inside a word, so snake_case names (per_page) and a lone "a * b" survive.
    .replace(/(\*{1,3}|`+)(?=\S)([^*`]*?\S)\1/g, '$2')
    .replace(/(^|\W)(_{1,3})(?=\S)([^_]*?\S)\2(?!\w)/g, '$1$3')
    .replace(/\s+/g, ' ')
    .trim();
  if (!flat) return undefined;
  if (flat.length <= maxChars) return flat;
  const sentenceEnd = flat.slice(0, maxChars).search(/[.!?]\s[^.!?]*$/);
  if (sentenceEnd > maxChars / 2) return flat.slice(0, sentenceEnd + 1);
  const cut = flat.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}
