/**
 * @module Swagger 2.0 `formData` arrays keep their `collectionFormat` through conversion. swagger2openapi
 * turns `formData` parameters into a request body but drops it, so "a,b" (csv, the Swagger 2.0 default)
 * would go as repeated fields; here each becomes its field's Encoding Object `style` and `explode`.
 */
import type { EncodingObject, OpenApiDocument } from './openapi-types.js';
import { httpMethods } from '../base/http-methods.js';
import { isObject } from '../base/json.js';

const styles: Record<string, EncodingObject> = {
  csv: { style: 'form', explode: false },
  ssv: { style: 'spaceDelimited', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
  multi: { style: 'form', explode: true },
};

/** Adds the encodings to `converted` in place; returns a warning per array whose format OpenAPI 3 cannot say (tsv). */
export function restoreFormArrayFormats(original: unknown, converted: OpenApiDocument): string[] {
  const warnings: string[] = [];
  if (!isObject(original) || !isObject(original.paths)) return warnings;
  const shared = isObject(original.parameters) ? original.parameters : {};
  for (const [path, item] of Object.entries(original.paths)) {
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const content = requestContent(converted, path, method);
      if (!content) continue;
      for (const parameter of formArrays(item.parameters, operation.parameters, shared)) {
        const format = typeof parameter.collectionFormat === 'string' ? parameter.collectionFormat : 'csv';
        const encoding = styles[format];
        if (!encoding) {
          warnings.push(
            `${method.toUpperCase()} ${path}: the formData array "${parameter.name}" uses collectionFormat ${format}, which OpenAPI 3 cannot express; its items go as repeated fields.`,
          );
          continue;
        }
        for (const [mediaType, media] of Object.entries(content)) {
          if (!/^(application\/x-www-form-urlencoded|multipart\/)/i.test(mediaType) || !isObject(media)) continue;
          const encodings = (media.encoding ??= {}) as Record<string, EncodingObject>;
          encodings[parameter.name as string] = { ...encoding, ...encodings[parameter.name as string] };
        }
      }
    }
  }
  return warnings;
}

/** The `formData` array parameters of an operation, its own overriding its path's by name. */
function formArrays(pathParameters: unknown, operationParameters: unknown, shared: Record<string, unknown>): Record<string, unknown>[] {
  const byName = new Map<string, Record<string, unknown>>();
  for (const list of [pathParameters, operationParameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolveShared(entry, shared);
      if (parameter?.in === 'formData' && typeof parameter.name === 'string') byName.set(parameter.name, parameter);
    }
  }
  return [...byName.values()].filter((p) => p.type === 'array');
}

function resolveShared(entry: unknown, shared: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!isObject(entry)) return undefined;
  if (typeof entry.$ref !== 'string') return entry;
  const name = /^#\/parameters\/([^/]+)$/.exec(entry.$ref)?.[1];
  const target = name === undefined ? undefined : shared[decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~')];
  return isObject(target) ? target : undefined;
}

/** The converted operation's inline request body content; a shared (`$ref`) body is left as it is. */
function requestContent(converted: OpenApiDocument, path: string, method: string): Record<string, unknown> | undefined {
  const operation = converted.paths?.[path]?.[method];
  if (!isObject(operation) || !isObject(operation.requestBody)) return undefined;
  return isObject(operation.requestBody.content) ? operation.requestBody.content : undefined;
}
