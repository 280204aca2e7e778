import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveBaseUrl } from '../../src/http/base-url.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import { inputSchemaOf } from '../../src/arguments/input-schema.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { fixture, root } from '../support/connect.js';
import { settings } from '../support/settings.js';

describe('loadSpec and buildCatalog', () => {
  test('Swagger 2.0 becomes OpenAPI 3: host and basePath become the server, formData a multipart body', async () => {
    const spec = await loadSpec(fixture('swagger2-shop.yaml'), settings());
    expect(spec.version).toBe('2.0');
    const catalog = buildCatalog(spec);
    expect(catalog.operations.map((op) => op.id)).toEqual(['listItems', 'createItem', 'uploadItemPhoto']);
    expect(resolveBaseUrl(catalog.find('listItems')!.servers, spec.url).href).toBe('https://shop.example.test/v2');
    const upload = inputSchemaOf(catalog.find('uploadItemPhoto')!, catalog);
    expect(upload.bindings.map((b) => b.key)).toEqual(['itemId', 'body']);
    expect(upload.schema.properties).toMatchObject({
      body: { properties: { caption: { type: 'string' }, file: { anyOf: [{ type: 'string' }, { required: ['base64'] }] } }, required: ['file'] },
    });
    expect(catalog.find('listItems')!.security).toEqual([{ key: [] }]);
  });

  test('readOnly properties are not inputs, and recursion in a Swagger 2.0 definition is kept in $defs', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('swagger2-shop.yaml'), settings()));
    const { schema } = inputSchemaOf(catalog.find('createItem')!, catalog);
    expect(schema.properties).toEqual({ body: { $ref: '#/$defs/Item' } });
    expect(schema.$defs).toMatchObject({ Item: { required: ['name'], properties: { related: { items: { $ref: '#/$defs/Item' } } } } });
    expect(Object.keys((schema.$defs as { Item: { properties: object } }).Item.properties)).toEqual(['name', 'price', 'related']);
  });

  test('OpenAPI 3.1: server variables take their defaults; operations without operationId answer to METHOD /path', async () => {
    const spec = await loadSpec(fixture('oas31-notes.json'), settings());
    const catalog = buildCatalog(spec);
    expect(spec.version).toBe('3.1');
    expect(resolveBaseUrl(catalog.find('searchNotes')!.servers, spec.url).href).toBe('https://eu.notes.example.test/api');
    expect(catalog.find('GET /notes/{id}')?.summary).toBe('Read one note');
    expect(catalog.find('get /notes/{noteId}/')?.id).toBe('GET /notes/{id}');
  });

  test('path-level parameters are merged into each operation, operation-level ones win', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('oas31-notes.json'), settings()));
    const op = catalog.find('GET /notes/{id}')!;
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:id']);
  });

  test('external refs to local files are followed relative to the file that holds them', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('external/main.yaml'), settings()));
    expect(catalog.operations.map((op) => op.id).sort()).toEqual(['brokenRemote', 'getBook', 'listAuthors', 'replaceBook']);
    const { schema } = inputSchemaOf(catalog.find('listAuthors')!, catalog);
    expect(schema.properties).toEqual({ page_size: { type: 'integer', minimum: 1, maximum: 100 } });
  });

  test('a remote ref stays unresolved without --allow-remote-refs, with a message saying how to enable it', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('external/main.yaml'), settings()));
    const { summarizeResponses } = await import('../../src/schema/response-shape.js');
    expect(summarizeResponses(catalog.find('brokenRemote')!, catalog)[0]).toMatchObject({ status: '200', shape: 'any' });
  });

  test('a broken path-item ref leaves the rest of the API served and is reported as a warning', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('broken-refs.yaml'), settings()));
    expect(catalog.operations.map((op) => op.id)).toEqual(['healthy', 'badParam', 'badSchema']);
    expect(catalog.warnings.join('\n')).toMatch(
      /Cannot resolve \$ref "\.\/no-such-file\.yaml" used at paths\["\/missing-file"\]: Cannot read the OpenAPI document .*no-such-file\.yaml: no such file/,
    );
  });

  test('duplicate operationIds fall back to METHOD /path for every operation that shares them', async () => {
    const catalog = buildCatalog(await loadSpec(fixture('duplicate-ids.yaml'), settings()));
    expect(catalog.operations.map((op) => op.id)).toEqual(['GET /a', 'GET /b', 'GET /c']);
    expect(catalog.warnings).toEqual(['operationId "getThing" is used by 2 operations; they are identified as "METHOD /path" instead.']);
  });

  describe('from an http(s) URL', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const files: Record<string, string> = {
        '/specs/api.json': JSON.stringify({
          openapi: '3.0.3',
          info: { title: 'Remote', version: '1' },
          servers: [{ url: '/v1' }],
          paths: {
            '/things': { get: { operationId: 'listThings', parameters: [{ $ref: 'shared.json#/limit' }], responses: { '200': { description: 'ok' } } } },
          },
        }),
        '/specs/shared.json': JSON.stringify({ limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } }),
        '/specs/petstore.yaml': readFileSync(join(root, 'specs', 'petstore.yaml'), 'utf8'),
      };
      server = createServer((req, res) => {
        const body = files[req.url ?? ''];
        res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
        res.end(body ?? 'not found');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('relative server URLs and relative refs resolve against the document URL', async () => {
      const spec = await loadSpec(`${base}/specs/api.json`, settings());
      const catalog = buildCatalog(spec);
      expect(resolveBaseUrl(catalog.find('listThings')!.servers, spec.url).href).toBe(`${base}/v1`);
      expect(catalog.find('listThings')!.parameters).toEqual([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]);
    });

    test('YAML is read from a URL too', async () => {
      const catalog = buildCatalog(await loadSpec(`${base}/specs/petstore.yaml`, settings()));
      expect(catalog.operations).toHaveLength(15);
    });

    test('an HTTP error names the URL and status', async () => {
      await expect(loadSpec(`${base}/specs/missing.json`, settings())).rejects.toThrow(
        `Cannot download the OpenAPI document from ${base}/specs/missing.json: HTTP 404`,
      );
    });
  });
});
