/**
 * @module Encodes a multipart body by its schema and `encoding`, following the OpenAPI rules for multipart
 * (https://spec.openapis.org/oas/v3.1.1#encoding-multipart-media-types): files as file parts, objects as
 * JSON fields, one part per array item, and from OpenAPI 3.1 `style` as plain name=value parts.
 */
import { RequestBuildError } from '../errors.js';
import type { MediaTypeObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { declaredContentType, styleOptions, usesStyle } from './encoding-object.js';
import { isFileArgument, readFileArgument } from './file-argument.js';
import { fileProperties, type SchemaLookup } from './file-properties.js';
import { randomBoundary, serializeMultipart, type MultipartPart } from './multipart-body.js';
import { primitiveText, serializeQueryParam } from './serialize-param.js';

export interface MultipartOptions {
  /** Whose rules apply: OpenAPI 3.0 ignores `style`, `explode` and `allowReserved` for multipart, 3.1 applies them. Default 3.0. */
  openapi?: '3.0' | '3.1';
  /** Follows the body schema's `$ref`s to find its binary properties; without it only inline schemas are read. */
  schemas?: SchemaLookup;
  /** Default: random. */
  boundary?: string;
}

export function encodeMultipart(
  mediaType: string,
  media: MediaTypeObject,
  value: unknown,
  options: MultipartOptions = {},
): { body: Uint8Array; contentType: string } {
  if (!isObject(value))
    throw new RequestBuildError('A multipart body must be an object of parts.', {
      hint: 'Give "body" as { "field": value, "file": { "base64": "...", "filename": "a.png" } }.',
    });
  const encoding = media.encoding ?? {};
  const files = fileProperties(media.schema, options.schemas);
  const parts: MultipartPart[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const rule = encoding[name] ?? {};
    const isFile = files.has(name) || isFileArgument(field) || (Array.isArray(field) && field.some(isFileArgument));
    if (options.openapi === '3.1' && usesStyle(rule) && !isFile) {
      parts.push(...styledParts(name, field, styleOptions(rule)));
      continue;
    }
    const declared = declaredContentType(rule);
    for (const item of Array.isArray(field) ? field : [field]) parts.push(partOf(name, item, files.has(name), declared));
  }
  const boundary = options.boundary ?? randomBoundary();
  const type = mediaType.replace(/;\s*boundary=("[^"]*"|[^;]*)/i, '');
  return { body: serializeMultipart(parts, boundary), contentType: `${type}; boundary=${boundary}` };
}

/** One value as its part. Content types default as the Encoding Object says: octet-stream for binary, JSON for objects, text/plain otherwise. */
function partOf(name: string, value: unknown, binary: boolean, declared: string | undefined): MultipartPart {
  if (isFileArgument(value) || (binary && typeof value === 'string')) {
    const file = readFileArgument(value, `body.${name}`);
    return { name, filename: file.filename ?? name, contentType: file.contentType ?? declared ?? 'application/octet-stream', content: file.bytes };
  }
  if (value !== null && typeof value === 'object') return { name, contentType: declared ?? 'application/json', content: JSON.stringify(value) };
  const text = primitiveText(value);
  if (declared === undefined || /^text\/plain$/i.test(declared)) return { name, content: text };
  // A binary type declared for a plain string (image/png) makes it a file, which is how servers read non-text parts.
  return isTextual(declared) ? { name, contentType: declared, content: text } : { name, filename: name, contentType: declared, content: text };
}

function isTextual(mediaType: string): boolean {
  return /^text\/|json|xml|yaml|csv|x-www-form-urlencoded/i.test(mediaType);
}

/**
 * Style serialization's name=value pairs, each as a plain part. They come from the query serializer and
 * are percent-decoded again: form-data carries raw text, and OAS 3.2 says percent-encoding MUST NOT be
 * applied there (https://spec.openapis.org/oas/v3.2.0#fixed-fields-for-rfc6570-style-serialization).
 */
function styledParts(name: string, value: unknown, style: ReturnType<typeof styleOptions>): MultipartPart[] {
  return serializeQueryParam(name, value, { ...style, allowReserved: false }).map((piece) => {
    const at = piece.indexOf('=');
    return { name: decodeURIComponent(piece.slice(0, at)), content: decodeURIComponent(piece.slice(at + 1)) };
  });
}
