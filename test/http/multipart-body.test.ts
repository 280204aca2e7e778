// Tests for writing multipart/form-data bodies byte for byte.
import { describe, expect, test } from 'vitest';
import { RequestBuildError } from '../../src/errors.js';
import { randomBoundary, serializeMultipart, type MultipartPart } from '../../src/http/multipart-body.js';

const text = (parts: MultipartPart[]) => Buffer.from(serializeMultipart(parts, 'XyZ')).toString('latin1');

describe('serializeMultipart', () => {
  test.each<{ name: string; parts: MultipartPart[]; want: string }>([
    {
      name: 'a text field has no Content-Type (text/plain is the default)',
      parts: [{ name: 'id', content: 'f81d4fae' }],
      want: '--XyZ\r\nContent-Disposition: form-data; name="id"\r\n\r\nf81d4fae\r\n--XyZ--\r\n',
    },
    {
      name: 'a JSON field has its Content-Type and no filename',
      parts: [{ name: 'address', contentType: 'application/json', content: '{"city":"Somewhere"}' }],
      want: '--XyZ\r\nContent-Disposition: form-data; name="address"\r\nContent-Type: application/json\r\n\r\n{"city":"Somewhere"}\r\n--XyZ--\r\n',
    },
    {
      name: 'a file has a filename and its Content-Type',
      parts: [{ name: 'profileImage', filename: 'me.png', contentType: 'image/png', content: new Uint8Array([0x89, 0x50, 0x00, 0xff]) }],
      want: '--XyZ\r\nContent-Disposition: form-data; name="profileImage"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n\x89P\x00\xff\r\n--XyZ--\r\n',
    },
    {
      name: 'repeated names stay separate parts, in order',
      parts: [
        { name: 'tag', content: 'a' },
        { name: 'tag', content: 'b' },
      ],
      want: '--XyZ\r\nContent-Disposition: form-data; name="tag"\r\n\r\na\r\n--XyZ\r\nContent-Disposition: form-data; name="tag"\r\n\r\nb\r\n--XyZ--\r\n',
    },
    {
      name: 'quotes and line breaks in names and filenames are percent-encoded, as browsers do',
      parts: [{ name: 'a"b\r\nc', filename: 'x"\n.txt', content: '' }],
      want: '--XyZ\r\nContent-Disposition: form-data; name="a%22b%0D%0Ac"; filename="x%22%0A.txt"\r\n\r\n\r\n--XyZ--\r\n',
    },
    { name: 'no parts is just the closing boundary', parts: [], want: '--XyZ--\r\n' },
  ])('$name', ({ parts, want }) => {
    expect(text(parts)).toBe(want);
  });

  test('text is written as UTF-8', () => {
    expect(Buffer.from(serializeMultipart([{ name: 'n', content: 'héllo' }], 'XyZ')).toString('utf8')).toContain('\r\n\r\nhéllo\r\n');
  });

  test('refuses a content type that would inject a header', () => {
    expect(() => text([{ name: 'f', contentType: 'image/png\r\nX-Evil: 1', content: '' }])).toThrow(RequestBuildError);
  });

  test('each body gets a fresh random boundary', () => {
    expect(randomBoundary()).toMatch(/^----openapi-dynamic-mcp-[0-9a-f]{32}$/);
    expect(randomBoundary()).not.toBe(randomBoundary());
  });
});
