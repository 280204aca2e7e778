/** @module Narrows a Catalog by read-only mode and allow/deny filters, so all three tools see exactly the same operations. */
import type { OperationFilter } from '../config.js';
import { ConfigError } from '../errors.js';
import { closestWords } from '../base/edit-distance.js';
import { Catalog } from './catalog.js';
import { methodPathId, type Operation } from './operation.js';

const readOnlyMethods = new Set(['get', 'head', 'options']);

export function isFilterEmpty(filter: OperationFilter): boolean {
  return !filter.readOnly && ![filter.tags, filter.excludeTags, filter.operations, filter.excludeOperations, filter.methods].some((list) => list?.length);
}

/** A catalog of the operations the filter keeps; the others are remembered, so asking for one says why it is missing. */
export function filterCatalog(catalog: Catalog, filter: OperationFilter): Catalog {
  if (isFilterEmpty(filter)) return catalog;
  checkTags(catalog, filter.tags, '--tags');
  checkTags(catalog, filter.excludeTags, '--exclude-tags');
  const kept: Operation[] = [];
  const hidden = new Map<string, string>();
  for (const op of catalog.operations) {
    const reason = excludedBecause(op, filter);
    if (reason) hidden.set(op.id, reason);
    else kept.push(op);
  }
  return new Catalog({
    title: catalog.title,
    version: catalog.version,
    description: catalog.description,
    spec: catalog.spec,
    operations: kept,
    warnings: [...catalog.warnings],
    validation: catalog.validation,
    hidden,
    hiddenOperations: catalog.operations.filter((op) => hidden.has(op.id)),
  });
}

/** A tag no operation has is a typo or a stale setting: an allow-list of it serves nothing, a deny-list of it hides nothing. */
function checkTags(catalog: Catalog, tags: string[] | undefined, flag: string): void {
  if (!tags?.length) return;
  const known = catalog.tags().map((t) => t.name);
  const lower = new Set(known.map((t) => t.toLowerCase()));
  const unknown = tags.find((t) => !lower.has(t.toLowerCase()));
  if (unknown === undefined) return;
  const close = closestWords(unknown, known);
  const listed = known.length > 12 ? `${known.slice(0, 12).join(', ')} and ${known.length - 12} more` : known.join(', ');
  const hint = close.length ? `Did you mean ${close.join(', ')}? ` : '';
  throw new ConfigError(`${flag} "${unknown}" matches no tag of the document.`, {
    hint: known.length ? `${hint}Its tags: ${listed}.` : 'The document tags no operation, so filter with --operations instead.',
  });
}

function excludedBecause(op: Operation, filter: OperationFilter): string | undefined {
  const lowerTags = op.tags.map((t) => t.toLowerCase());
  const names = [op.id, methodPathId(op.method, op.path)];
  if (filter.readOnly && !readOnlyMethods.has(op.method)) return 'the server runs read-only (--read-only): only GET, HEAD and OPTIONS are exposed';
  if (filter.methods?.length && !filter.methods.some((m) => m.toLowerCase() === op.method))
    return `only ${filter.methods.map((m) => m.toUpperCase()).join(', ')} endpoints are exposed (--methods)`;
  if (filter.tags?.length && !filter.tags.some((t) => lowerTags.includes(t.toLowerCase())))
    return `only endpoints tagged ${filter.tags.join(', ')} are exposed (--tags)`;
  if (filter.excludeTags?.some((t) => lowerTags.includes(t.toLowerCase()))) return 'its tag is excluded (--exclude-tags)';
  if (filter.operations?.length && !filter.operations.some((g) => names.some((n) => globToRegExp(g).test(n)))) return 'it does not match --operations';
  if (filter.excludeOperations?.some((g) => names.some((n) => globToRegExp(g).test(n)))) return 'it is excluded by --exclude-operations';
  return undefined;
}

/** `repos/*` style globs: `*` any run of characters, `?` one character, case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}
