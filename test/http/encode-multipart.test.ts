// Multipart bodies as they go over the wire: built, sent with the platform fetch to a real local server, and read back byte for byte.
import { describe, expect, test } from 'vitest';
import { buildRequest } from '../../src/http/build-request.js';
import type { MultipartOptions } from '../../src/http/encode-multipart.js';
import { sendRequest } from '../../src/http/send-request.js';
import type { MediaTypeObject } from '../../src/openapi/openapi-types.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { useToolHarness } from '../support/tool-harness.js';
import { readerFor, settings } from '../support/settings.js';

const harness = useToolHarness();

const docUrl = 'file:///api/openapi.json';
const schemas = {
  resolver: new RefResolver(docUrl, { components: { schemas: { Binary: { type: 'string', format: 'binary' } } } }, { reader: readerFor(docUrl) }),
  docUrl,
};

/** Sends `body` as the only argument of POST /upload and returns what the server received. */
async function send(media: MediaTypeObject, body: unknown, options: MultipartOptions = {}, mediaType = 'multipart/form-data') {
  const request = buildRequest({
    method: 'post',
    path: '/upload',
    bindings: [{ key: 'body', location: 'body', mediaType, media }],
    args: { body },
    baseUrl: new URL(harness.upstream.url),
    bodyEncoding: { boundary: 'XyZ', schemas, ...options },
  });
  await sendRequest(request, { ...settings(), fetch });
  const received = harness.upstream.requests.at(-1)!;
  const contentType = received.headers['content-type']!;
  return {
    wire: received.raw.toString('latin1'),
    contentType,
    form: () => new Response(received.raw, { headers: { 'content-type': contentType } }).formData(),
  };
}

/** One part as it should appear on the wire; `more` follows the name in the headers. */
const part = (name: string, content: string, more = '') => `--XyZ\r\nContent-Disposition: form-data; name="${name}"${more}\r\n\r\n${content}\r\n`;
const end = '--XyZ--\r\n';

describe('multipart/form-data on the wire', () => {
  test('a binary property given as text goes as a file part: filename, application/octet-stream', async () => {
    const media = { schema: { type: 'object', properties: { orderId: { type: 'integer' }, documentFile: { $ref: '#/components/schemas/Binary' } } } };
    const { wire, contentType, form } = await send(media, { orderId: 7, documentFile: 'hello' });
    expect(contentType).toBe('multipart/form-data; boundary=XyZ');
    expect(wire).toBe(part('orderId', '7') + part('documentFile', 'hello', '; filename="documentFile"\r\nContent-Type: application/octet-stream') + end);
    const file = (await form()).get('documentFile') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['documentFile', 'application/octet-stream', 'hello']);
  });

  test.each([
    {
      name: "the encoding's first concrete contentType",
      encoding: { contentType: 'image/png, image/jpeg' },
      file: 'x',
      want: '; filename="photo"\r\nContent-Type: image/png',
    },
    {
      name: 'application/octet-stream for a wildcard contentType',
      encoding: { contentType: 'image/*' },
      file: 'x',
      want: '; filename="photo"\r\nContent-Type: application/octet-stream',
    },
    {
      name: "the file argument's own name and type",
      encoding: { contentType: 'image/png' },
      file: { base64: 'eA==', filename: 'me.gif', contentType: 'image/gif' },
      want: '; filename="me.gif"\r\nContent-Type: image/gif',
    },
  ])('a file part takes $name', async ({ encoding, file, want }) => {
    const media = { schema: { properties: { photo: { type: 'string', format: 'binary' } } }, encoding: { photo: encoding } };
    expect((await send(media, { photo: file })).wire).toBe(part('photo', 'x', want) + end);
  });

  test('an array of binary items sends one file part per item', async () => {
    const media = { schema: { properties: { filename: { type: 'array', items: { $ref: '#/components/schemas/Binary' } } } } };
    const { wire } = await send(media, { filename: ['a', { base64: 'Yg==', filename: 'b.txt' }] });
    expect(wire).toBe(
      part('filename', 'a', '; filename="filename"\r\nContent-Type: application/octet-stream') +
        part('filename', 'b', '; filename="b.txt"\r\nContent-Type: application/octet-stream') +
        end,
    );
  });

  test('an object goes as a JSON field without a filename, so a server reads it as a field and not a file', async () => {
    const media = {
      schema: {
        properties: {
          primitive: { type: 'string' },
          array: { type: 'array', items: { type: 'string' } },
          object: { type: 'object' },
          points: { type: 'array', items: { type: 'object' } },
        },
      },
    };
    const { wire, form } = await send(media, { primitive: 'a b&c', array: ['x', 'y'], object: { foo: 'f', bar: 'b' }, points: [{ x: 1 }, { x: 2 }] });
    const json = '\r\nContent-Type: application/json';
    expect(wire).toBe(
      part('primitive', 'a b&c') +
        part('array', 'x') +
        part('array', 'y') +
        part('object', '{"foo":"f","bar":"b"}', json) +
        part('points', '{"x":1}', json) +
        part('points', '{"x":2}', json) +
        end,
    );
    expect(wire).not.toContain('filename');
    const parsed = await form();
    expect(parsed.get('object')).toBe('{"foo":"f","bar":"b"}');
    expect(parsed.getAll('points')).toEqual(['{"x":1}', '{"x":2}']);
  });

  test('a declared contentType goes on the part: a textual one as a field, a binary one as a file', async () => {
    const media = {
      schema: { properties: { doc: { type: 'string' }, icon: { type: 'string' } } },
      encoding: { doc: { contentType: 'application/xml' }, icon: { contentType: 'image/png' } },
    };
    const { wire } = await send(media, { doc: '<a/>', icon: 'x' });
    expect(wire).toBe(part('doc', '<a/>', '\r\nContent-Type: application/xml') + part('icon', 'x', '; filename="icon"\r\nContent-Type: image/png') + end);
  });

  test('another multipart type keeps its own media type and gets the boundary', async () => {
    const { contentType } = await send({}, { a: '1' }, {}, 'multipart/mixed');
    expect(contentType).toBe('multipart/mixed; boundary=XyZ');
  });

  test('without a given boundary, a random one is used in both the header and the body', async () => {
    const { contentType, wire, form } = await send({}, { a: '1' }, { boundary: undefined });
    const boundary = /boundary=(\S+)$/.exec(contentType)![1]!;
    expect(boundary).not.toBe('XyZ');
    expect(wire).toBe(`--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${boundary}--\r\n`);
    expect((await form()).get('a')).toBe('1');
  });
});

