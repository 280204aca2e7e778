/** @module Reads an OpenAPI document's text from a file path or an http(s) URL and parses it as JSON or YAML. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SpecLoadError } from '../errors.js';
import { describeNetworkFailure } from '../network-failure.js';
import { userAgent } from '../version.js';
import { formatBytes, noProgress, type Progress, type ProgressStep } from '../progress.js';

/** Turns a CLI argument (path or URL) into an absolute URL. */
export function sourceToUrl(source: string): URL {
  if (/^https?:\/\//i.test(source) || source.startsWith('file:')) return new URL(source);
  return pathToFileURL(resolve(source));
}

/** Reads a document's text. Remote reads time out after `timeoutMs`; slow downloads report their progress. */
export async function readSourceText(url: URL, timeoutMs = 30_000, progress: Progress = noProgress): Promise<string> {
  // Read as bytes on the thread pool (module loading can go on meanwhile), then decoded in one go.
  if (url.protocol === 'file:') {
    try {
      return (await readFile(fileURLToPath(url))).toString('utf8');
    } catch (error) {
      throw fileReadError(url, error);
    }
  }
  const step = progress.start(`Fetching ${url.href}`);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json, application/yaml, text/yaml, */*', 'user-agent': userAgent } });
    } catch (error) {
      throw downloadError(url, error, timeoutMs);
    }
    if (!response.ok) {
      throw new SpecLoadError(`Cannot download the OpenAPI document from ${url.href}: HTTP ${response.status} ${response.statusText}`, {
        hint: 'Check the URL; it must return the OpenAPI document itself.',
      });
    }
    try {
      return await readText(response, step);
    } catch (error) {
      throw downloadError(url, error, timeoutMs);
    }
  } finally {
    step.end();
  }
}

/** The body as text, counting bytes as they arrive. */
async function readText(response: Response, step: ProgressStep): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const declared = Number(response.headers.get('content-length') ?? 0);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    total += chunk.byteLength;
    step.update(declared ? `${formatBytes(total)} of ${formatBytes(declared)}` : formatBytes(total));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function downloadError(url: URL, error: unknown, timeoutMs: number): SpecLoadError {
  const { reason, check } = describeNetworkFailure(error, timeoutMs);
  return new SpecLoadError(`Cannot download the OpenAPI document from ${url.href}: ${reason}.`, {
    hint: `${check} Or download the file and pass its path.`,
    cause: error,
  });
}

/** Synchronous read of a local file, for external `$ref`s resolved lazily. */
export function readLocalTextSync(url: URL): string {
  try {
    return readFileSync(fileURLToPath(url), 'utf8');
  } catch (error) {
    throw fileReadError(url, error);
  }
}

function fileReadError(url: URL, error: unknown): SpecLoadError {
  const path = fileURLToPath(url);
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
  return new SpecLoadError(`Cannot read the OpenAPI document ${path}: ${reason}`, {
    hint: 'Pass the path of an OpenAPI (3.0, 3.1) or Swagger 2.0 file in JSON or YAML, or an http(s) URL.',
    cause: error,
  });
}

/** Parses JSON when the text looks like JSON, YAML otherwise; errors name the line. */
export async function parseDocumentText(text: string, where: string): Promise<unknown> {
  if (looksLikeJson(text)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SpecLoadError(`Cannot parse ${where} as JSON: ${(error as Error).message}`, {
        hint: 'Fix the JSON syntax at the position given.',
        cause: error,
      });
    }
  }
  const yaml = await import('js-yaml');
  return parseYaml(yaml.load, text, where);
}

/** Synchronous variant for external `$ref` documents; YAML needs js-yaml preloaded by the caller. */
export function parseDocumentTextSync(text: string, where: string, loadYaml: ((text: string) => unknown) | undefined): unknown {
  if (looksLikeJson(text) || !loadYaml) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SpecLoadError(`Cannot parse ${where} as JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  return parseYaml(loadYaml, text, where);
}

function parseYaml(load: (text: string) => unknown, text: string, where: string): unknown {
  try {
    return load(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const at = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
    throw new SpecLoadError(`Cannot parse ${where} as YAML${at}: ${reason}`, {
      hint: 'Fix the YAML syntax there (indentation and quoting are the usual causes).',
      cause: error,
    });
  }
}

/** The first non-blank character is { or [ (checked without copying a large text). */
function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}
