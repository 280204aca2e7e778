/**
 * @module Parsers for flag and environment-variable values: each checks one value, names the flag (or
 * the variable it came from) and the accepted range, and throws a ConfigError (exit 2) otherwise.
 */
import { ConfigError } from './errors.js';
import { closestWords } from './base/edit-distance.js';

/** How a value is named in messages: `--timeout`, or `OPENAPI_MCP_TIMEOUT` when it came from there. */
export type FlagLabel = string;

export interface IntegerRange {
  min: number;
  max: number;
  /** Unit shown after the range, e.g. "ms". */
  unit?: string;
}

/** A whole number within the range; `fallback` when the value is absent. */
export function toInteger(value: string | number | undefined, fallback: number, label: FlagLabel, range: IntegerRange): number {
  if (value === undefined) return fallback;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const number = /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new ConfigError(`${label} must be a whole number from ${range.min} to ${range.max}${range.unit ? ` (${range.unit})` : ''}; got "${value}".`);
  }
  return number;
}

/** `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` (any case); absent or empty is false. */
export function toBoolean(value: boolean | string | undefined, label: FlagLabel): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  const text = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
  throw new ConfigError(`${label} must be true or false; got "${value}".`);
}

/** One of a few words, case-insensitive; a near miss says which word was probably meant. */
export function toChoice<T extends string>(value: string | undefined, fallback: T, label: FlagLabel, choices: readonly T[]): T {
  if (value === undefined) return fallback;
  const text = value.trim().toLowerCase() as T;
  if (choices.includes(text)) return text;
  throw new ConfigError(`${label} must be one of ${choices.join(', ')}; got "${value}".${didYouMean(value, choices)}`);
}

/** An absolute http(s) URL. */
export function toHttpUrl(value: string, label: FlagLabel, example = 'https://api.example.com/v1'): URL {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new ConfigError(`${label} must be an absolute http(s) URL such as ${example}; got "${value}".`);
  }
  return url;
}

/** "a, b,c" -> ["a", "b", "c"] */
export function toList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every entry of a list is one of the choices (case-insensitive); returned lower-cased. */
export function toChoiceList(value: string | undefined, label: FlagLabel, choices: readonly string[]): string[] {
  return toList(value).map((entry) => toChoice(entry, '', label, choices));
}

/** ["Name: value", ...] -> { Name: "value" }; blank entries are skipped. `name=value` lists may also be comma-separated. */
export function toPairs(entries: readonly string[], separator: '=' | ':', label: FlagLabel, shape: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const entry of entries.flatMap((e) => (separator === '=' ? e.split(',') : [e]))) {
    if (!entry.trim()) continue;
    const at = entry.indexOf(separator);
    if (at <= 0 || !entry.slice(0, at).trim()) throw new ConfigError(`${label} takes ${shape}; got "${entry}".`);
    pairs[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return pairs;
}

/** ` Did you mean "x"?`, or nothing when no choice is close. */
export function didYouMean(value: string, choices: Iterable<string>): string {
  const close = closestWords(value, choices, 1);
  return close.length ? ` Did you mean ${close[0]}?` : '';
}
