/**
 * @module Where the document comes from: the first word, or OPENAPI_MCP_SPEC. With the variable set, a
 * first word that does not look like a document is a search word or an endpoint id instead.
 */
import { existsSync } from 'node:fs';

export interface SpecArgument {
  /** undefined when neither a word nor the variable gives one. */
  value: string | undefined;
  fromEnv: boolean;
  /** The words after the document. */
  rest: string[];
}

/** A URL, a file name ending in .json/.yaml/.yml, or an existing path. */
export function looksLikeDocument(word: string): boolean {
  return /^(https?|file):/i.test(word) || /\.(json|ya?ml)$/i.test(word) || existsSync(word);
}

export function splitSpec(words: readonly (string | undefined)[], env: NodeJS.ProcessEnv = process.env): SpecArgument {
  const given = words.filter((w): w is string => w !== undefined);
  const fromEnv = env.OPENAPI_MCP_SPEC || undefined;
  const [first, ...rest] = given;
  if (first === undefined) return { value: fromEnv, fromEnv: fromEnv !== undefined, rest: [] };
  if (fromEnv && !looksLikeDocument(first)) return { value: fromEnv, fromEnv: true, rest: given };
  return { value: first, fromEnv: false, rest };
}
