/** @module Wraps text at spaces to a width, with an indent for the following lines; long words are left whole. */

/** Characters as a terminal counts them (code points; wide scripts count one, which is close enough). */
export function displayWidth(text: string): number {
  return [...text].length;
}

/** Lines of at most `width` characters (the first after `firstIndent`, the rest after `indent`); no wrapping when width is undefined. */
export function wrapText(text: string, width: number | undefined, indent = '', firstIndent = indent): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (width === undefined) return [`${firstIndent}${words.join(' ')}`];
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words.flatMap((w) => splitLongWord(w, width - displayWidth(indent)))) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A word wider than a line, in pieces that fit: after a `|` or `,` where possible, else anywhere. */
function splitLongWord(word: string, room: number): string[] {
  if (room < 8 || displayWidth(word) <= room) return [word];
  const pieces: string[] = [];
  let rest = word;
  while (displayWidth(rest) > room) {
    const head = [...rest].slice(0, room).join('');
    const at = Math.max(head.lastIndexOf('|'), head.lastIndexOf(','));
    const cut = at > room / 2 ? at + 1 : head.length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}
