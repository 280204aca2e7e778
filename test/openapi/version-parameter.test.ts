import { describe, expect, test } from 'vitest';
import type { ParameterObject } from '../../src/openapi/openapi-types.js';
import { withDocumentVersion as withVersions } from '../../src/openapi/version-parameter.js';

const withDocumentVersion = (p: ParameterObject, version: string) => withVersions([p], version)[0]!;

const apiVersion = (extra: Partial<ParameterObject> & Record<string, unknown> = {}): ParameterObject => ({
  name: 'api-version',
  in: 'query',
  required: true,
  schema: { type: 'string' },
  ...extra,
});

const defaultOf = (p: ParameterObject) => (p.schema as { default?: unknown }).default;

describe('a required API-version parameter given no value', () => {
  test("takes the document's version when that is dated", () => {
    expect(defaultOf(withDocumentVersion(apiVersion(), '2019-03-01'))).toBe('2019-03-01');
    expect(defaultOf(withDocumentVersion(apiVersion(), '2016-04-30-preview'))).toBe('2016-04-30-preview');
    expect(defaultOf(withDocumentVersion(apiVersion({ name: 'Api-Version', in: 'header' }), '2020-01-01'))).toBe('2020-01-01');
  });

  test('takes the value its examples agree on before the document version', () => {
    const examples = { a: { value: '2018-12-03' }, b: { value: '2018-12-03' } };
    expect(defaultOf(withDocumentVersion(apiVersion({ examples }), '1.0'))).toBe('2018-12-03');
    expect(defaultOf(withDocumentVersion(apiVersion({ example: '7.1' }), '2019-03-01'))).toBe('7.1');
    // Examples that disagree say nothing.
    const mixed = { a: { value: '2018-12-03' }, b: { value: '2019-01-01' } };
    expect(defaultOf(withDocumentVersion(apiVersion({ examples: mixed }), '2019-03-01'))).toBe('2019-03-01');
  });

  test('is left as it is when the document already says, when it is optional, or when the version is not a date', () => {
    const cases: [ParameterObject, string][] = [
      [apiVersion(), '1.0.0'],
      [apiVersion({ required: false }), '2019-03-01'],
      [apiVersion({ schema: { type: 'string', default: '2018-01-01' } }), '2019-03-01'],
      [apiVersion({ schema: { type: 'string', enum: ['2018-01-01', '2019-03-01'] } }), '2019-03-01'],
      [apiVersion({ schema: { type: 'integer' } }), '2019-03-01'],
      [apiVersion({ schema: { $ref: '#/components/schemas/Version' } }), '2019-03-01'],
      [apiVersion({ name: 'version' }), '2019-03-01'],
      [apiVersion({ in: 'path' }), '2019-03-01'],
    ];
    for (const [parameter, version] of cases) expect(withDocumentVersion(parameter, version)).toBe(parameter);
  });
});
