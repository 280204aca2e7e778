/** @module Loads an OpenAPI document (file or URL; JSON or YAML; Swagger 2.0, OpenAPI 3.0 or 3.1) without dereferencing it. */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SpecLoadError } from '../errors.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { isObject, type OpenApiDocument } from './openapi-types.js';
import { formatBytes, noProgress, type Progress } from '../progress.js';
import { parseDocumentText, readSourceText, sourceToUrl } from './read-source.js';
import { RefResolver } from './ref-resolver.js';

export type SpecVersion = '2.0' | '3.0' | '3.1';

export interface LoadedSpec {
  /** The document as OpenAPI 3.x (Swagger 2.0 is converted). `$ref`s are left in place. */
  document: OpenApiDocument;
  /** Where it was read from; relative refs and relative server URLs resolve against it. */
  url: URL;
  /** The version the document was written in. */
  version: SpecVersion;
  resolver: RefResolver;
  warnings: string[];
}

export interface LoadSpecOptions {
  /** Follow `$ref`s to other hosts. Default false. */
  allowRemoteRefs?: boolean;
  /** Validate strictly against the OpenAPI schema before serving (slow on big documents). Default false. */
  validate?: boolean;
  /** Timeout for downloading the document and remote refs, in ms. Default 30000. */
  timeoutMs?: number;
  /** Told of slow steps (downloading, parsing, converting, validating). Default: nothing reported. */
  progress?: Progress;
}

const maxRemoteDocuments = 200;
/** js-yaml is required synchronously, and only when an external YAML file is referenced. */
const require = createRequire(import.meta.url);

export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const url = sourceToUrl(source);
  const where = url.protocol === 'file:' ? fileURLToPath(url) : url.href;
  const progress = options.progress ?? noProgress;
  const text = await readSourceText(url, options.timeoutMs, progress);
  const raw = await step(progress, `Parsing ${formatBytes(text.length)} of ${where}`, () => parseDocumentText(text, where), parseIsSlow(text));
  const version = detectVersion(raw, where);
  if (options.validate) await step(progress, `Validating ${where} strictly`, () => validateStrictly(where));

  const warnings: string[] = [];
  let document = raw as OpenApiDocument;
  if (version === '2.0') {
    const converted = await step(progress, 'Converting Swagger 2.0 to OpenAPI 3', () => convertSwagger2(raw, where), text.length > slowConversionChars);
    document = converted.document;
    warnings.push(...converted.warnings);
  }
  if (!isObject(document.paths)) {
    warnings.push(`${where} has no "paths": the API has no operations.`);
  }

  // From a local file without remote refs there is nothing to fetch: skip scanning the text.
  const needsPreload = url.protocol !== 'file:' || options.allowRemoteRefs === true;
  const preloaded = needsPreload ? await preloadRemoteDocuments(text, url, options) : new Map<string, unknown>();
  const resolver = new RefResolver(url.href, document, {
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    preloaded,
    loadYaml: (t) => (require('js-yaml') as typeof import('js-yaml')).load(t),
  });
  return { document, url, version, resolver, warnings };
}

/** Above these sizes parsing takes over half a second (js-yaml reads about 10 MB a second, JSON.parse about 200). */
const slowYamlChars = 4_000_000;
const slowJsonChars = 80_000_000;
const slowConversionChars = 5_000_000;

function parseIsSlow(text: string): boolean {
  return text.length > (/^\s*[[{]/.test(text.slice(0, 256)) ? slowJsonChars : slowYamlChars);
}

async function step<T>(progress: Progress, task: string, work: () => Promise<T>, expectSlow = false): Promise<T> {
  const reported = progress.start(task, { expectSlow });
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
async function validateStrictly(where: string): Promise<void> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    await SwaggerParser.validate(where);
  } catch (error) {
    throw new SpecLoadError(`${where} failed strict validation: ${(error as Error).message}`, {
      hint: 'Fix the problems listed, or start without --validate to serve it as it is.',
      cause: error,
    });
  }
}

/**
 * Local files are read lazily when a ref first needs them; http(s) documents cannot be read
 * synchronously, so they are fetched here: always when the spec itself came from that origin,
 * from other hosts only with allowRemoteRefs.
 */
async function preloadRemoteDocuments(rootText: string, rootUrl: URL, options: LoadSpecOptions): Promise<Map<string, unknown>> {
  const documents = new Map<string, unknown>();
  const queue: { text: string; base: URL }[] = [{ text: rootText, base: rootUrl }];
  while (queue.length && documents.size < maxRemoteDocuments) {
    const { text, base } = queue.shift()!;
    for (const target of externalRefTargets(text, base)) {
      if (!/^https?:$/.test(target.protocol) || documents.has(target.href)) continue;
      const sameOrigin = rootUrl.protocol !== 'file:' && target.origin === rootUrl.origin;
      if (!sameOrigin && !options.allowRemoteRefs) continue;
      try {
        const body = await readSourceText(target, options.timeoutMs, options.progress);
        documents.set(target.href, await parseDocumentText(body, target.href));
        queue.push({ text: body, base: target });
      } catch {
        // Left out: the ref then reports itself as broken where it is used.
      }
    }
  }
  return documents;
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
