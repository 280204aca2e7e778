/**
 * @module Rewrites a regular expression written for JavaScript without the `u` flag into the equivalent one
 * that compiles with it, as ajv compiles every `pattern` with `u`. Documents generated from Java models (AWS
 * above all) escape characters that need no escape (`\-`, `\:`, `\_`), put `-` after `\w` in a class and
 * write braces that are not quantifiers; all of that is legal without `u` and an error with it.
 */
import { DynamicMcpError } from '../errors.js';
import { ignoringCase, regexLiteralPattern } from './regex-literal.js';

/** Characters that keep their backslash outside a class: `u` allows escaping exactly these. */
const syntaxCharacters = new Set([...'^$\\.*+?()[]{}|/']);
const keptLetterEscapes = new Set([...'dDwWsSbBfnrtv']);
const classEscapes = new Set([...'dDwWsS']);
const quantifierStarts = new Set([...'*+?{']);

/**
 * The pattern itself when it compiles with `u`; else an equivalent rewrite that does; undefined when no
 * rewrite compiles. Besides the `u` rules, PCRE's `\A`, `\z`, `\Z` become `^` and `$` and Python's
 * `(?P<name>` becomes `(?<name>`: without `u` they would be literal letters, which no author means. A
 * regular expression literal (`/^[a-z]{2}$/i`) becomes the pattern it means (`^[a-zA-Z]{2}$`).
 */
