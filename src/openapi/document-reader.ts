/**
 * @module Every read of a document and of what its `$ref`s point to goes through here: the trust boundary
 * decides what may be read, and each read is bounded in bytes (all reads of one document together) and
 * in time.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import { formatBytes, noProgress, type Progress } from '../progress.js';
import { DocumentReadError } from './document-read-error.js';
import { ReadBudget } from './read-budget.js';
import { readDocumentFile, readRegularFileSync } from './read-local-file.js';
import { TrustBoundary, type TrustBoundaryOptions } from './trust-boundary.js';

/** `maxSpecBytes`: what the document and every file it refers to may take together; `timeoutMs`: each download or read of a pipe. */
export interface DocumentReaderOptions extends TrustBoundaryOptions, Pick<Config, 'maxSpecBytes' | 'timeoutMs'> {
  /** Told of slow downloads. Default: nothing reported. */
  progress?: Progress | undefined;
}

/** Turns a CLI argument (path or URL) into an absolute URL. */
export function sourceToUrl(source: string): URL {
  if (/^https?:\/\//i.test(source) || source.startsWith('file:')) return new URL(source);
  return pathToFileURL(resolve(source));
}

/** A path for a file URL, the URL itself otherwise: what messages call a document. */
export function displayLocation(url: URL): string {
  return url.protocol === 'file:' ? fileURLToPath(url) : url.href;
}

export class DocumentReader {
  readonly boundary: TrustBoundary;
  private readonly budget: ReadBudget;
  private readonly timeoutMs: number;

  constructor(
    readonly root: URL,
    private readonly options: DocumentReaderOptions,
  ) {
    this.boundary = new TrustBoundary(root, options);
    this.budget = new ReadBudget(options.maxSpecBytes);
    this.timeoutMs = options.timeoutMs;
  }

  /** The document itself, from wherever the operator said, and the URL it was found at after redirects. */
  async readRoot(): Promise<{ text: string; url: URL }> {
    if (this.root.protocol === 'file:') {
      const bytes = await readDocumentFile(fileURLToPath(this.root), { ...this.limits(), timeoutMs: this.timeoutMs });
      return { text: this.spend(bytes), url: this.root };
    }
    if (this.root.protocol !== 'http:' && this.root.protocol !== 'https:') {
      throw DocumentReadError.of(this.root.href, 'only files and http(s) URLs can be read');
    }
    const step = (this.options.progress ?? noProgress).start(`Fetching ${this.root.href}`);
    try {
      const { fetchDocument } = await import('./fetch-document.js');
      const fetched = await fetchDocument(this.root, {
        ...this.limits(),
        timeoutMs: this.timeoutMs,
        refuseAddress: (host, address) => this.boundary.refuseAddress(host, address, true),
        refuseRedirect: (from, to) => this.boundary.refuseRedirect(from, to),
        onConnect: (address) => this.boundary.rootCameFrom(address),
        onBytes: (received, declared) => step.update(declared ? `${formatBytes(received)} of ${formatBytes(declared)}` : formatBytes(received)),
      });
      return { text: this.spend(fetched.bytes), url: fetched.url };
    } finally {
      step.end();
    }
  }

  /** A document a `$ref` points to over http(s). */
  async readRemote(url: URL): Promise<string> {
    const refused = this.boundary.refuseRef(url);
    if (refused) throw DocumentReadError.of(url.href, refused, { download: true });
    // Loaded only for documents that need it: a local document never pays for http, https and dns.
    const { fetchDocument } = await import('./fetch-document.js');
    const fetched = await fetchDocument(url, {
      ...this.limits(),
      timeoutMs: this.timeoutMs,
      refuseAddress: (host, address) => this.boundary.refuseAddress(host, address, false),
      refuseRedirect: (from, to) => this.boundary.refuseRedirect(from, to) ?? this.boundary.refuseRef(to),
    });
    return this.spend(fetched.bytes);
  }

  /** A local file a `$ref` points to; synchronous, since refs are resolved when first needed. */
  readLocalSync(url: URL): string {
    const allowed = this.boundary.localPath(url);
    if ('refused' in allowed) throw DocumentReadError.of(displayLocation(url), allowed.refused);
    return this.spend(readRegularFileSync(allowed.path, this.limits()));
  }

  private limits() {
    return { maxBytes: this.budget.remaining, tooLarge: () => this.budget.tooLarge(), hint: this.budget.hint };
  }

  private spend(bytes: Buffer): string {
    this.budget.spend(bytes.length);
    return bytes.toString('utf8');
  }
}
