/**
 * @module Encodes the `body` argument for its media type: JSON and `+json`, form-urlencoded (with per-field
 * `encoding`), multipart (see encode-multipart.ts), text, and raw bytes.
 */
import { RequestBuildError } from '../errors.js';
import type { EncodingObject, MediaTypeObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { isJsonMediaType } from '../base/media-type.js';
import { isFileSchema, objectBodyType } from '../schema/file-schema.js';
import { declaredContentType, styleOptions, usesStyle } from './encoding-object.js';
import { encodeMultipart, type MultipartOptions } from './encode-multipart.js';
import { encodeXml, unmarkedArraysWrapped } from './encode-xml.js';
import { isFileArgument, readFileArgument } from './file-argument.js';
import { encodeValue, primitiveText, serializeQueryParam } from './serialize-param.js';

export interface EncodedBody {
  body: string | Uint8Array;
  contentType: string;
}

/** Options that matter to multipart bodies (the OpenAPI version, `$ref` lookup, boundary) and to XML ones. */
export interface EncodeBodyOptions extends MultipartOptions {
  /** The whole document, read for how it wraps XML arrays (see encode-xml) when an XML body is written. Without it, arrays are unwrapped, as the specification says. */
  document?: object;
}

export function encodeBody(mediaType: string, media: MediaTypeObject, value: unknown, options: EncodeBodyOptions = {}): EncodedBody {
  const type = mediaType.toLowerCase();
  if (isJsonMediaType(type)) return { body: JSON.stringify(value), contentType: mediaType };
  if (type.startsWith('application/x-www-form-urlencoded')) return { body: encodeForm(value, media.encoding ?? {}), contentType: mediaType };
  if (type.startsWith('multipart/')) return encodeMultipart(mediaType, media, value, options);
  if (type.startsWith('text/') || /xml|yaml|csv/.test(type)) {
    if (typeof value === 'string') return { body: value, contentType: mediaType };
    if (/xml/.test(type) && isObject(value) && !isFileArgument(value))
      return {
        body: encodeXml(value, media.schema, options.schemas, options.document ? unmarkedArraysWrapped(options.document) : false),
        contentType: mediaType,
      };
    if (isFileArgument(value)) return { body: readFileArgument(value, 'body').bytes, contentType: mediaType };
    throw new RequestBuildError(`The body of a ${mediaType} request must be a string.`, { hint: 'Give the document text as "body".' });
  }
  // An object for a raw type is the document's JSON schema for it (see arguments/with-file-arguments); a
  // binary schema takes only a file, whatever validation let through.
  if (isObject(value) && !isFileArgument(value) && !isFileSchema(media.schema)) return { body: JSON.stringify(value), contentType: objectBodyType };
  const file = readFileArgument(value, 'body');
  const contentType = type === '*/*' || type.endsWith('/*') ? (file.contentType ?? 'application/octet-stream') : mediaType;
  return { body: file.bytes, contentType };
}

/**
 * form-urlencoded: a field with style fields is serialized by style, as a query parameter; any other by
 * its content type, item by item for arrays: JSON for objects or a JSON `contentType`, text otherwise
 * (https://spec.openapis.org/oas/v3.1.1#encoding-the-x-www-form-urlencoded-media-type).
 */
function encodeForm(value: unknown, encoding: Record<string, EncodingObject>): string {
  if (!isObject(value)) throw new RequestBuildError('A form body must be an object of fields.', { hint: 'Give "body" as { "field": value, ... }.' });
  const pieces: string[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const rule = encoding[name] ?? {};
    if (usesStyle(rule)) {
      pieces.push(...serializeQueryParam(name, field, styleOptions(rule)));
      continue;
    }
    const json = /json/i.test(declaredContentType(rule) ?? '');
    for (const item of Array.isArray(field) ? field : [field]) {
      const text = json || (item !== null && typeof item === 'object') ? JSON.stringify(item) : primitiveText(item);
      pieces.push(`${encodeValue(name)}=${encodeValue(text)}`);
    }
  }
  // application/x-www-form-urlencoded writes spaces as "+".
  return pieces.map((p) => p.replace(/%20/g, '+')).join('&');
}
