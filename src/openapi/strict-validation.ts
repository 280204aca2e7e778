/**
 * @module Strict validation of a document against the OpenAPI schema and rules (swagger-parser), with its
 * `$ref`s read through the same trust boundary and bounds as everything else, and parsed with the same
 * limits: the validator never reads a file or URL the document itself could not.
 */
import { pathToFileURL } from 'node:url';
import { describeError, SpecLoadError } from '../errors.js';
import { dereferencedChars, maxDereferencedChars } from './dereferenced-size.js';
import { checkNesting } from './document-shape.js';
import { DocumentReader, displayLocation, type DocumentReaderOptions } from './document-reader.js';
import type { LoadedSpec } from './load-spec.js';
import { parseDocument } from './parse-document.js';

interface FileInfo {
  url: string;
  data?: string | Buffer;
}

/**
 * Throws the validator's error when the document is not valid, or a SpecLoadError when it cannot be
 * validated: the validator walks the document with every `$ref` replaced by its target, so that size is
 * measured first (on the loaded spec, whose refs resolve the same way) and bounded.
 * @param document the parsed document as written (a copy is validated: the validator changes what it is given)
 * @param root where it was read from; a fresh reader for it applies the limits again
 */
export async function validateStrictly(
  document: unknown,
  root: URL,
  options: DocumentReaderOptions,
  loaded: Pick<LoadedSpec, 'document' | 'resolver'>,
): Promise<void> {
  checkNesting(document, displayLocation(root));
  if (dereferencedChars(loaded.document, loaded.resolver.rootUrl, loaded.resolver) > maxDereferencedChars) {
    throw new SpecLoadError(
      `Strict validation was not run: with every $ref replaced by its target, ${displayLocation(root)} would be more than ${maxDereferencedChars} characters long, and the validator walks it that way.`,
      { hint: 'Refs repeated inside repeated refs do this; the document is still served, and the other checks still run.' },
    );
  }
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const reader = new DocumentReader(root, options);
  /** Why a file could not be read, by its URL as the validator names it: its own message drops the reason. */
  const failures = new Map<string, string>();
  const read = async (file: FileInfo): Promise<string> => {
    const url = /^[a-z][a-z0-9+.-]*:/i.test(file.url) && !/^[a-z]:[\\/]/i.test(file.url) ? new URL(file.url) : pathToFileURL(file.url);
    try {
      return url.protocol === 'file:' ? reader.readLocalSync(url) : await reader.readRemote(url);
    } catch (error) {
      failures.set(file.url, describeError(error, { withHint: false }));
      throw error;
    }
  };
  const parserOptions = {
    resolve: { file: false, http: false, bounded: { order: 1, canRead: true, read } },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      bounded: {
        order: 1,
        canParse: true,
        parse: (file: FileInfo) => {
          const parsed = parseDocument(typeof file.data === 'string' ? file.data : (file.data ?? Buffer.alloc(0)).toString('utf8'), file.url);
          checkNesting(parsed, file.url);
          return parsed;
        },
      },
    },
  };
  try {
    await (SwaggerParser.validate as (path: string, api: unknown, options: unknown) => Promise<unknown>)(
      displayLocation(root),
      structuredClone(document),
      parserOptions,
    );
  } catch (error) {
    const reason = failures.get((error as { source?: string }).source ?? '');
    throw reason ? new Error(reason, { cause: error }) : error;
  }
}
