import { describe, expect, test } from 'vitest';
import { encodeBody } from '../../src/http/encode-body.js';
import { RequestBuildError } from '../../src/errors.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('encodeBody', () => {
  test.each([
    { mediaType: 'application/json', value: [1, 'a'], want: '[1,"a"]' },
    { mediaType: 'application/merge-patch+json', value: { a: null }, want: '{"a":null}' },
    { mediaType: 'application/vnd.api+json; charset=utf-8', value: { a: 1 }, want: '{"a":1}' },
    { mediaType: 'application/json', value: 'text', want: '"text"' },
    { mediaType: 'application/x-www-form-urlencoded', value: { q: 'a+b&c' }, want: 'q=a%2Bb%26c' },
    { mediaType: 'application/x-www-form-urlencoded', value: { name: 'Rex Max', tags: ['a', 'b'] }, want: 'name=Rex+Max&tags=a&tags=b' },
    { mediaType: 'text/plain', value: 'hello', want: 'hello' },
    { mediaType: 'application/xml', value: '<a/>', want: '<a/>' },
  ])('encodes $value as $mediaType: $want', ({ mediaType, value, want }) => {
    const encoded = encodeBody(mediaType, {}, value);
    expect(encoded.body).toBe(want);
    expect(encoded.contentType).toBe(mediaType);
  });

  test('form fields follow their encoding: style, explode and JSON content', () => {
    const encoded = encodeBody('application/x-www-form-urlencoded', { encoding: { ids: { style: 'pipeDelimited', explode: false }, meta: { contentType: 'application/json' } } }, { ids: [1, 2], meta: { a: 1 } });
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

  test('multipart: files become file parts, objects JSON parts, arrays repeated parts; no Content-Type so fetch adds the boundary', async () => {
    const encoded = encodeBody('multipart/form-data', { encoding: { photo: { contentType: 'image/png' } } }, {
      caption: 'A dog',
      photo: { base64: png.toString('base64'), filename: 'dog.png' },
      meta: { width: 2 },
      tags: ['a', 'b'],
    });
    expect(encoded.contentType).toBeUndefined();
    const form = encoded.body as FormData;
    expect(form.get('caption')).toBe('A dog');
    const photo = form.get('photo') as File;
    expect(photo.name).toBe('dog.png');
    expect(photo.type).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(png);
    const meta = form.get('meta') as File;
    expect(meta.type).toBe('application/json');
    expect(await meta.text()).toBe('{"width":2}');
    expect(form.getAll('tags')).toEqual(['a', 'b']);
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