describe('multipart encoding style (OpenAPI 3.1)', () => {
  const value = { primitive: 'a b&c', array: ['x', 'y'], object: { foo: 'f', bar: 'b' } };
  const media = (rule: Record<string, unknown>): MediaTypeObject => ({ encoding: { primitive: rule, array: rule, object: rule } });

  test.each([
    { rule: { style: 'form' }, want: part('primitive', 'a b&c') + part('array', 'x') + part('array', 'y') + part('foo', 'f') + part('bar', 'b') },
    { rule: { style: 'form', explode: false }, want: part('primitive', 'a b&c') + part('array', 'x,y') + part('object', 'foo,f,bar,b') },
    { rule: { style: 'pipeDelimited', explode: false }, want: part('primitive', 'a b&c') + part('array', 'x|y') + part('object', 'foo|f|bar|b') },
    { rule: { style: 'spaceDelimited', explode: false }, want: part('primitive', 'a b&c') + part('array', 'x y') + part('object', 'foo f bar b') },
    {
      rule: { style: 'deepObject', explode: true },
      want: part('primitive', 'a b&c') + part('array[]', 'x') + part('array[]', 'y') + part('object[foo]', 'f') + part('object[bar]', 'b'),
    },
    // explode alone is enough for style serialization, and the contentType is then ignored.
    { rule: { explode: false, contentType: 'application/json' }, want: part('primitive', 'a b&c') + part('array', 'x,y') + part('object', 'foo,f,bar,b') },
  ])('$rule: name=value pairs as plain parts, not percent-encoded', async ({ rule, want }) => {
    expect((await send(media(rule), value, { openapi: '3.1' })).wire).toBe(want + end);
  });

  test('OpenAPI 3.0 ignores style for multipart: the object is one JSON field, the array one part per item', async () => {
    const { wire } = await send(media({ style: 'form', explode: false }), value, { openapi: '3.0' });
    expect(wire).toBe(
      part('primitive', 'a b&c') +
        part('array', 'x') +
        part('array', 'y') +
        part('object', '{"foo":"f","bar":"b"}', '\r\nContent-Type: application/json') +
        end,
    );
  });

  test('a file keeps its file part under a style', async () => {
    const withFile = { schema: { properties: { doc: { type: 'string', format: 'binary' } } }, encoding: { doc: { style: 'form' } } };
    expect((await send(withFile, { doc: 'x' }, { openapi: '3.1' })).wire).toBe(
      part('doc', 'x', '; filename="doc"\r\nContent-Type: application/octet-stream') + end,
    );
  });
});
