// Tests for the security of operations that state none, in a document that sets no default.
import { describe, expect, test } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/openapi-types.js';
import { securityOfDocument } from '../../src/openapi/security-of-document.js';

const documentWith = (paths: Record<string, unknown>): OpenApiDocument =>
  ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    components: { securitySchemes: { o: { type: 'oauth2' }, k: { type: 'apiKey' } } },
    paths,
  }) as OpenApiDocument;

describe('the security of an operation that states none', () => {
  test('the scheme sets other operations require, each with every scope asked of it, optional', () => {
    const document = documentWith({
      '/a': { get: { security: [{ o: ['read'] }] } },
      '/b': { post: { security: [{ o: ['write'] }, { k: [] }] } },
      '/c': { get: {} },
    });
    expect(securityOfDocument(document).security).toEqual([{ o: ['read', 'write'] }, { k: [] }, {}]);
  });

  test('none when every operation states its own, or the document sets a default', () => {
    expect(securityOfDocument(documentWith({ '/a': { get: { security: [{ o: [] }] } } })).security).toEqual([]);
    expect(securityOfDocument({ ...documentWith({ '/c': { get: {} } }), security: [{ k: [] }] }).security).toEqual([{ k: [] }]);
  });
});
