// Tests for turning validated arguments and their bindings into an HTTP request.
import { describe, expect, test } from 'vitest';
import { buildRequest, type BuildRequestInput } from '../../src/http/build-request.js';
import { RequestBuildError } from '../../src/errors.js';
import type { ArgumentBinding } from '../../src/arguments/input-schema.js';
import type { ParameterLocation, ParameterObject } from '../../src/openapi/openapi-types.js';

const base = new URL('http://127.0.0.1:8080/api/v3');

/** A parameter binding as argumentBindings() would make it. */
function param(location: ParameterLocation, name: string, extra: Partial<ParameterObject> = {}): ArgumentBinding {
  return { key: name, location, name, parameter: { name, in: location, ...extra } };
}

function body(mediaType: string): ArgumentBinding {
  return { key: 'body', location: 'body', mediaType, media: { schema: { type: 'object' } } };
}

function build(overrides: Partial<BuildRequestInput>): ReturnType<typeof buildRequest> {
  return buildRequest({ method: 'get', path: '/', bindings: [], args: {}, baseUrl: base, ...overrides });
}

describe('buildRequest: URL', () => {
  test('keeps the base URL path prefix and substitutes path parameters', () => {
    const request = build({ path: '/pet/{petId}', bindings: [param('path', 'petId')], args: { petId: 1 } });
    expect(request.url.href).toBe('http://127.0.0.1:8080/api/v3/pet/1');
    expect(request.method).toBe('GET');
  });

  test('keeps the prefix when the base URL ends with a slash', () => {
    const request = build({ path: '/pet/{petId}', bindings: [param('path', 'petId')], args: { petId: 1 }, baseUrl: new URL('http://127.0.0.1:8080/api/v3/') });
    expect(request.url.pathname).toBe('/api/v3/pet/1');
  });

  test.each([
    { style: 'simple', explode: false, value: ['a', 'b'], want: '/api/v3/items/a,b' },
    { style: 'label', explode: true, value: ['a', 'b'], want: '/api/v3/items/.a.b' },
    { style: 'matrix', explode: false, value: 'x', want: '/api/v3/items/;id=x' },
  ])('serializes a path parameter in $style style', ({ style, explode, value, want }) => {
    const request = build({ path: '/items/{id}', bindings: [param('path', 'id', { style, explode })], args: { id: value } });
    expect(request.url.pathname).toBe(want);
  });

  test('a path value cannot add segments, a query or a fragment', () => {
    const request = build({ path: '/files/{name}', bindings: [param('path', 'name')], args: { name: '../a/b?c#d' } });
    expect(request.url.pathname).toBe('/api/v3/files/..%2Fa%2Fb%3Fc%23d');
    expect(request.url.search).toBe('');
    expect(request.url.hash).toBe('');
  });

  test.each(['..', '.'])('rejects the path value %j with RequestBuildError', (value) => {
    const input = { method: 'delete' as const, path: '/files/{name}', bindings: [param('path', 'name')], args: { name: value } };
    expect(() => build(input)).toThrow(RequestBuildError);
    expect(() => build(input)).toThrow(`A path parameter of DELETE /files/{name} is "${value}"`);
  });

  test.each([
    { style: 'simple', value: '' },
    { style: 'label', value: [] },
    { style: 'matrix', value: {} },
  ])('an empty $style path value is refused by name, not sent as an empty segment', ({ style, value }) => {
    const input = { path: '/items/{id}', bindings: [param('path', 'id', { style })], args: { id: value } };
    expect(() => build(input)).toThrow('The path parameter "id" of GET /items/{id} is empty.');
  });

  test('a fragment that tells apart operations on one path and method is not sent', () => {
    const request = build({ method: 'put', path: '/files/{file_id}#add_shared_link', bindings: [param('path', 'file_id')], args: { file_id: '12345' } });
    expect(request.url.href).toBe('http://127.0.0.1:8080/api/v3/files/12345');
  });

  test('a query written into the path template is sent as a query, before the declared parameters', () => {
    const request = build({ path: '/rest?method=flickr.photos.search', bindings: [param('query', 'text')], args: { text: 'cats' } });
    expect(request.url.pathname).toBe('/api/v3/rest');
    expect(request.url.search).toBe('?method=flickr.photos.search&text=cats');
  });

  test("the template query's {variables} are filled from path parameters; one without a value is left out", () => {
    const bindings = [param('path', 'date_from'), param('path', 'q')];
    const path = '/fax/history?date_from={date_from}&q={q}';
    expect(build({ path, bindings, args: { date_from: 1700000000, q: 'a b&c' } }).url.search).toBe('?date_from=1700000000&q=a%20b%26c');
    expect(build({ path, bindings, args: { date_from: 1700000000 } }).url.search).toBe('?date_from=1700000000');
  });

  test('a required parameter that allows one value only is sent when left out; one given, or an optional one, is left as it is', () => {
    const target = param('header', 'X-Amz-Target', { required: true, schema: { type: 'string', enum: ['DynamoDB_20120810.GetItem'] } });
    const version = param('query', 'Version', { required: true, schema: { const: '2012-11-05' } });
    const optional = param('query', 'mode', { schema: { type: 'string', enum: ['fast'] } });
    const request = build({ method: 'post', bindings: [target, version, optional] });
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.url.search).toBe('?Version=2012-11-05');
    const nullish = param('query', 'mode', { required: true, schema: { enum: [null] } });
    expect(build({ bindings: [nullish] }).url.search).toBe('');
    const given = build({ method: 'post', bindings: [target, version], args: { 'X-Amz-Target': 'other', Version: '2020-01-01' } });
    expect(given.headers['x-amz-target']).toBe('other');
    expect(given.url.search).toBe('?Version=2020-01-01');
  });

  test('an Accept-Language header left out is sent as its default (EVE Online\'s enum refuses fetch\'s own "*"); one given, or one with no default, is left as it is', () => {
    const language = param('header', 'Accept-Language', { schema: { type: 'string', enum: ['de', 'en-us'], default: 'en-us' } });
    expect(build({ bindings: [language] }).headers['accept-language']).toBe('en-us');
    expect(build({ bindings: [language], args: { 'Accept-Language': 'de' } }).headers['accept-language']).toBe('de');
    const free = param('header', 'Accept-Language', { schema: { type: 'string' } });
    expect(build({ bindings: [free] }).headers['accept-language']).toBeUndefined();
  });

  test('a path template with no value for a variable is reported, not sent', () => {
    expect(() => build({ path: '/pet/{petId}' })).toThrow(/needs a value for \{petId\}/);
  });

  test('joins query parameters with & in declaration order', () => {
    const request = build({
      path: '/pet/findByStatus',
      bindings: [param('query', 'status'), param('query', 'tags', { explode: false }), param('query', 'limit')],
      args: { status: 'sold', tags: ['a b', 'c'], limit: 10 },
    });
    expect(request.url.search).toBe('?status=sold&tags=a%20b,c&limit=10');
  });

  test('leaves out arguments that were not given', () => {
    const request = build({ bindings: [param('query', 'a'), param('query', 'b')], args: { b: 2 } });
    expect(request.url.search).toBe('?b=2');
  });

  test('a query parameter with content is sent as JSON text', () => {
    const request = build({
      bindings: [param('query', 'coordinates', { content: { 'application/json': { schema: { type: 'object' } } } })],
      args: { coordinates: { lat: 1, long: 2 } },
    });
    expect(request.url.searchParams.get('coordinates')).toBe('{"lat":1,"long":2}');
  });
});

