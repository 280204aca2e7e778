/**
 * @module Groups copies of one operation mounted under different parents ("/me/events",
 * "/users/{id}/events", "/groups/{id}/events"), so that a page of results shows distinct operations.
 * Generated APIs such as Microsoft Graph repeat each operation under many parents; without this the
 * copies fill a page and push other candidates out of sight.
 */
import type { Operation } from '../openapi/operation.js';
import { operationFamily } from './search-fields.js';

export interface OperationGroup {
  /** The first of the group in the order given: the best ranked, or the first in the document. */
  operation: Operation;
  /** The other copies, in the order given. */
  variants: Operation[];
}

/**
 * Groups operations that share their family (method, last static path segment, whether a parameter
 * follows) and their summary, keeping the order of each group's first member. Operations with
 * different summaries stay apart even in one family: GitHub's "List repository issues" and "List
 * organization issues" are different operations, Graph's many "List events" are one.
 */
export function groupVariants(operations: readonly Operation[]): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  for (const operation of operations) {
    const key = variantKey(operation);
    const group = groups.get(key);
    if (group) group.variants.push(operation);
    else groups.set(key, { operation, variants: [] });
  }
  return [...groups.values()];
}

/** How many operations the groups stand for, copies included. */
export function operationCount(groups: readonly OperationGroup[]): number {
  return groups.reduce((count, group) => count + 1 + group.variants.length, 0);
}

/** Keys depend on the operation alone; computing them for every call cost 100 ms a page on Graph beta. */
const keys = new WeakMap<Operation, string>();

function variantKey(op: Operation): string {
  let key = keys.get(op);
  if (key === undefined) keys.set(op, (key = computeKey(op)));
  return key;
}

function computeKey(op: Operation): string {
  const summary = (op.summary ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (summary) return `${operationFamily(op)}|${summary}`;
  // Without a summary only the operationId's last part can say two copies do the same thing
  // ("me.ListEvents", "users.ListEvents"); with neither, nothing does.
  if (!op.operationId || op.id !== op.operationId) return `=${op.id}`;
  return `${operationFamily(op)}|#${op.operationId.split(/[/.]/).at(-1)!.toLowerCase()}`;
}
