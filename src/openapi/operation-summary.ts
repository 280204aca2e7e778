/** @module What an imperfect document's summaries say: a summary of several lines, and the name a success response gives. */
import { isObject } from '../base/json.js';

/** Words a line cannot end on when the sentence ends there: a line ending in one runs on. */
const runOnWords = new Set('a an the of in on at to for from with by and or as into onto up than that which whose'.split(' '));

/** Whether a line ends where its sentence cannot: on a comma or a little word. */
function runsOn(line: string): boolean {
  const trimmed = line.trimEnd();
  return trimmed.endsWith(',') || runOnWords.has(trimmed.split(/\s+/).at(-1)!.toLowerCase());
}

/**
 * A summary of several lines as its first line and the rest ("Get a range of SO Orders\r\nRequest page size must
 * be…": Visma's, 170 directory operations in 24 documents); a line that runs on in lower case ("over the time\n
 * period of…") is the same sentence wrapped, not a line of its own.
 */
export function splitSummary(summary: string): { first: string; rest?: string } {
  const breakAt = /[ \t]*\r?\n\s*(?=[A-Z0-9*•-])/.exec(summary);
  const unwrap = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
  // A line ending in a comma or a little word ("running in\nGoogle Cloud", "up to\n100 items") runs on.
  if (!breakAt || runsOn(summary.slice(0, breakAt.index))) return { first: unwrap(summary) };
  return { first: unwrap(summary.slice(0, breakAt.index)), rest: summary.slice(breakAt.index + breakAt[0].length).trim() };
}

/** One identifier, camelCase or snake_case ("redeployApplication", "list_users"): a name, not prose. */
const identifier = /^[a-z][a-z0-9]*(?:(?:[A-Z][a-z0-9]+)+|(?:_[a-z0-9]+)+)$/;

/**
 * The name a success response gives the operation, as words ("redeployApplication" -> "Redeploy application"),
 * when its description is one identifier: generated documents name what the operation does there and nowhere
 * else (Clever Cloud's: 195 of its 258 operations with neither summary nor description). None for prose ("OK").
 */
export function nameOfResponse(responses: unknown): string | undefined {
  if (!isObject(responses)) return undefined;
  const success = Object.entries(responses).find(([status]) => /^2/.test(status))?.[1];
  const description = isObject(success) && typeof success.description === 'string' ? success.description.trim() : '';
  if (!identifier.test(description)) return undefined;
  const words = description
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
