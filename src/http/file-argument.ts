/** @module Files in arguments: given as text, or as `{ base64, filename?, contentType? }`; and the schema that says so. */
import { RequestBuildError } from '../errors.js';
import { isObject, type JsonObject } from '../base/json.js';

export interface FileValue {
  bytes: Uint8Array;
  filename?: string;
  contentType?: string;
}

/** The input schema of a file: its text, or its bytes in base64 with an optional name and type. */
export function fileArgumentSchema(description?: string): JsonObject {
  const schema: JsonObject = {
    anyOf: [
      { type: 'string', description: 'The file content as text.' },
      {
        type: 'object',
        properties: {
          base64: { type: 'string', contentEncoding: 'base64', description: 'The file content, base64-encoded.' },
          filename: { type: 'string' },
          contentType: { type: 'string', description: 'e.g. image/png' },
        },
        required: ['base64'],
        additionalProperties: false,
      },
    ],
  };
  if (description) schema.description = description;
  return schema;
}

/** A schema for raw bytes: `format: binary`, or (OpenAPI 3.1) a `contentMediaType` without `contentEncoding`. */
export function isBinarySchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const stringType = schema.type === undefined || schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  if (!stringType) return false;
  return schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined);
}

export function isFileArgument(value: unknown): value is { base64: string; filename?: string; contentType?: string } {
  return isObject(value) && typeof value.base64 === 'string';
}

/** Decodes a file argument; text is sent as UTF-8. */
export function readFileArgument(value: unknown, where: string): FileValue {
  if (typeof value === 'string') return { bytes: new TextEncoder().encode(value) };
  if (isFileArgument(value)) {
    const clean = value.base64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new RequestBuildError(`${where}.base64 is not valid base64.`, 'Encode the file with standard base64.');
    const file: FileValue = { bytes: new Uint8Array(Buffer.from(clean, 'base64')) };
    if (value.filename) file.filename = value.filename;
    if (value.contentType) file.contentType = value.contentType;
    return file;
  }
  throw new RequestBuildError(`${where} must be the file's text or { "base64": "...", "filename": "...", "contentType": "..." }.`);
}
