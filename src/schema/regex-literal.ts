/**
 * @module A pattern written as a regular expression literal, delimiters and flags included (`/^[0-9]{5}$/i`,
 * as PHP and JavaScript write one). Read as written, its slashes are characters to match and no value fits.
 */

/** Flags that keep their meaning for one match: `g` and `u` change nothing there; `i` is written into the pattern. */
const literal = /^\/(.+)\/([giu]*)$/s;

/**
 * The pattern a literal means, undefined when `pattern` is no literal. Delimiters are read as such only when
 * they could not be meant: a slash before `^` or after `$` never matches, and flags follow only a closing
 * delimiter. `/[a-z0-9-]+/` may mean its slashes, and is left.
 */
export function regexLiteralPattern(pattern: string): { source: string; ignoreCase: boolean } | undefined {
  const match = literal.exec(pattern);
  if (!match) return undefined;
  const [, source = '', flags = ''] = match;
  // A literal's flags are distinct, and its source holds no slash a class or a backslash does not keep:
  // `/api/v1/ui` is a path, not the pattern `api/v1` with flags u and i.
  if (new Set(flags).size !== flags.length || hasBareSlash(source)) return undefined;
  if (!flags && !source.startsWith('^') && !source.endsWith('$')) return undefined;
  return { source, ignoreCase: flags.includes('i') };
}

/** Whether a slash stands outside a class and unescaped, or the source ends in a lone backslash (`\/` closed nothing). */
function hasBareSlash(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (++i >= source.length) return true;
    } else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return true;
  }
  return false;
}

/**
 * `source` (valid with `u`) matching letters in either case, as the `i` flag would: JSON Schema's `pattern`
 * has no flags, so `SAP` becomes `[sS][aA][pP]` and a class `[a-z]` gains `A-Z`. Escapes, group names and
 * quantifiers are kept as they are.
 */
export function ignoringCase(source: string): string {
  let out = '';
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === '\\') {
      const escape = escapeAt(source, i);
      out += escape;
      i += escape.length;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += classIgnoringCase(source.slice(i, end));
      i = end;
    } else if (source.startsWith('(?<', i) && !/^\(\?<[=!]/.test(source.slice(i))) {
      const end = source.indexOf('>', i) + 1;
      out += source.slice(i, end);
      i = end;
    } else {
      const other = otherCase(c);
      out += other ? `[${c}${other}]` : c;
      i++;
    }
  }
  return out;
}

/** The escape starting at `i`: `\p{…}`, `\u{…}`, `\u` and four hex digits, `\x` and two, `\c` and a letter, `\k<…>`, or a backslash and one character. */
function escapeAt(source: string, i: number): string {
  const long = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|.)/s.exec(source.slice(i));
  return long ? long[0] : '\\';
}

/** Where the class starting at `start` ends (after its `]`). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i += escapeAt(source, i).length - 1;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** A class with the other case of each letter and of each letter range added after its `[` (or `[^`): before its `]`, a trailing `-` would make a range of them. */
function classIgnoringCase(text: string): string {
  const added: string[] = [];
  const body = text.slice(text[1] === '^' ? 2 : 1, -1);
  for (let i = 0; i < body.length;) {
    if (body[i] === '\\') {
      i += escapeAt(body, i).length;
      continue;
    }
    const c = body[i]!;
    const to = body[i + 1] === '-' && body[i + 2] !== undefined && body[i + 2] !== '\\' ? body[i + 2]! : undefined;
    if (to === undefined) {
      const other = otherCase(c);
      if (other) added.push(other);
      i++;
      continue;
    }
    // Only a range of letters of one case has a range in the other: `0-9` and `A-z` have none.
    if (/^(?:[a-z]{2}|[A-Z]{2})$/.test(c + to)) added.push(`${otherCase(c)}-${otherCase(to)}`);
    i += 3;
  }
  // After `[`, `[^` and a `-` standing first: one there would make a range of the letters added.
  const open = /^\[\^?-?/.exec(text)![0].length;
  return added.length ? `${text.slice(0, open)}${added.join('')}${text.slice(open)}` : text;
}

/** The letter in the other case, when it has one of a single character. */
function otherCase(c: string): string | undefined {
  const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return other !== c && other.length === 1 ? other : undefined;
}
