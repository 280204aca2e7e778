/** @module Converts a Swagger 2.0 document to OpenAPI 3.0 (formData, collectionFormat, basePath, consumes, securityDefinitions). */
import { describeError, SpecLoadError } from '../errors.js';
import type { OpenApiDocument } from './openapi-types.js';
import { restoreFormArrayFormats } from './swagger2-form-arrays.js';

/**
 * swagger2openapi is the maintained reference converter; writing our own would re-derive its
 * many edge cases (collectionFormat to style/explode, formData to request bodies, host/basePath to servers).
 */
export async function convertSwagger2(document: unknown, where: string): Promise<{ document: OpenApiDocument; warnings: string[] }> {
  // @ts-expect-error swagger2openapi ships no types; the one function used is typed here.
  const converter = (await import('swagger2openapi')) as { convertObj(doc: unknown, options: Record<string, unknown>): Promise<{ openapi: OpenApiDocument }> };
  const { convertObj } = converter;
  const warnings: string[] = [];
  try {
    const result = await convertObj(structuredClone(document), {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: false,
      warnProperty: 'x-s2o-warning',
    });
    warnings.push(...restoreFormArrayFormats(document, result.openapi));
    return { document: result.openapi, warnings };
  } catch (error) {
    throw new SpecLoadError(`Cannot convert the Swagger 2.0 document ${where} to OpenAPI 3: ${describeError(error)}`, {
      hint: 'Run `openapi-dynamic-mcp lint` on it to see what is wrong.',
      cause: error,
    });
  }
}
