/**
 * @module Encodes the `body` argument for its media type: JSON and `+json`, form-urlencoded (with per-field
 * `encoding`), multipart/form-data (files and per-part content types), text, and raw bytes.
 */
import { RequestBuildError } from '../errors.js';
import { isObject, type EncodingObject, type MediaTypeObject } from '../spec/openapi-types.js';
import { isFileArgument, readFileArgument } from './file-argument.js';
import { primitiveText, serializeQueryParam } from './serialize-param.js';

export interface EncodedBody {
  body: string | Uint8Array | FormData;
  /** The Content-Type header; absent for multipart, where fetch adds the boundary itself. */
  contentType?: string;
}

export function encodeBody(mediaType: string, media: MediaTypeObject, value: unknown): EncodedBody {
  const type = mediaType.toLowerCase();
  if (/^application\/([\w.-]+\+)?json\b|^[\w.-]+\/[\w.-]+\+json\b/.test(type)) return { body: JSON.stringify(value), contentType: mediaType };
  if (type.startsWith('application/x-www-form-urlencoded')) return { body: encodeForm(value, media.encoding ?? {}), contentType: mediaType };
  if (type.startsWith('multipart/')) return { body: encodeMultipart(value, media.encoding ?? {}) };
  if (type.startsWith('text/') || /xml|yaml|csv/.test(type)) {
    if (typeof value === 'string') return { body: value, contentType: mediaType };
    if (isFileArgument(value)) return { body: readFileArgument(value, 'body').bytes, contentType: mediaType };
    throw new RequestBuildError(`The body of a ${mediaType} request must be a string.`, 'Give the document text as "body".');
  }
  const file = readFileArgument(value, 'body');
  const contentType = type === '*/*' || type.endsWith('/*') ? (file.contentType ?? 'application/octet-stream') : mediaType;
  return { body: file.bytes, contentType };
}

/** form-urlencoded: each field by its `encoding` (form style, exploded, by default). */
function encodeForm(value: unknown, encoding: Record<string, EncodingObject>): string {
  if (!isObject(value)) throw new RequestBuildError('A form body must be an object of fields.', 'Give "body" as { "field": value, ... }.');
  const pieces: string[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const rule = encoding[name] ?? {};
    if (rule.contentType && /json/i.test(rule.contentType)) {
      pieces.push(...serializeQueryParam(name, JSON.stringify(field), { allowReserved: false }));
      continue;
    }
    const style = rule.style ?? 'form';
    pieces.push(...serializeQueryParam(name, field, { style, explode: rule.explode ?? style === 'form', allowReserved: rule.allowReserved ?? false }));
  }
  // application/x-www-form-urlencoded writes spaces as "+".
  return pieces.map((p) => p.replace(/%20/g, '+')).join('&');
}

/** multipart/form-data: files as file parts, objects as JSON parts, arrays as repeated parts. */
function encodeMultipart(value: unknown, encoding: Record<string, EncodingObject>): FormData {
  if (!isObject(value)) throw new RequestBuildError('A multipart body must be an object of parts.', 'Give "body" as { "field": value, "file": { "base64": "...", "filename": "a.png" } }.');
  const form = new FormData();
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const items = Array.isArray(field) && !(encoding[name]?.contentType ?? '').includes('json') ? field : [field];
    for (const item of items) appendPart(form, name, item, encoding[name]?.contentType);
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown, declaredType: string | undefined): void {
  if (isFileArgument(value)) {
    const file = readFileArgument(value, `body.${name}`);
    const type = file.contentType ?? firstType(declaredType) ?? 'application/octet-stream';
    form.append(name, new Blob([file.bytes], { type }), file.filename ?? name);
    return;
  }
  if (value !== null && typeof value === 'object') {
    form.append(name, new Blob([JSON.stringify(value)], { type: firstType(declaredType) ?? 'application/json' }));
    return;
  }
  const type = firstType(declaredType);
  if (type && !type.startsWith('text/plain')) form.append(name, new Blob([primitiveText(value)], { type }), name);
  else form.append(name, primitiveText(value));
}

/** An encoding's contentType may list several types; the first is used. */
function firstType(declared: string | undefined): string | undefined {
  return declared?.split(',')[0]?.trim() || undefined;
}
