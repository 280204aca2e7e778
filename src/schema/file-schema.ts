/** @module Files in schemas: what a binary schema looks like in a document, and the input schema a file argument takes instead. */
import { isObject, type JsonObject } from '../base/json.js';

/** How an object is sent where the document declares only a raw type (a file's bytes) for a body it describes as an object. */
export const objectBodyType = 'application/json';

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

/** Whether a schema describes an object by its properties, not a file. */
export function describesObject(schema: unknown): boolean {
  return isObject(schema) && isObject(schema.properties) && Object.keys(schema.properties).length > 0 && !isFileSchema(schema);
}

/** A schema for a file: raw bytes (see `isBinarySchema`), or Swagger 2's "format: file" ("type: object, format: file" in Azure's documents). */
export function isFileSchema(schema: unknown): boolean {
  return isBinarySchema(schema) || (isObject(schema) && schema.format === 'file');
}

/** A schema for raw bytes: `format: binary`, or (OpenAPI 3.1) a `contentMediaType` without `contentEncoding`. */
export function isBinarySchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const stringType = schema.type === undefined || schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  if (!stringType) return false;
  return schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined);
}
