/**
 * @module How a request names operations outright, which then come first whatever its words score: by id
 * ("sharedWithMe", "issues/create", "IPInfo", "search"), by method and path ("GET /v2/accounts/{id}.json",
 * as describe and execute take it), by path ("/repos/{owner}/{repo}/issues": every operation on it), or by
 * summary word for word ("Delete item from list", a listing's line copied).
 */
import { methodPathId, methodPathShape, pathShape, type Operation } from '../openapi/operation.js';

/** How a request names an operation: by name (id, method and path, or path), by summary, or not at all. */
export const namedBy = { name: 2, summary: 1, none: 0 } as const;
export type NamedBy = (typeof namedBy)[keyof typeof namedBy];

/** A request that is a method and a path ("GET /v2/accounts/{id}.json"). */
const methodAndPath = /^(get|put|post|delete|patch|head|options|trace)\s+(\/\S*)$/i;
/** A request that is a path with a parameter ("/repos/{owner}/{repo}/issues", or without the first slash). */
const pathTemplate = /^(?=.*\{[\w.~-]+\})(?=.*\/)[\w./{}~-]+$/;

/** The operations' names and summaries, looked up in maps built on the first request that needs them. */
export class OperationNames {
  private readonly operations: readonly Operation[];
  /** Every name of every operation (see `namesOf`), to the operations it names. */
  private byName: Map<string, number[]> | undefined;
  /** Every summary as a request quoting it says it (see `quotedText`), to the operations it is the summary of. */
  private bySummary: Map<string, number[]> | undefined;

  constructor(operations: readonly Operation[]) {
    this.operations = operations;
  }

  /** The operations the request names by name (see `namesOf`); none when it is no single name. */
  named(query: string): Set<number> {
    const name = nameIn(query);
    if (name === undefined) return new Set();
    this.byName ??= docsByText(this.operations.map((op) => [...new Set(namesOf(op))]));
    return new Set(this.byName.get(name));
  }

  /** How the request names each operation, those it names by name given (see `named`): by name before by summary. */
  namingOf(byName: ReadonlySet<number>, query: string): (doc: number) => NamedBy {
    this.bySummary ??= docsByText(this.operations.map((op) => (op.summary ? quotedText(op.summary) : '')));
    const bySummary = new Set(this.bySummary.get(quotedText(query)));
    return (doc) => (byName.has(doc) ? namedBy.name : bySummary.has(doc) ? namedBy.summary : namedBy.none);
  }
}

/**
 * The operation's id, its last part when namespaced, its method and path, and its path, lowercased: what a
 * request quoting its name says. "GET /accounts" names it as describe and execute take it (see
 * `methodPathShape`: parameters named otherwise), and as listings show it when it has no operationId.
 */
function namesOf(op: Operation): string[] {
  const id = op.id.toLowerCase();
  const quoted = [methodPathShape(op.method, op.path), pathShape(op.path)].map((name) => name.toLowerCase());
  const lastPart = id.split(/[./]/).at(-1)!;
  return lastPart === id || id === methodPathId(op.method, op.path).toLowerCase() ? [id, ...quoted] : [id, lastPart, ...quoted];
}

/** The request when it is one token, as an id is, a method and path, or a path, lowercased as `namesOf` says them; undefined for words. */
function nameIn(query: string): string | undefined {
  const token = query.trim();
  const methodPath = methodAndPath.exec(token);
  if (methodPath) return methodPathShape(methodPath[1]!, methodPath[2]!).toLowerCase();
  if (pathTemplate.test(token) || /^\/[\w./{}~-]*$/.test(token)) return pathShape(token.startsWith('/') ? token : `/${token}`).toLowerCase();
  return /^[\w./-]+$/.test(token) ? token.toLowerCase() : undefined;
}

/** A text's words and numbers, lowercased, stop words kept: a summary as a request quoting it says it. */
function quotedText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Each non-empty text (or texts) of the operations to the operations it belongs to. */
function docsByText(texts: readonly (string | readonly string[])[]): Map<string, number[]> {
  const docs = new Map<string, number[]>();
  texts.forEach((own, doc) => {
    for (const text of typeof own === 'string' ? [own] : own) {
      if (!text) continue;
      const list = docs.get(text);
      if (list) list.push(doc);
      else docs.set(text, [doc]);
    }
  });
  return docs;
}
