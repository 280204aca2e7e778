/**
 * @module Runs a document's regular expressions with a time limit. A pattern that backtracks
 * catastrophically (`^(a+)+$` on forty a's and a "!") would otherwise block the process for minutes, and
 * with it every client; JavaScript cannot interrupt a running match except through `vm`'s timeout.
 */
import { createContext, Script } from 'node:vm';

/** A match running longer than this is abandoned, and its pattern not run again on long texts in this process. */
const timeLimitMs = 50;
/** Texts shorter than this are matched directly: no pattern backtracks long over so few characters. */
const directBelow = 12;
/** Patterns remembered as too slow, at most: a document has a bounded number of them. */
const maxAbandoned = 10_000;

const context = createContext({ pattern: /(?:)/, text: '' });
const match = new Script('pattern.test(text)');
const abandoned = new Set<string>();

/**
 * Whether `pattern` matches `text`; undefined when it cannot be told in time, then or before: a pattern
 * that once ran out of time is not run again on a long text.
 */
export function testWithin(pattern: RegExp, text: string): boolean | undefined {
  pattern.lastIndex = 0;
  if (text.length < directBelow) return pattern.test(text);
  const key = `${pattern.flags}/${pattern.source}`;
  if (abandoned.has(key)) return undefined;
  context.pattern = pattern;
  context.text = text;
  try {
    return match.runInContext(context, { timeout: timeLimitMs }) as boolean;
  } catch {
    if (abandoned.size < maxAbandoned) abandoned.add(key);
    return undefined;
  } finally {
    context.text = '';
  }
}

/** For ajv's `code.regExp`: a pattern whose match cannot be told in time passes (it is not checked), rather than blocking. */
export const boundedRegExpEngine = Object.assign(
  (source: string, flags: string): { test(text: string): boolean; toString(): string } => {
    const pattern = new RegExp(source, flags);
    // ajv shares one compiled pattern among schemas by this string.
    return { test: (text) => testWithin(pattern, text) ?? true, toString: () => pattern.toString() };
  },
  // Named in code ajv generates for standalone use, which is never made here.
  { code: 'boundedRegExpEngine' },
);
