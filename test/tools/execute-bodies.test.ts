import { describe, expect, test } from 'vitest';
import { catalogOf, fixture, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';

const harness = useToolHarness();

async function connect() {
  return harness.connect({ catalog: await catalogOf(fixture('secured-files.yaml')), baseUrl: harness.upstream.url });
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

describe('execute_endpoint request bodies', () => {
  test('describe lists the body types, JSON first, and names how to choose another', async () => {
    const { call } = await connect();
    const result = await call('describe_endpoint', { ids: ['uploadFile'] });
    const [endpoint] = (result.structuredContent as { endpoints: { requestContentTypes: string[] }[] }).endpoints;
    expect(endpoint!.requestContentTypes).toEqual(['application/json', 'multipart/form-data']);
    expect(textOf(result)).toContain(
      'request body types: application/json, multipart/form-data (schema above is for the first; pass contentType to execute_endpoint to send another)',
    );
  });

  test('a multipart file is described as its text or { base64, filename, contentType }', async () => {
    const { catalogOf: load } = await import('../support/connect.js');
    const { inputSchemaOf } = await import('../../src/arguments/input-schema.js');
    const catalog = await load(fixture('secured-files.yaml'));
    const { schema } = inputSchemaOf(catalog.find('uploadFile')!, catalog, 'multipart/form-data');
    expect((schema.properties as { body: { properties: Record<string, unknown> } }).body.properties.file).toMatchObject({
      anyOf: [{ type: 'string' }, { type: 'object', required: ['base64'], properties: { filename: { type: 'string' } } }],
    });
  });

  test('uploads a multipart body: the file with its name and the declared part type, text fields, repeated array parts', async () => {
    const { call } = await connect();
    const result = await call('execute_endpoint', {
      id: 'uploadFile',
      contentType: 'multipart/form-data',
      arguments: { body: { caption: 'A dog', file: { base64: png.toString('base64'), filename: 'dog.png' }, labels: ['pets', 'dogs'] } },
    });
    expect(result.isError).toBeFalsy();
    const request = harness.upstream.requests[0]!;
    const type = request.headers['content-type']!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(request.raw, { headers: { 'content-type': type } }).formData();
    expect(parsed.get('caption')).toBe('A dog');
    expect(parsed.getAll('labels')).toEqual(['pets', 'dogs']);
    const file = parsed.get('file') as File;
    expect(file.name).toBe('dog.png');
    expect(file.type).toBe('image/png');
  });

  test('the caller chooses another declared body type with contentType, validated against that type', async () => {
    const { call } = await connect();
    const bad = await call('execute_endpoint', { id: 'uploadFile', arguments: { body: { caption: 'x' } } });
    expect(textOf(bad)).toContain('- /body/url: missing; required, string');
    await call('execute_endpoint', { id: 'uploadFile', contentType: 'application/json', arguments: { body: { url: 'https://example.test/a.png' } } });
    expect(harness.upstream.requests[0]).toMatchObject({ body: '{"url":"https://example.test/a.png"}' });
    expect(harness.upstream.requests[0]!.headers['content-type']).toBe('application/json');
    const unknown = await call('execute_endpoint', { id: 'uploadFile', contentType: 'text/csv', arguments: {} });
    expect(textOf(unknown)).toBe('uploadFile accepts application/json, multipart/form-data; "text/csv" is not one of them.');
  });

  test('an octet-stream body is decoded from base64 and sent as raw bytes', async () => {
    const { call } = await connect();
    await call('execute_endpoint', { id: 'putRaw', arguments: { name: 'dog.png', body: { base64: png.toString('base64') } } });
    const request = harness.upstream.requests[0]!;
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(request.raw).toEqual(png);
  });

  test('files in multipart schemas that share a list-of-files type by $ref, or compose parts with allOf, take { base64, filename }', async () => {
    const { call } = await harness.connect({ catalog: await catalogOf(fixture('generated-upload.json')), baseUrl: harness.upstream.url });
    const avatar = await call('execute_endpoint', {
      id: 'upload_avatar_avatars_post',
      arguments: {
        body: {
          file: { base64: png.toString('base64'), filename: 'me.png', contentType: 'image/png' },
          thumbnail: { base64: png.toString('base64'), filename: 'small.png' },
          note: 'new',
        },
      },
    });
    expect(textOf(avatar)).toMatch(/^HTTP 200/);
    const photos = await call('execute_endpoint', {
      id: 'add_photos',
      arguments: {
        album: 'summer',
        body: {
          caption: 'beach',
          photos: [
            { base64: png.toString('base64'), filename: 'a.png' },
            { base64: png.toString('base64'), filename: 'b.png' },
          ],
          scans: [{ base64: png.toString('base64'), filename: 'c.png' }],
        },
      },
    });
    expect(textOf(photos)).toMatch(/^HTTP 200/);

    const [first, second] = harness.upstream.requests;
    const form = async (request: typeof first) => new Response(request!.raw, { headers: { 'content-type': request!.headers['content-type']! } }).formData();
    const avatarForm = await form(first);
    expect((avatarForm.get('file') as File).name).toBe('me.png');
    expect(Buffer.from(await (avatarForm.get('file') as File).arrayBuffer())).toEqual(png);
    expect((avatarForm.get('thumbnail') as File).name).toBe('small.png');
    expect(avatarForm.get('note')).toBe('new');
    const photosForm = await form(second);
    expect((photosForm.getAll('photos') as File[]).map((f) => f.name)).toEqual(['a.png', 'b.png']);
    expect((photosForm.getAll('scans') as File[]).map((f) => f.name)).toEqual(['c.png']);
    expect(photosForm.get('caption')).toBe('beach');
  });

  test('a named multipart schema keeps validating its other parts after its files become file arguments', async () => {
    const { call } = await harness.connect({ catalog: await catalogOf(fixture('generated-upload.json')), baseUrl: harness.upstream.url });
    const result = await call('execute_endpoint', { id: 'upload_avatar_avatars_post', arguments: { body: { note: 'no file' } } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('/body/file: missing; required');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('Swagger 2.0 formData arrays go as their collectionFormat says: csv by default, ssv, pipes, multi', async () => {
    const catalog = await catalogOf(fixture('swagger2-forms.yaml'));
    expect(catalog.spec.warnings.join('\n')).toContain('POST /labels: the formData array "tabs" uses collectionFormat tsv, which OpenAPI 3 cannot express');
    const { call } = await harness.connect({ catalog, baseUrl: harness.upstream.url });
    const result = await call('execute_endpoint', {
      id: 'setLabels',
      arguments: { body: { names: ['a b', 'c'], words: ['x', 'y'], colors: ['red', 'blue'], sizes: ['s', 'm'], tabs: ['t1', 't2'], note: 'hi' } },
    });
    expect(textOf(result)).toMatch(/^HTTP 200/);
    const form = new URLSearchParams(harness.upstream.requests[0]!.body);
    expect(form.getAll('names')).toEqual(['a b,c']);
    expect(form.getAll('words')).toEqual(['x y']);
    expect(form.getAll('colors')).toEqual(['red,blue']);
    expect(form.getAll('sizes')).toEqual(['s|m']);
    expect(form.getAll('tabs')).toEqual(['t1', 't2']);
    expect(form.get('note')).toBe('hi');
  });

  test('Swagger 2.0 multipart arrays: csv in one part, multi as one part per item', async () => {
    const { call } = await harness.connect({ catalog: await catalogOf(fixture('swagger2-forms.yaml')), baseUrl: harness.upstream.url });
    const result = await call('execute_endpoint', {
      id: 'uploadPhotos',
      arguments: { body: { file: { base64: png.toString('base64'), filename: 'p.png' }, tags: ['sea', 'sun'], albums: ['2025', 'summer'] } },
    });
    expect(textOf(result)).toMatch(/^HTTP 200/);
    const request = harness.upstream.requests[0]!;
    const form = await new Response(request.raw, { headers: { 'content-type': request.headers['content-type']! } }).formData();
    expect(form.getAll('tags')).toEqual(['sea,sun']);
    expect(form.getAll('albums')).toEqual(['2025', 'summer']);
    expect((form.get('file') as File).name).toBe('p.png');
  });
});

describe('execute_endpoint on a body declared under upload types with an object schema (Google documents)', () => {
  async function mail() {
    return harness.connect({ catalog: await catalogOf(fixture('upload-typed-resource.json')), baseUrl: harness.upstream.url });
  }

  test('an object as the schema says is sent as JSON; describe says so', async () => {
    const { call } = await mail();
    const described = textOf(await call('describe_endpoint', { ids: ['mail.users.messages.send'] }));
    expect(described).toContain('An object as the schema says is sent as JSON (application/json); text or a file is sent as message/rfc822.');
    const raw = Buffer.from('To: bob@example.test\r\nSubject: Hi\r\n\r\nHello').toString('base64url');
    const result = await call('execute_endpoint', { id: 'mail.users.messages.send', arguments: { userId: 'me', body: { raw } } });
    expect(textOf(result)).toMatch(/^HTTP 200/);
    const request = harness.upstream.requests[0]!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ raw });
  });

  test('text or a file is still sent as the declared type', async () => {
    const { call } = await mail();
    await call('execute_endpoint', { id: 'mail.users.messages.send', arguments: { userId: 'me', body: 'Subject: Hi\r\n\r\nHello' } });
    expect(harness.upstream.requests[0]!.headers['content-type']).toBe('message/rfc822');
    expect(harness.upstream.requests[0]!.body).toBe('Subject: Hi\r\n\r\nHello');
  });

  test('an object the schema refuses is not sent', async () => {
    const { call } = await mail();
    const result = await call('execute_endpoint', { id: 'mail.users.messages.send', arguments: { userId: 'me', body: { raw: 5 } } });
    expect(result.isError).toBe(true);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('"type: object, format: file" (Azure\'s) is a file, not an object', async () => {
    const { call } = await mail();
    const described = textOf(await call('describe_endpoint', { ids: ['images.upload'] }));
    expect(described).not.toContain('sent as JSON');
    await call('execute_endpoint', { id: 'images.upload', arguments: { body: { base64: png.toString('base64') } } });
    expect(harness.upstream.requests[0]!.headers['content-type']).toBe('application/octet-stream');
  });
});

describe('execute_endpoint on a text body typed "format: byte" (InfluxDB\'s line protocol)', () => {
  test('the text is taken and sent as written, not required to be base64', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'text-byte-'));
    const document = {
      openapi: '3.0.0',
      info: { title: 'Metrics', version: '1' },
      paths: {
        '/write': {
          post: {
            operationId: 'PostWrite',
            requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string', format: 'byte', description: 'Line protocol body' } } } },
            responses: { '204': { description: 'Written' } },
          },
        },
      },
    };
    writeFileSync(join(dir, 'metrics.json'), JSON.stringify(document));
    const { call } = await harness.connect({ catalog: await catalogOf(join(dir, 'metrics.json')), baseUrl: harness.upstream.url });
    const result = await call('execute_endpoint', { id: 'PostWrite', arguments: { body: 'cpu,host=a usage=0.5' } });
    expect(textOf(result)).toMatch(/^HTTP 200/);
    expect(harness.upstream.requests[0]!.body).toBe('cpu,host=a usage=0.5');
    expect(harness.upstream.requests[0]!.headers['content-type']).toBe('text/plain');
  });
});