export function toUnicodePattern(pattern: string): string | undefined {
  const literal = regexLiteralPattern(pattern);
  const source = literal?.source ?? pattern;
  const valid = compiles(source) ? source : rewrite(source);
  if (valid === undefined || !compiles(valid)) return undefined;
  if (!literal?.ignoreCase) return valid;
  const folded = ignoringCase(valid);
  return compiles(folded) ? folded : undefined;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Thrown inside the rewrite when the pattern has no unicode-mode equivalent: the caller keeps the pattern as it is. */
class Unrepairable extends DynamicMcpError {
  readonly code = 'UNREPAIRABLE';
}

function rewrite(pattern: string): string | undefined {
  try {
    return new PatternRewriter(pattern).run();
  } catch (error) {
    if (error instanceof Unrepairable) return undefined;
    throw error;
  }
}

interface ClassAtom {
  text: string;
  /** `\d`, `\w`, `\p{…}`: a set, which cannot end a range. */
  isSet: boolean;
  isDash: boolean;
}

class PatternRewriter {
  private i = 0;
  private readonly out: string[] = [];
  /** Open groups: where their `(` is in `out`, and whether they are a lookahead. */
  private readonly groups: { at: number; lookahead: boolean }[] = [];
  private readonly capturingGroups: number;

  constructor(private readonly pattern: string) {
    this.capturingGroups = countCapturingGroups(pattern);
  }

  run(): string {
    const p = this.pattern;
    while (this.i < p.length) {
      const c = p[this.i]!;
      if (c === '\\') this.out.push(this.escape());
      else if (c === '[') this.out.push(this.characterClass());
      else if (c === '(') this.openGroup();
      else if (c === ')') this.closeGroup();
      else if (c === '{') this.brace();
      else {
        // A lone `}` or `]` is a literal without `u` and an error with it.
        this.out.push(c === '}' || c === ']' ? `\\${c}` : c);
        this.i++;
      }
    }
    return this.out.join('');
  }

  private openGroup(): void {
    const p = this.pattern;
    if (p.startsWith('(?P<', this.i)) {
      this.groups.push({ at: this.out.length, lookahead: false });
      this.out.push('(?<');
      this.i += 4;
      return;
    }
    this.groups.push({ at: this.out.length, lookahead: p.startsWith('(?=', this.i) || p.startsWith('(?!', this.i) });
    this.out.push('(');
    this.i++;
  }

  private closeGroup(): void {
    const group = this.groups.pop();
    this.out.push(')');
    this.i++;
    // Without `u` a lookahead may carry a quantifier; with `u` it must sit in a group first. Same meaning.
    if (group?.lookahead && quantifierStarts.has(this.pattern[this.i] ?? '')) {
      this.out.splice(group.at, 0, '(?:');
      this.out.push(')');
    }
  }

  private brace(): void {
    const quantifier = /^\{\d+(?:,\d*)?\}/.exec(this.pattern.slice(this.i));
    if (quantifier) {
      this.out.push(quantifier[0]);
      this.i += quantifier[0].length;
    } else {
      this.out.push('\\{');
      this.i++;
    }
  }

  /** An escape outside a class, from the backslash on. */
  private escape(): string {
    const p = this.pattern;
    const c = p[this.i + 1];
    if (c === undefined) throw new Unrepairable('the pattern ends with a lone backslash');
    if (syntaxCharacters.has(c)) return this.take(2);
    if (c === 'A') return this.skip(2, '^');
    if (c === 'z' || c === 'Z') return this.skip(2, '$');
    if (c === 'k' && /^\\k<[^>]+>/.test(p.slice(this.i))) return this.take(p.indexOf('>', this.i) + 1 - this.i);
    if (/[1-9]/.test(c)) {
      const digits = /^\d+/.exec(p.slice(this.i + 1))![0];
      if (Number(digits) <= this.capturingGroups) return this.take(1 + digits.length);
    }
    return this.characterEscape(false);
  }

  /** Escapes read the same inside and outside a class; `-` and `b` differ, and `inClass` says which applies. */
  private characterEscape(inClass: boolean): string {
    const p = this.pattern;
    const c = p[this.i + 1];
    if (c === undefined) throw new Unrepairable('the pattern ends with a lone backslash');
    const rest = p.slice(this.i + 1);
    if (c === '-') return inClass ? this.take(2) : this.skip(2, '-');
    if (keptLetterEscapes.has(c)) return this.take(2);
    if (c === 'c') {
      if (/^c[A-Za-z]/.test(rest)) return this.take(3);
      throw new Unrepairable('a \\c escape without a control letter');
    }
    if (c === 'x' || c === 'u' || c === 'p' || c === 'P') {
      const match = /^(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[pP]\{[\w=]+\})/.exec(rest);
      if (match && compiles(`\\${match[0]}`)) return this.take(1 + match[0].length);
      throw new Unrepairable('a \\x, \\u or \\p escape that is not complete');
    }
    if (c === '0' && !/^0\d/.test(rest)) return this.take(2);
    if (/[0-7]/.test(c)) {
      // A legacy octal escape such as `\037` (up to 3 digits, at most 0o377): `u` wants `\x1f`.
      const digits = /^[0-7]{1,3}/.exec(rest)![0];
      const octal = Number.parseInt(digits, 8) > 0o377 ? digits.slice(0, 2) : digits;
      return this.skip(1 + octal.length, `\\x${Number.parseInt(octal, 8).toString(16).padStart(2, '0')}`);
    }
    if (c === '8' || c === '9') return this.skip(2, c);
    if (syntaxCharacters.has(c)) return this.take(2);
    // Any other letter would be a literal letter without `u`: no author writes `\q` for "q".
    if (/[A-Za-z]/.test(c)) throw new Unrepairable('an escaped letter that is only a letter without the unicode flag');
    return this.skip(2, c);
  }

  /** A class from `[` to its `]`, with its escapes made legal and a `-` next to a set escaped. */
  private characterClass(): string {
    const p = this.pattern;
    let text = '[';
    this.i++;
    if (p[this.i] === '^') {
      text += '^';
      this.i++;
    }
    const atoms: ClassAtom[] = [];
    for (;;) {
      const c = p[this.i];
      if (c === undefined) throw new Unrepairable('a character class that is never closed');
      if (c === ']') {
        this.i++;
        break;
      }
      if (c === '\\') {
        const next = p[this.i + 1] ?? '';
        const isSet = classEscapes.has(next) || next === 'p' || next === 'P';
        atoms.push({ text: this.characterEscape(true), isSet, isDash: false });
      } else {
        atoms.push({ text: c, isSet: false, isDash: c === '-' });
        this.i++;
      }
    }
    // Ranges as the grammar reads them, left to right: atom `-` atom. With a set on either side the
    // `-` is a literal without `u` and an error with it, so it is escaped.
    for (let k = 0; k < atoms.length;) {
      const from = atoms[k]!;
      const to = atoms[k + 2];
      if (atoms[k + 1]?.isDash && to) {
        text += `${from.text}${from.isSet || to.isSet ? '\\-' : '-'}${to.text}`;
        k += 3;
      } else {
        text += from.text;
        k++;
      }
    }
    return `${text}]`;
  }

  private take(length: number): string {
    const text = this.pattern.slice(this.i, this.i + length);
    this.i += length;
    return text;
  }

  private skip(length: number, replacement: string): string {
    this.i += length;
    return replacement;
  }
}

/** Capturing groups, to tell a backreference `\2` from a legacy octal escape. */
function countCapturingGroups(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (pattern[i + 1] !== '?' || /^\(\?P?<(?![=!])/.test(pattern.slice(i)))) count++;
  }
  return count;
}
