/** @module The nesting bound on arguments: deeper values are refused before anything walks them (validation, serialization). */
import { formatPointer, tooDeepAt } from '../openapi/value-nesting.js';

/** Deepest nesting of objects and arrays accepted in arguments; real request bodies stay far below it. */
export const maxArgumentNesting = 128;

/** The message for arguments nested deeper than the bound, or undefined when they are not. */
export function argumentNestingProblem(args: unknown): string | undefined {
  const trail = tooDeepAt(args, maxArgumentNesting);
  if (!trail) return undefined;
  return `The arguments are nested more than ${maxArgumentNesting} levels deep (at ${formatPointer(trail, '')}); no endpoint takes that. Send a flatter value. Nothing was sent.`;
}
