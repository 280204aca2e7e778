// Tests for finding the binary properties of a multipart body schema.
import { describe, expect, test } from 'vitest';
import { fileProperties } from '../../src/http/file-properties.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { readerFor } from '../support/settings.js';

const docUrl = 'file:///api/openapi.json';
const document = {
  components: {
    schemas: {
      Binary: { type: 'string', format: 'binary' },
      Upload: { type: 'object', properties: { file: { $ref: '#/components/schemas/Binary' }, note: { type: 'string' } } },
    },
  },
};
const lookup = { resolver: new RefResolver(docUrl, document, { reader: readerFor(docUrl) }), docUrl };

describe('fileProperties', () => {
  test.each([
    { name: 'format: binary', schema: { properties: { doc: { type: 'string', format: 'binary' }, id: { type: 'integer' } } }, want: ['doc'] },
    {
      name: 'OpenAPI 3.1 contentMediaType without contentEncoding',
      schema: {
        properties: {
          doc: { type: 'string', contentMediaType: 'image/png' },
          b64: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
        },
      },
      want: ['doc'],
    },
    { name: 'an array of binary items', schema: { properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } }, want: ['files'] },
    { name: 'a property through $ref', schema: { properties: { doc: { $ref: '#/components/schemas/Binary' } } }, want: ['doc'] },
    { name: 'array items through $ref', schema: { properties: { files: { type: 'array', items: { $ref: '#/components/schemas/Binary' } } } }, want: ['files'] },
    { name: 'the body schema through $ref', schema: { $ref: '#/components/schemas/Upload' }, want: ['file'] },
    {
      name: 'allOf members',
      schema: { allOf: [{ $ref: '#/components/schemas/Upload' }, { properties: { extra: { format: 'binary' } } }] },
      want: ['file', 'extra'],
    },
    { name: 'a $ref that does not resolve', schema: { properties: { doc: { $ref: '#/components/schemas/Missing' } } }, want: [] },
    { name: 'no schema', schema: undefined, want: [] },
  ])('$name', ({ schema, want }) => {
    expect([...fileProperties(schema, lookup)]).toEqual(want);
  });

  test('without a lookup only inline schemas are read', () => {
    expect([...fileProperties({ properties: { doc: { $ref: '#/components/schemas/Binary' }, raw: { format: 'binary' } } })]).toEqual(['raw']);
  });
});
