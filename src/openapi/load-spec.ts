/** @module Loads an OpenAPI document (file or URL; JSON or YAML; Swagger 2.0, OpenAPI 3.0 or 3.1) without dereferencing it. */
import type { Config } from '../config.js';
import { describeError, SpecLoadError } from '../errors.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { checkNesting } from './document-shape.js';
import { DocumentReader, displayLocation, sourceToUrl, type DocumentReaderOptions } from './document-reader.js';
import type { OpenApiDocument } from './openapi-types.js';
import { isObject } from '../base/json.js';
import { formatBytes, noProgress, type Progress } from '../progress.js';
import { parseDocument } from './parse-document.js';
import { RefResolver } from './ref-resolver.js';
import { validateStrictly } from './strict-validation.js';

export type SpecVersion = '2.0' | '3.0' | '3.1';

export interface LoadedSpec {
  /** The document as OpenAPI 3.x (Swagger 2.0 is converted). `$ref`s are left in place. */
  document: OpenApiDocument;
  /** Where it was read from, after redirects; relative refs and relative server URLs resolve against it. */
  url: URL;
  /** The version the document was written in. */
  version: SpecVersion;
  resolver: RefResolver;
  warnings: string[];
}

/** What loading reads of the configuration (`validate`: strictly, before serving; slow on big documents), and where slow steps are told. */
export interface LoadSpecOptions extends DocumentReaderOptions, Pick<Config, 'validate'> {}

const maxRemoteDocuments = 200;

/** A document read and parsed, not yet converted or indexed. */
export interface ReadSpec {
  /** The document as written. */
  raw: unknown;
  text: string;
  /** Where it was read from, after redirects. */
  url: URL;
  version: SpecVersion;
  /** The reader of this document: its trust boundary and what is left of its byte budget. */
  reader: DocumentReader;
  readerOptions: DocumentReaderOptions;
}

export async function loadSpec(source: string, options: LoadSpecOptions): Promise<LoadedSpec> {
  const read = await readSpec(source, options);
  const spec = await loadReadSpec(read, options);
  if (options.validate) await step(options.progress, `Validating ${displayLocation(read.url)} strictly`, () => validateOrExplain(read, spec));
  return spec;
}

/** Reads and parses the document, and tells its version. */
export async function readSpec(source: string, options: DocumentReaderOptions): Promise<ReadSpec> {
  const readerOptions: DocumentReaderOptions = {
    allowRemoteRefs: options.allowRemoteRefs,
    allowRefDirs: options.allowRefDirs,
    maxSpecBytes: options.maxSpecBytes,
    timeoutMs: options.timeoutMs,
    progress: options.progress,
  };
  const reader = new DocumentReader(sourceToUrl(source), readerOptions);
  const { text, url } = await reader.readRoot();
  const where = displayLocation(url);
  const raw = await step(options.progress, `Parsing ${formatBytes(text.length)} of ${where}`, async () => parseDocument(text, where), parseIsSlow(text));
  return { raw, text, url, version: detectVersion(raw, where), reader, readerOptions };
}

/** Converts a read document to OpenAPI 3 when needed and prepares its refs. */
export async function loadReadSpec(read: ReadSpec, options: Pick<DocumentReaderOptions, 'allowRemoteRefs' | 'progress'>): Promise<LoadedSpec> {
  const { raw, text, url, version, reader } = read;
  const where = displayLocation(url);
  const warnings: string[] = [];
  let document = raw as OpenApiDocument;
  if (version === '2.0') {
    checkNesting(raw, where);
    const converted = await step(options.progress, 'Converting Swagger 2.0 to OpenAPI 3', () => convertSwagger2(raw, where), text.length > slowConversionChars);
    document = converted.document;
    warnings.push(...converted.warnings);
  }
  if (!isObject(document.paths)) {
    warnings.push(`${where} has no "paths": the API has no operations.`);
  }

  // From a local file without remote refs there is nothing to fetch: skip scanning the text.
  const needsPreload = url.protocol !== 'file:' || options.allowRemoteRefs === true;
  const preloaded = new Map<string, unknown>();
  const failures = new Map<string, string>();
  if (needsPreload) await preloadRemoteDocuments(text, url, reader, preloaded, failures);
  const resolver = new RefResolver(url.href, document, { reader, preloaded, failures });
  return { document, url, version, resolver, warnings };
}

