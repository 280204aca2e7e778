/**
 * @module Shortens what one schema node shows when an input schema is too long to read: long enums, long
 * patterns, large defaults and descriptions. Each cut says which id to describe for the whole node. Only
 * the text a model reads is shortened; validation uses the whole schema.
 */
import type { JsonObject } from '../base/json.js';
import { shortenText } from './shorten-text.js';

export interface KeywordLimits {
  /** Enums with more values than this are cut... */
  enumCutAbove: number;
  /** ...to this many, then a marker naming how many more. */
  enumValues: number;
  /** Longer patterns are not shown. */
  patternChars: number;
  /** Defaults longer than this as JSON are not shown. */
  defaultChars: number;
  /** Descriptions are cut to this length. */
  descriptionChars: number;
}

/**
 * A copy of the node with its long keyword values shortened, or the node itself when nothing is long.
 * @param whole the id to describe for the whole node; undefined for the root of what is shown, which has no more to give.
 */
export function shortenKeywords(node: JsonObject, limits: KeywordLimits, whole: string | undefined): JsonObject {
  const out: JsonObject = { ...node };
  const notes: string[] = [];
  const where = whole ? `; describe "${whole}" for it` : '';
  if (Array.isArray(node.enum) && node.enum.length > limits.enumCutAbove) {
    const more = node.enum.length - limits.enumValues;
    out.enum = [...node.enum.slice(0, limits.enumValues), `… and ${more} more${whole ? `; describe "${whole}" for all` : ''}`];
  }
  if (typeof node.pattern === 'string' && node.pattern.length > limits.patternChars) {
    delete out.pattern;
    notes.push(`pattern of ${node.pattern.length} characters not shown${where}`);
  }
  if (node.default !== undefined && (JSON.stringify(node.default) ?? '').length > limits.defaultChars) {
    delete out.default;
    notes.push(`long default not shown${where}`);
  }
  if (typeof node.description === 'string' && node.description.length > limits.descriptionChars)
    out.description = shortenText(node.description, limits.descriptionChars);
  if (notes.length) out.description = appendNote(out.description, notes.join('; '));
  return out.enum === node.enum && notes.length === 0 && out.description === node.description ? node : out;
}

/** The description with a parenthesized note after it. */
export function appendNote(description: unknown, note: string): string {
  return typeof description === 'string' && description ? `${description} (${note})` : `(${note})`;
}
