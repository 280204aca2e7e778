/**
 * @module Writes to a whole collection beside the same write to one of its items ("Update DAGs" on PATCH /dags,
 * "Update a DAG" on PATCH /dags/{dag_id}): a request that speaks of one such thing means the item's.
 */
import type { Operation } from '../openapi/operation.js';
import { isPlural, lastSegment } from './search-fields.js';
import { isStopWord, splitWords, toTerm } from './tokenize.js';

const writeMethods = new Set(['patch', 'put', 'delete']);

/**
 * Per operation, the term of the collection it writes as a whole, when the API also has the same write to one
 * item of it (same method, the path and one parameter more); otherwise undefined. Without that item write
 * ("DELETE /bundles/{id}/tracks" alone), the collection write is how one item is written too.
 */
export function collectionWrites(operations: readonly Operation[]): (string | undefined)[] {
  const itemWrites = new Set<string>();
  for (const op of operations) {
    const parent = /^(.*)\/\{[^/}]*\}\/?$/.exec(op.path)?.[1];
    if (parent !== undefined && writeMethods.has(op.method)) itemWrites.add(`${op.method} ${parent}`);
  }
  return operations.map((op) => {
    const last = lastSegment(op.path);
    if (!writeMethods.has(op.method) || last.includes('{') || !isPlural(last) || !itemWrites.has(`${op.method} ${op.path}`)) return undefined;
    return splitWords(last).map(toTerm).at(-1);
  });
}

/** The terms a request says only in the singular ("pause the DAG": dag), not also in the plural ("DAGs"). */
export function singularTerms(text: string): Set<string> {
  const words = splitWords(text).filter((word) => !isStopWord(word));
  const plural = new Set(words.filter(isPlural).map(toTerm));
  return new Set(words.filter((word) => !isPlural(word) && !plural.has(toTerm(word))).map(toTerm));
}
