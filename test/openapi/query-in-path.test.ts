// Tests for reading a query written into a path template as the query parameters it names.
import { describe, expect, test } from 'vitest';
import type { ParameterObject } from '../../src/openapi/openapi-types.js';
import { queryInPath } from '../../src/openapi/query-in-path.js';

const inPath = (name: string): ParameterObject => ({ name, in: 'path', required: true, schema: { type: 'string' } });

describe('a query written into a path template', () => {
  test("ClickSend's fax history: each variable becomes an optional query parameter, and the path loses its query", () => {
    const normal = queryInPath('/fax/history?date_from={date_from}&q={q}', [inPath('date_from'), inPath('q')]);
    expect(normal?.path).toBe('/fax/history');
    expect(normal?.parameters).toEqual([
      { name: 'date_from', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  test('a variable under another name is sent under the name the query gives it; a path variable stays a path parameter', () => {
    const normal = queryInPath('/locations/search/{country}/?q={query}', [inPath('country'), inPath('query')]);
    expect(normal?.path).toBe('/locations/search/{country}/');
    expect(normal?.parameters.map((p) => `${p.in} ${p.name} ${p.required}`)).toEqual(['path country true', 'query q false']);
  });

  test('a variable written as the name ("{search}=1", its value an example) names the parameter', () => {
    const normal = queryInPath('/numbers/search/{country}?{search}=1&{search_type}=2', [inPath('country'), inPath('search'), inPath('search_type')]);
    expect(normal?.path).toBe('/numbers/search/{country}');
    expect(normal?.moved).toEqual(['search', 'search_type']);
  });

  test.each([
    { given: '/x?from={d}&to={d}', want: undefined, why: 'a variable in two pairs' },
    { given: '/x?{k}={v}', want: undefined, why: 'a pair of two variables' },
    { given: '/x?q={q}', want: undefined, why: 'a query parameter of that name already declared', query: 'q' },
    { given: '/x?a={a}#Op', want: '/x#Op', why: 'a fragment after the query' },
    { given: '/x?&a={a}', want: '/x', why: 'an empty pair' },
  ])('$why: $given is served as $want', ({ given, want, query }) => {
    const names = [...given.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const parameters = [...new Set(names)].map(inPath);
    if (query) parameters.push({ name: query, in: 'query', schema: { type: 'string' } });
    expect(queryInPath(given, parameters)?.path).toBe(want);
  });

  test('a moved parameter leaves its path style behind', () => {
    const normal = queryInPath('/x?a={a}', [{ ...inPath('a'), style: 'matrix', explode: true }]);
    expect(normal?.parameters[0]).toEqual({ name: 'a', in: 'query', required: false, schema: { type: 'string' } });
  });

  test('fixed pairs stay in the path; a template with no variable of a declared path parameter is left as it is', () => {
    expect(queryInPath('/rest?method=flickr.photos.search', [])).toBeUndefined();
    expect(queryInPath('/icons?term={term}', [{ name: 'term', in: 'query', schema: { type: 'string' } }])).toBeUndefined();
    expect(queryInPath('/jobs?op=LIST&from={from}', [inPath('from')])?.path).toBe('/jobs?op=LIST');
    expect(queryInPath('/plain/{id}', [inPath('id')])).toBeUndefined();
  });
});
