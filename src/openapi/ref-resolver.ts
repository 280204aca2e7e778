/** @module Lazy `$ref` resolution across the root document and the local files it points to, memoized per document. */
import { BrokenRefError, describeError } from '../errors.js';
import { DocumentReader, displayLocation } from './document-reader.js';
import { isObject } from '../base/json.js';
import { parseDocument } from './parse-document.js';

/** A value found through a `$ref`, with the document it lives in (refs inside it are relative to that). */
export interface Resolved<T = unknown> {
  value: T;
  docUrl: string;
  /** `docUrl#pointer`: a stable identity for the target. */
  key: string;
}

export interface RefResolverOptions {
  /** Reads local files within the document's trust boundary, within its limits. */
  reader: DocumentReader;
  /** http(s) documents fetched ahead of time, by URL without fragment. */
  preloaded?: Map<string, unknown>;
  /** Why http(s) documents could not be fetched ahead of time, by URL without fragment. */
  failures?: Map<string, string>;
}

/** Refs followed one after another before a chain is given up on. */
export const maxRefHops = 64;

export class RefResolver {
  readonly rootUrl: string;
  private readonly documents = new Map<string, unknown>();
  /** Successful resolutions by document and ref: shared parameters and schemas are looked up once. */
  private readonly memo = new Map<string, Resolved>();
  private readonly options: RefResolverOptions;
  private readonly reader: DocumentReader;

  constructor(rootUrl: string, rootDocument: unknown, options: RefResolverOptions) {
    this.rootUrl = rootUrl;
    this.options = options;
    this.reader = options.reader;
    this.documents.set(rootUrl, rootDocument);
    for (const [url, doc] of options.preloaded ?? []) this.documents.set(url, doc);
  }

  /** What `value` points to (see `deref`), or undefined when a `$ref` on the way is broken: reported where the schema is described. */
  derefQuietly(value: unknown, docUrl: string, usedAt: string): unknown {
    try {
      return this.deref(value, docUrl, usedAt).value;
    } catch {
      return undefined;
    }
  }

  /** Follows `value` while it is a `$ref` object; returns it unchanged when it is not one. */
  deref<T = unknown>(value: unknown, docUrl: string, usedAt: string): Resolved<T> {
    let current = value;
    let currentDoc = docUrl;
    let key = '';
    const seen = new Set<string>();
    for (let hops = 0; isRef(current); hops++) {
      if (seen.has(key)) throw BrokenRefError.at(current.$ref, usedAt, 'the $ref chain loops back on itself');
      if (hops >= maxRefHops) throw BrokenRefError.at(current.$ref, usedAt, `the $ref chain is longer than ${maxRefHops} refs`);
      seen.add(key);
      const next = this.resolveRef(current.$ref, currentDoc, usedAt);
      current = next.value;
      currentDoc = next.docUrl;
      key = next.key;
    }
    return { value: current as T, docUrl: currentDoc, key };
  }

  /** Resolves one `$ref` string relative to the document it appears in. */
  resolveRef(ref: string, docUrl: string, usedAt: string): Resolved {
    const memoKey = `${docUrl}\n${ref}`;
    const memo = this.memo.get(memoKey);
    if (memo) return memo;
    const resolved = this.resolveUncached(ref, docUrl, usedAt);
    this.memo.set(memoKey, resolved);
    return resolved;
  }

  private resolveUncached(ref: string, docUrl: string, usedAt: string): Resolved {
    const hashAt = ref.indexOf('#');
    const location = hashAt === -1 ? ref : ref.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : ref.slice(hashAt + 1);
    let targetUrl = docUrl;
    if (location) {
      try {
        targetUrl = new URL(location, docUrl).href;
      } catch {
        throw BrokenRefError.at(ref, usedAt, 'it is not a valid URL or relative path');
      }
    }
    const document = this.document(targetUrl, ref, usedAt);
    const value = readPointer(document, fragment, ref, usedAt);
    return { value, docUrl: targetUrl, key: `${targetUrl}#${fragment}` };
  }

  private document(url: string, ref: string, usedAt: string): unknown {
    if (this.documents.has(url)) return this.documents.get(url);
    const target = new URL(url);
    if (target.protocol === 'file:') {
      let document: unknown;
      try {
        document = parseDocument(this.reader.readLocalSync(target), displayLocation(target));
      } catch (error) {
        throw BrokenRefError.at(ref, usedAt, describeError(error, { withHint: false }));
      }
      this.documents.set(url, document);
      return document;
    }
    const reason = this.options.failures?.get(url) ?? this.reader.boundary.refuseRef(target) ?? `the remote document ${url} could not be fetched at startup`;
    throw BrokenRefError.at(ref, usedAt, reason);
  }
}

export function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}

/** Reads an RFC 6901 JSON pointer given as a URI fragment (`/components/schemas/Pet`). */
export function readPointer(document: unknown, fragment: string, ref: string, usedAt: string): unknown {
  if (fragment === '' || fragment === '/') return document;
  if (!fragment.startsWith('/')) {
    throw BrokenRefError.at(ref, usedAt, 'only JSON-pointer fragments (#/...) are supported');
  }
  let current = document;
  const walked: string[] = [];
  for (const raw of fragment.slice(1).split('/')) {
    const token = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    const container = current as Record<string, unknown> | unknown[] | null;
    // Own keys only: `in` would find "constructor" or "toString" on Object.prototype.
    if (container === null || typeof container !== 'object' || !Object.hasOwn(container, token)) {
      const at = walked.length ? `"#/${walked.join('/')}"` : 'the document root';
      throw BrokenRefError.at(ref, usedAt, `${at} has no "${token}"`);
    }
    current = (container as Record<string, unknown>)[token];
    walked.push(raw);
  }
  return current;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
