// Tests for encoding the body argument by its media type and the Encoding Objects of its fields.
import { describe, expect, test } from 'vitest';
import { encodeBody } from '../../src/http/encode-body.js';
import { RequestBuildError } from '../../src/errors.js';
import type { EncodingObject } from '../../src/openapi/openapi-types.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('encodeBody', () => {
  test.each([
    { mediaType: 'application/json', value: [1, 'a'], want: '[1,"a"]' },
    { mediaType: 'application/merge-patch+json', value: { a: null }, want: '{"a":null}' },
    { mediaType: 'application/vnd.api+json; charset=utf-8', value: { a: 1 }, want: '{"a":1}' },
    { mediaType: 'application/json', value: 'text', want: '"text"' },
    // JSON under a text type (ASP.NET documents declare text/json beside application/json).
    { mediaType: 'text/json', value: { Value: 71.5 }, want: '{"Value":71.5}' },
    { mediaType: 'application/x-www-form-urlencoded', value: { q: 'a+b&c' }, want: 'q=a%2Bb%26c' },
    { mediaType: 'application/x-www-form-urlencoded', value: { name: 'Rex Max', tags: ['a', 'b'] }, want: 'name=Rex+Max&tags=a&tags=b' },
    { mediaType: 'text/plain', value: 'hello', want: 'hello' },
    { mediaType: 'application/xml', value: '<a/>', want: '<a/>' },
  ])('encodes $value as $mediaType: $want', ({ mediaType, value, want }) => {
    const encoded = encodeBody(mediaType, {}, value);
    expect(encoded.body).toBe(want);
    expect(encoded.contentType).toBe(mediaType);
  });

  // The example of https://spec.openapis.org/oas/v3.1.1#example-url-encoded-form-with-json-values, with no `encoding`.
  test('form: without encoding, an object field goes as JSON and a string as its text', () => {
    const address = { streetAddress: '123 Example Dr.', city: 'Somewhere', state: 'CA', zip: '99999+1234' };
    const encoded = encodeBody('application/x-www-form-urlencoded', {}, { id: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6', address });
    expect(encoded.body).toBe(
      'id=f81d4fae-7dec-11d0-a765-00a0c91e6bf6&address=%7B%22streetAddress%22%3A%22123+Example+Dr.%22%2C%22city%22%3A%22Somewhere%22%2C%22state%22%3A%22CA%22%2C%22zip%22%3A%2299999%2B1234%22%7D',
    );
  });

  test.each<{ name: string; encoding: Record<string, EncodingObject>; value: Record<string, unknown>; want: string }>([
    {
      name: 'a JSON contentType makes a string a JSON string',
      encoding: { id: { contentType: 'application/json' } },
      value: { id: 'f81d4fae' },
      want: 'id=%22f81d4fae%22',
    },
    { name: 'an array goes one field per item, objects as JSON', encoding: {}, value: { p: [{ x: 1 }, 2] }, want: 'p=%7B%22x%22%3A1%7D&p=2' },
    {
      name: 'a JSON contentType applies to each item of an array',
      encoding: { ids: { contentType: 'application/json' } },
      value: { ids: ['a', 'b'] },
      want: 'ids=%22a%22&ids=%22b%22',
    },
    { name: 'style form explodes an object into its fields', encoding: { o: { style: 'form' } }, value: { o: { a: 1, b: 'x y' } }, want: 'a=1&b=x+y' },
    {
      name: 'explode alone asks for style, and the contentType is ignored',
      encoding: { o: { explode: false, contentType: 'application/json' } },
      value: { o: { a: 1 } },
      want: 'o=a,1',
    },
    {
      name: 'deepObject names each property',
      encoding: { filter: { style: 'deepObject', explode: true } },
      value: { filter: { status: 'open' } },
      want: 'filter%5Bstatus%5D=open',
    },
    { name: 'allowReserved keeps reserved characters', encoding: { next: { allowReserved: true } }, value: { next: '/a?b' }, want: 'next=/a?b' },
  ])('form: $name', ({ encoding, value, want }) => {
    expect(encodeBody('application/x-www-form-urlencoded', { encoding }, value).body).toBe(want);
  });

  test('form fields follow their encoding: style, explode and JSON content', () => {
    const encoded = encodeBody(
      'application/x-www-form-urlencoded',
      { encoding: { ids: { style: 'pipeDelimited', explode: false }, meta: { contentType: 'application/json' } } },
      { ids: [1, 2], meta: { a: 1 } },
    );
    expect(encoded.body).toBe('ids=1%7C2&meta=%7B%22a%22%3A1%7D');
  });

  test('binary bodies are decoded from base64 and keep the declared type', () => {
    const encoded = encodeBody('image/png', {}, { base64: png.toString('base64') });
    expect(Buffer.from(encoded.body as Uint8Array)).toEqual(png);
    expect(encoded.contentType).toBe('image/png');
  });

  test('an octet-stream body given as text is sent as UTF-8', () => {
    const encoded = encodeBody('application/octet-stream', {}, 'héllo');
    expect(Buffer.from(encoded.body as Uint8Array).toString('utf8')).toBe('héllo');
  });

  test('a wildcard media type takes the file its own content type', () => {
    expect(encodeBody('*/*', {}, { base64: 'AA==', contentType: 'image/gif' }).contentType).toBe('image/gif');
  });

  test('multipart: one body with its boundary in the Content-Type (the parts are tested in encode-multipart.test.ts)', () => {
    const encoded = encodeBody('multipart/form-data', {}, { caption: 'A dog' }, { boundary: 'XyZ' });
    expect(encoded.contentType).toBe('multipart/form-data; boundary=XyZ');
    expect(Buffer.from(encoded.body as Uint8Array).toString('utf8')).toBe(
      '--XyZ\r\nContent-Disposition: form-data; name="caption"\r\n\r\nA dog\r\n--XyZ--\r\n',
    );
  });

  test.each([
    ['a multipart body that is not an object', 'multipart/form-data', 'x', 'A multipart body must be an object of parts.'],
    ['a text body that is an object', 'text/plain', { a: 1 }, 'must be a string'],
    ['a binary body with broken base64', 'application/octet-stream', { base64: '***' }, 'body.base64 is not valid base64.'],
  ])('refuses %s with a clear message', (_name, mediaType, value, message) => {
    expect(() => encodeBody(mediaType, {}, value)).toThrow(RequestBuildError);
    expect(() => encodeBody(mediaType, {}, value)).toThrow(message);
  });
});
