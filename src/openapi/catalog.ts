/** @module The Catalog: every operation of one API, found by id or by `METHOD /path`, with tag counts. */
import type { LoadedSpec } from './load-spec.js';
import { methodPathShape, type Operation } from './operation.js';
import { apiNameOf, withoutLink } from './api-name.js';
import { matchAddress, type AddressMatch } from './endpoint-address.js';
import { defaults } from '../config.js';
import type { ValidationPolicy } from '../config.js';

export interface CatalogInit {
  title: string;
  version: string;
  description: string;
  spec: LoadedSpec;
  operations: Operation[];
  warnings: string[];
  /** How far argument validation trusts the document (see ValidationPolicy in config.ts). Default lenient. */
  validation?: ValidationPolicy;
  /** Operations left out by filters, with the reason, so asking for one explains itself. */
  hidden?: Map<string, string>;
  hiddenOperations?: Operation[];
}

export interface TagCount {
  name: string;
  count: number;
}

export class Catalog {
  readonly title: string;
  /** The title without trailing punctuation, for headings: "Gitea API." reads "Gitea API". */
  readonly name: string;
  /** The name in running text, with one "API": "Gitea API", "Vercel API"; "Swagger Petstore" reads "Swagger Petstore API". */
  readonly apiName: string;
  readonly version: string;
  readonly description: string;
  readonly spec: LoadedSpec;
  readonly operations: readonly Operation[];
  /** The operations and those the filters left out: what the document declares, for reading one beside another. */
  readonly declaredOperations: readonly Operation[];
  /** Problems noticed while indexing; the API still serves. */
  readonly warnings: readonly string[];
  /** How far argument validation trusts the document: input schemas and execute_endpoint follow it. */
  readonly validation: ValidationPolicy;
  /** Operations by id, lowercased id and shape: built on the first look-up, since startup needs none. */
  private lookups: { byId: Map<string, Operation>; byLowerId: Map<string, Operation>; byShape: Map<string, Operation> } | undefined;
  private readonly hidden: Map<string, string>;
  private readonly hiddenByShape = new Map<string, Operation>();
  private tagCounts: TagCount[] | undefined;

  constructor(init: CatalogInit) {
    this.title = init.title;
    this.name = withoutLink(init.title).replace(/[\s.:;,!-]+$/, '');
    this.apiName = apiNameOf(this.name);
    this.version = init.version;
    this.description = init.description;
    this.spec = init.spec;
    this.operations = init.operations;
    this.declaredOperations = init.hiddenOperations?.length ? [...init.operations, ...init.hiddenOperations] : init.operations;
    this.warnings = init.warnings;
    this.validation = init.validation ?? defaults.validation;
    this.hidden = init.hidden ?? new Map();
    for (const op of init.hiddenOperations ?? []) {
      this.hiddenByShape.set(op.id, op);
      this.hiddenByShape.set(methodPathShape(op.method, op.path), op);
    }
  }

  private lookup() {
    if (this.lookups) return this.lookups;
    const lookups = { byId: new Map<string, Operation>(), byLowerId: new Map<string, Operation>(), byShape: new Map<string, Operation>() };
    for (const op of this.operations) {
      lookups.byId.set(op.id, op);
      lookups.byLowerId.set(op.id.toLowerCase(), op);
      lookups.byShape.set(methodPathShape(op.method, op.path), op);
    }
    return (this.lookups = lookups);
  }

  /** Finds an operation by its id, its `METHOD /path` (parameter names and a trailing slash may differ), or its id in another case. */
  find(idOrMethodPath: string): Operation | undefined {
    const text = idOrMethodPath.trim();
    const { byId, byShape, byLowerId } = this.lookup();
    const exact = byId.get(text);
    if (exact) return exact;
    const match = methodAndPath.exec(text);
    if (match) {
      const found = byShape.get(methodPathShape(match[1]!, match[2]!));
      if (found) return found;
    }
    return byLowerId.get(text.toLowerCase());
  }

  /**
   * An operation by its id or `METHOD /path` (see `find`), or by an address it answers at ("GET
   * /textOperations/op-7", a URL alone for a GET), with the path and query values the address carries.
   */
  locate(idOrAddress: string): { operation: Operation; values?: AddressMatch['values'] } | undefined {
    const operation = this.find(idOrAddress);
    if (operation) return { operation };
    const text = idOrAddress.trim();
    const match = methodAndPath.exec(text) ?? (/^https?:\/\/\S+$/i.test(text) ? [text, 'get', text] : undefined);
    return match ? matchAddress(this.operations, match[1]!, match[2]!) : undefined;
  }

  /** Why an id that exists in the document is not served here (filters, read-only mode); undefined otherwise. */
  hiddenReason(idOrMethodPath: string): { id: string; reason: string } | undefined {
    const text = idOrMethodPath.trim();
    const match = methodAndPath.exec(text);
    const op = this.hiddenByShape.get(text) ?? (match ? this.hiddenByShape.get(methodPathShape(match[1]!, match[2]!)) : undefined);
    const reason = op ? this.hidden.get(op.id) : undefined;
    return op && reason ? { id: op.id, reason } : undefined;
  }

  /** Tags with their operation counts, largest first. */
  tags(): TagCount[] {
    if (!this.tagCounts) {
      const counts = new Map<string, number>();
      for (const op of this.operations) for (const tag of op.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      this.tagCounts = [...counts]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.tagCounts;
  }

  /**
   * The tags an overview names: without one every endpoint has, when there are others ("publicly-accessible"
   * on all 98 of Just Eat's, "all" on Clever Cloud's 324): it says nothing of where anything is.
   */
  overviewTags(): TagCount[] {
    const telling = this.tags().filter((t) => t.count < this.operations.length);
    return telling.length ? telling : this.tags();
  }
}

/** `METHOD /path`, or `METHOD address`. */
const methodAndPath = /^([A-Za-z]+)\s+(\S+)$/;
