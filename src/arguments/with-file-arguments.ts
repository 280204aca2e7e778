/** @module A request body's schema as the media type takes it: binary parts as file arguments, an XML object or its text, an object or a file. */
import { isObject, type JsonObject } from '../base/json.js';
import { describesObject, fileArgumentSchema, isBinarySchema, objectBodyType } from '../schema/file-schema.js';
import { followDefs } from '../schema/local-defs.js';

/**
 * Where the media type carries raw bytes (multipart parts, octet-stream and other binary bodies),
 * binary schemas become file arguments: text, or `{ base64, filename, contentType }`.
 */
export function withFileArguments(
  mediaType: string,
  schema: JsonObject | boolean,
  defs: Record<string, unknown>,
  bodyDescription?: string,
  xmlAttributes: readonly string[] = [],
): JsonObject | boolean {
  const type = mediaType.toLowerCase();
  const structured = /json|x-www-form-urlencoded/.test(type);
  if (type.startsWith('multipart/')) return withFileParts(schema, defs);
  if (structured) return schema;
  // "format: byte" (base64) is how JSON carries bytes; a text body is its bytes (InfluxDB's line protocol says byte).
  // An XML body the schema describes as an object takes that object, written as XML (see encode-xml), or the XML text.
  if (/xml/.test(type) && describesObject(followDefs(schema, defs)))
    return { anyOf: [schema, { type: 'string', description: 'The XML document as text.' }], description: xmlNote(bodyDescription, xmlAttributes) };
  if (type.startsWith('text/') || /xml|yaml|csv/.test(type)) return isObject(schema) && schema.format === 'byte' ? withoutFormat(schema) : schema;
  const description = isObject(schema) && typeof schema.description === 'string' ? schema.description : undefined;
  const file = fileArgumentSchema(description);
  if (!describesObject(followDefs(schema, defs))) return file;
  // Google's documents give upload types ("message/rfc822", "application/octet-stream") the resource's JSON
  // schema: the object is what the API takes as JSON there, and the file what it takes on its upload path.
  return { ...file, anyOf: [schema, ...(file.anyOf as unknown[])], description: objectOrFileNote(mediaType, bodyDescription ?? description) };
}

function xmlNote(description: string | undefined, attributes: readonly string[]): string {
  const asAttributes = attributes.length ? ` (${attributes.join(', ')} as attributes)` : '';
  const note = `An object as the schema says is sent as XML, its elements named as the schema names them${asAttributes}; or give the XML text.`;
  return description ? `${description} ${note}` : note;
}

function withoutFormat(schema: JsonObject): JsonObject {
  const rest = { ...schema };
  delete rest.format;
  return rest;
}

function objectOrFileNote(mediaType: string, description: string | undefined): string {
  const fileType = mediaType.endsWith('/*') ? 'its contentType (application/octet-stream if none)' : mediaType;
  const note = `An object as the schema says is sent as JSON (${objectBodyType}); text or a file is sent as ${fileType}.`;
  return description ? `${description} ${note}` : note;
}

/**
 * A multipart schema with its binary parts (and arrays of them) as file arguments. Generated documents
 * (FastAPI's `Body_upload_file`) put the parts in a named schema, so `$ref`s into `$defs` and `allOf`
 * members are read through; what changes is a copy, and the shared definition stays as it was.
 */
function withFileParts(schema: unknown, defs: Record<string, unknown>, depth = 0): JsonObject | boolean {
  const resolved = followDefs(schema, defs);
  if (!isObject(resolved) || depth > 8) return schema as JsonObject | boolean;
  let changed = false;
  const out: JsonObject = { ...resolved };
  if (isObject(resolved.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(resolved.properties).map(([name, part]) => {
        const read = followDefs(part, defs);
        if (isBinarySchema(read)) {
          changed = true;
          return [name, fileArgumentSchema(isObject(read) && typeof read.description === 'string' ? read.description : undefined)];
        }
        if (isObject(read) && read.type === 'array' && isBinarySchema(followDefs(read.items, defs))) {
          changed = true;
          return [name, { ...read, items: fileArgumentSchema() }];
        }
        return [name, part];
      }),
    );
  }
  if (Array.isArray(resolved.allOf)) {
    out.allOf = resolved.allOf.map((member) => {
      const next = withFileParts(member, defs, depth + 1);
      if (next !== member) changed = true;
      return next;
    });
  }
  return changed ? out : (schema as JsonObject | boolean);
}
