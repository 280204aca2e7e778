/**
 * @module The part of an API a conversation works in: operations near those used recently (same tag,
 * same path prefix, same resource) are what a request most likely means next ("its comments" after
 * working on issues), so they get a mild boost.
 */
import type { Operation } from '../openapi/operation.js';
import { isApiSegment, withoutNamespace } from './search-fields.js';

/**
 * The static segments of a path, lowercased, without OData namespaces, and without those that only say which
 * API or version is called: every Zuora path starts "/v1", which makes no two operations neighbours.
 */
function staticSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s && !s.startsWith('{') && !isApiSegment(s))
    .map((s) => withoutNamespace(s).toLowerCase());
}

/** What one recent operation tells about its neighbourhood, computed once per search. */
export interface ContextOperation {
  tags: Set<string>;
  segments: string[];
  resource: string | undefined;
}

export function contextOperation(op: Operation): ContextOperation {
  const segments = staticSegments(op.path);
  return { tags: new Set(op.tags.map((t) => t.toLowerCase())), segments, resource: segments.at(-1) };
}

/**
 * How close an operation is to the recent ones, from 0 to 1: a third each for sharing a tag, for the
 * share of a recent operation's path it starts with, and for acting on the same resource (last static
 * path segment); the closest recent operation counts.
 */
export function contextAffinity(op: Operation, context: readonly ContextOperation[]): number {
  if (!context.length) return 0;
  const segments = staticSegments(op.path);
  const tags = op.tags.map((t) => t.toLowerCase());
  let best = 0;
  for (const recent of context) {
    let shared = 0;
    while (shared < segments.length && shared < recent.segments.length && segments[shared] === recent.segments[shared]) shared++;
    const tag = tags.some((t) => recent.tags.has(t)) ? 1 : 0;
    const prefix = recent.segments.length ? shared / recent.segments.length : 0;
    const resource = recent.resource !== undefined && segments.at(-1) === recent.resource ? 1 : 0;
    best = Math.max(best, (tag + prefix + resource) / 3);
  }
  return best;
}
