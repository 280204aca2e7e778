/**
 * @module Groups copies of one operation mounted under different parents ("/me/events",
 * "/users/{id}/events", "/groups/{id}/events"), so that a page of results shows distinct operations.
 * Generated APIs such as Microsoft Graph repeat each operation under many parents; without this the
 * copies fill a page and push other candidates out of sight.
 */
import type { Operation } from '../openapi/operation.js';
import { isRef } from '../openapi/ref-resolver.js';
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
 * organization issues" are different operations, Graph's many "List events" are one. Within a family
 * and summary, a copy also shares the first member's tags (Azure's slot variants) or the last part of
 * its operationId (Graph's "me.ListEvents", "users.ListEvents"): Zoom's "List meetings" of a user and of
 * the dashboard, or Gitea's admin, organization and repository hooks, are different operations. Copies are of
 * one API version (Square's refunds under /v1 and /v2 take other parameters) and take the same inputs (see
 * `inputsOf`: Plaid's "/identity/get" and "/processor/identity/get", both "Retrieve identity data" under one
 * tag, do not).
 */
export function groupVariants(operations: readonly Operation[]): OperationGroup[] {
  const ordered: OperationGroup[] = [];
  const byKey = new Map<string, OperationGroup[]>();
  for (const operation of operations) {
    const key = variantKey(operation);
    const candidates = byKey.get(key);
    const group = candidates?.find((g) => copiesOf(g.operation, operation));
    if (group) {
      group.variants.push(operation);
      continue;
    }
    const created: OperationGroup = { operation, variants: [] };
    ordered.push(created);
    if (candidates) candidates.push(created);
    else byKey.set(key, [created]);
  }
  return ordered;
}

/** Whether two operations of one family and summary are one operation mounted twice (see `groupVariants`). */
function copiesOf(a: Operation, b: Operation): boolean {
  if (apiVersion(a.path) !== apiVersion(b.path) || inputsOf(a) !== inputsOf(b)) return false;
  if (!a.operationId || !b.operationId) return true;
  if (a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i])) return true;
  return lastIdPart(a.operationId) === lastIdPart(b.operationId);
}

/** The path's version segments ("v1", "v2beta1"), joined: the same operation of two API versions takes other parameters. */
function apiVersion(path: string): string {
  return path
    .split('/')
    .filter((segment) => /^v\d+(?:[a-z]+\d*)?$/i.test(segment))
    .join('/');
}

/** Inputs compared (see `inputsOf`), worked out once per operation. */
const inputs = new WeakMap<Operation, string>();

/**
 * What an operation takes, as a key: the request body's schema (its `$ref`, else its JSON, cut: two copies'
 * inline bodies are equal from the start) and the names of its parameters other than the path's. Graph's
 * copies share one `$ref` and their query options; Plaid's "/identity/get" and "/processor/identity/get" take
 * other requests, and Cloud Storage's object IAM policy takes a generation its bucket's does not.
 */
function inputsOf(op: Operation): string {
  let key = inputs.get(op);
  if (key === undefined) {
    const content = op.requestBody?.content;
    const schema: unknown = content ? Object.values(content)[0]?.schema : undefined;
    const body = isRef(schema) ? schema.$ref : (JSON.stringify(schema ?? null) ?? '').slice(0, 2000);
    const parameters = op.parameters
      .filter((p) => p.in !== 'path')
      .map((p) => `${p.in} ${p.name}`)
      .sort();
    inputs.set(op, (key = [body, ...parameters].join('\n')));
  }
  return key;
}

/**
 * The operationId's last part ("me.ListEvents": listevents), with the part before it when the last is one word:
 * Google's ids end in a bare method ("storage.bucketAccessControls.list", "storage.objectAccessControls.list"),
 * and the resource before it is what tells two operations apart.
 */
function lastIdPart(operationId: string): string {
  const parts = operationId.split(/[/.]/);
  const last = parts.at(-1)!;
  const bare = parts.length > 2 && /^[a-z]+$/.test(last);
  return (bare ? `${parts.at(-2)!}.${last}` : last).toLowerCase();
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
  return `${operationFamily(op)}|#${lastIdPart(op.operationId)}`;
}