/** Above these sizes parsing takes over half a second (js-yaml reads about 10 MB a second, JSON.parse about 200). */
const slowYamlChars = 4_000_000;
const slowJsonChars = 80_000_000;
const slowConversionChars = 5_000_000;

function parseIsSlow(text: string): boolean {
  return text.length > (/^\s*[[{]/.test(text.slice(0, 256)) ? slowJsonChars : slowYamlChars);
}

/** Runs one loading step, reported when it is slow (or expected to be). */
async function step<T>(progress: Progress | undefined, task: string, work: () => Promise<T>, expectSlow = false): Promise<T> {
  const reported = (progress ?? noProgress).start(task, { expectSlow });
  try {
    return await work();
  } finally {
    reported.end();
  }
}

function detectVersion(raw: unknown, where: string): SpecVersion {
  if (!isObject(raw)) {
    throw new SpecLoadError(`${where} is not an OpenAPI document: its top level is not an object.`, {
      hint: 'Pass an OpenAPI 3.0/3.1 or Swagger 2.0 document.',
    });
  }
  if (typeof raw.swagger === 'string') {
    if (raw.swagger.startsWith('2.')) return '2.0';
    throw new SpecLoadError(`${where} declares swagger "${raw.swagger}"; only Swagger 2.0 is supported.`, {
      hint: 'Convert it to OpenAPI 3 first.',
    });
  }
  if (typeof raw.openapi === 'string') {
    if (raw.openapi.startsWith('3.0')) return '3.0';
    if (raw.openapi.startsWith('3.1') || raw.openapi.startsWith('3.2')) return '3.1';
    throw new SpecLoadError(`${where} declares openapi "${raw.openapi}", which is not supported.`, {
      hint: 'Supported: Swagger 2.0, OpenAPI 3.0 and 3.1.',
    });
  }
  throw new SpecLoadError(`${where} is not an OpenAPI document: it has neither an "openapi" nor a "swagger" field.`, {
    hint: 'Pass an OpenAPI 3.0/3.1 or Swagger 2.0 document.',
  });
}

/** Strict validation is opt-in: swagger-parser dereferences the whole document, seconds on big APIs. */
async function validateOrExplain(read: ReadSpec, spec: LoadedSpec): Promise<void> {
  try {
    await validateStrictly(read.raw, read.reader.root, read.readerOptions, spec);
  } catch (error) {
    if (error instanceof SpecLoadError) throw error;
    throw new SpecLoadError(`${displayLocation(read.url)} failed strict validation: ${describeError(error, { withHint: false })}`, {
      hint: 'Fix the problems listed, or start without --validate to serve it as it is.',
      cause: error,
    });
  }
}

/**
 * Local files are read lazily when a ref first needs them; http(s) documents cannot be read
 * synchronously, so they are fetched here, within the trust boundary. A document that could not be
 * read keeps its reason, which the ref reports where it is used.
 */
async function preloadRemoteDocuments(
  rootText: string,
  rootUrl: URL,
  reader: DocumentReader,
  documents: Map<string, unknown>,
  failures: Map<string, string>,
): Promise<void> {
  const queue: { text: string; base: URL }[] = [{ text: rootText, base: rootUrl }];
  while (queue.length && documents.size + failures.size < maxRemoteDocuments) {
    const { text, base } = queue.shift()!;
    for (const found of externalRefTargets(text, base)) {
      const target = new URL(found.href.replace(/#.*$/, ''));
      if (!/^https?:$/.test(target.protocol) || documents.has(target.href) || failures.has(target.href)) continue;
      if (reader.boundary.refuseRef(target)) continue; // reported with its reason where it is used
      try {
        const body = await reader.readRemote(target);
        documents.set(target.href, parseDocument(body, target.href));
        queue.push({ text: body, base: target });
      } catch (error) {
        failures.set(target.href, describeError(error, { withHint: false }));
      }
    }
  }
}

function externalRefTargets(text: string, base: URL): URL[] {
  const targets: URL[] = [];
  const pattern = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}][^"'#\s,}]*)/g;
  for (const match of text.matchAll(pattern)) {
    try {
      targets.push(new URL(match[1]!, base));
    } catch {
      // Not a URL: reported when used.
    }
  }
  return targets;
}