describe('buildRequest: headers and cookies', () => {
  test('sets header parameters under their lowercase name', () => {
    const request = build({ bindings: [param('header', 'X-Request-Id'), param('header', 'X-Tags')], args: { 'X-Request-Id': 'abc', 'X-Tags': ['a', 'b'] } });
    expect(request.headers['x-request-id']).toBe('abc');
    expect(request.headers['x-tags']).toBe('a,b');
  });

  test.each(['a\r\nX-Injected: 1', 'a\nb', 'a\0b'])('rejects a header value with a line break or NUL: %j', (value) => {
    expect(() => build({ bindings: [param('header', 'X-Trace')], args: { 'X-Trace': value } })).toThrow(RequestBuildError);
  });

  test('rejects a header value beyond Latin-1, saying so', () => {
    expect(() => build({ bindings: [param('header', 'X-Trace')], args: { 'X-Trace': 'café ☕' } })).toThrow(
      'The header parameter "X-Trace" contains characters beyond Latin-1, which an HTTP header cannot carry.',
    );
    expect(build({ bindings: [param('header', 'X-Trace')], args: { 'X-Trace': 'café' } }).headers['x-trace']).toBe('café');
  });

  test.each(['Host', 'Authorization', 'Cookie', 'Content-Length', 'Transfer-Encoding', 'Proxy-Authorization', 'Connection'])(
    'rejects a header parameter named %s',
    (name) => {
      expect(() => build({ bindings: [param('header', name)], args: { [name]: 'x' } })).toThrow(`The header parameter "${name}" cannot be set by arguments.`);
    },
  );

  test('joins cookie parameters into one Cookie header', () => {
    const request = build({ bindings: [param('cookie', 'session'), param('cookie', 'theme')], args: { session: 'a b', theme: 'dark' } });
    expect(request.headers.cookie).toBe('session=a%20b; theme=dark');
  });

  test.each([
    { types: ['application/xml', 'application/json'], want: 'application/json' },
    { types: ['application/json', 'application/problem+json', 'application/json'], want: 'application/json, application/problem+json' },
    { types: ['text/plain', 'application/octet-stream'], want: 'text/plain, application/octet-stream' },
    { types: [], want: 'application/json, */*;q=0.8' },
  ])('chooses Accept $want from the response media types $types', ({ types, want }) => {
    expect(build({ responseMediaTypes: types }).headers.accept).toBe(want);
  });
});

describe('buildRequest: body', () => {
  test('sends a JSON body with its content type', () => {
    const request = build({ method: 'post', path: '/pet', bindings: [body('application/json')], args: { body: { name: 'Rex', tags: ['a'] } } });
    expect(request.method).toBe('POST');
    expect(request.body).toBe('{"name":"Rex","tags":["a"]}');
    expect(request.headers['content-type']).toBe('application/json');
  });

  test('sends a form-urlencoded body as form fields', () => {
    const request = build({
      method: 'post',
      path: '/pet/{id}',
      bindings: [param('path', 'id'), body('application/x-www-form-urlencoded')],
      args: { id: 7, body: { name: 'Rex Max', status: 'sold', tags: ['a', 'b'] } },
    });
    expect(request.body).toBe('name=Rex+Max&status=sold&tags=a&tags=b');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.url.pathname).toBe('/api/v3/pet/7');
  });

  test('sends no body when none is given', () => {
    expect(build({ method: 'post', bindings: [body('application/json')] }).body).toBeUndefined();
  });
});
