/**
 * @module Parses a document's text as JSON or YAML, within bounds on its shape: nesting depth, and how far
 * YAML aliases may expand it. Parse errors give the line and column but never quote the text: a file
 * read by mistake must not come back through the message.
 */
import { createRequire } from 'node:module';
import { describeError, SpecLoadError } from '../errors.js';
import { checkExpansion, maxNesting } from './document-shape.js';

type YamlLoad = (text: string, options: { maxDepth: number; filename?: string }) => unknown;
/** js-yaml is loaded on first use, synchronously: refs to YAML files are read inside synchronous code. */
const require = createRequire(import.meta.url);
let yamlLoad: YamlLoad | undefined;

/**
 * Parses JSON when the text looks like JSON, YAML otherwise. YAML is bounded in nesting as it is parsed,
 * and in what its aliases expand to. JSON is parsed without recursion and the walks that serve it are
 * bounded, so its nesting is checked only before the walks that are not (see `checkNesting`).
 */
export function parseDocument(text: string, where: string): unknown {
  if (looksLikeJson(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SpecLoadError(`Cannot parse ${where} as JSON${jsonPosition(text, error)}: ${jsonReason(error)}.`, {
        hint: 'Fix the JSON syntax at the position given.',
        cause: error,
      });
    }
    return value;
  }
  yamlLoad ??= (require('js-yaml') as { load: YamlLoad }).load;
  let value: unknown;
  try {
    value = yamlLoad(text, { maxDepth: maxNesting });
  } catch (error) {
    throw yamlError(error, where);
  }
  // Without an anchor there can be no alias, and the document is a plain tree, its nesting bounded by the parser.
  if (/(?:^|[\s[{,:-])&[^\s[\]{},]/.test(text)) checkExpansion(value, where, text.length);
  return value;
}

function yamlError(error: unknown, where: string): SpecLoadError {
  const reason = (error as { reason?: string }).reason ?? describeError(error).split('\n')[0]!;
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const at = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
  if (/maxDepth/.test(reason)) {
    return new SpecLoadError(`${where} is nested more than ${maxNesting} levels deep${at}; no API needs that, so it is not loaded.`, {
      hint: 'Check the document, or the tool that wrote it.',
      cause: error,
    });
  }
  // js-yaml names an unknown alias or tag in its reason: that much of the text is echoed, never more.
  return new SpecLoadError(`Cannot parse ${where} as YAML${at}: ${reason.slice(0, 120)}`, {
    hint: 'Fix the YAML syntax there (indentation and quoting are the usual causes).',
    cause: error,
  });
}

/** V8 quotes the text around a JSON error ("Unexpected token 'T', "TOPSECRET"... is not valid JSON"): only its kind is kept. */
function jsonReason(error: unknown): string {
  const message = describeError(error);
  if (/^Unexpected end of JSON input/.test(message)) return 'the text ends too early';
  if (/^Unexpected token/.test(message)) return 'unexpected character';
  if (/^Unexpected non-whitespace character after JSON/.test(message)) return 'unexpected text after the end';
  const expected =
    /^(Expected [^"]*?|Unterminated string|Bad control character in string literal|Bad escaped character|Exponent part is missing a number|No number after minus sign|Unterminated fractional number)(?= in JSON| at|$)/.exec(
      message,
    );
  return expected ? expected[1]!.trim() : 'not valid JSON';
}

/** " at line L, column C" where V8 gives the position; " near line L" where it quotes the text around it instead. */
function jsonPosition(text: string, error: unknown): string {
  const message = describeError(error);
  const match = /at position (\d+)/.exec(message);
  if (!match) {
    const quoted = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
    const at = quoted ? text.indexOf(quoted[2]!) : -1;
    return at === -1 ? '' : ` near line ${lineOf(text, at + quoted![2]!.indexOf(quoted![1]!)).line}`;
  }
  const { line, column } = lineOf(text, Number(match[1]));
  return ` at line ${line}, column ${column}`;
}

function lineOf(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** The first non-blank character is { or [ (checked without copying a large text). */
function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}
