import { describe, expect, test } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { callTool } from '../../src/protocol/call-tool.js';
import { createRuntime } from '../../src/runtime.js';
import type { CreateServerOptions } from '../../src/server.js';
import { catalogOf, fixture, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';
import { serverOptions } from '../support/settings.js';

const harness = useToolHarness();

async function connect(options: Partial<CreateServerOptions> = {}) {
  return harness.connect({ catalog: await catalogOf(fixture('secured-files.yaml')), baseUrl: harness.upstream.url, sessionId: 'responses', ...options });
}

const rows = Array.from({ length: 40 }, (_, i) => ({ id: i, name: `row ${i} ünïcödé` }));
function serveReport() {
  harness.upstream.respond((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ rows, total: rows.length }));
  });
}

interface ExecuteResult {
  body: unknown;
  continuation?: string;
  truncated?: { totalBytes: number; returnedBytes: number; offset: number };
}

describe('execute_endpoint responses', () => {
  test('an image comes back as image content, other binary as an embedded resource', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    harness.upstream.respond((req, res) => {
      res.writeHead(200, { 'content-type': req.url.includes('zip') ? 'application/zip' : 'image/png' });
      res.end(png);
    });
    const { call } = await connect();
    const image = await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'a.png' } });
    expect(image.content[1]).toEqual({ type: 'image', data: png.toString('base64'), mimeType: 'image/png' });
    expect(image.structuredContent).toMatchObject({ body: '(binary image/png, 8 bytes, returned as image)' });
    const zip = await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'a.zip' } });
    expect(zip.content[1]).toMatchObject({ type: 'resource', resource: { mimeType: 'application/zip', blob: png.toString('base64') } });
  });

  test('a result keeps the headers the document declares for the response, and an API version, but never a cookie', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-report-build': 'b-7',
        'set-cookie': 'sid=s3cret',
        'x-trace-id': 't-1',
        'api-version': '3.6',
      });
      res.end('{}');
    });
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport' });
    const headers = (result.structuredContent as { headers: Record<string, string> }).headers;
    expect(headers).toMatchObject({ 'x-report-build': 'b-7', 'api-version': '3.6' });
    expect(headers).not.toHaveProperty('set-cookie');
    expect(headers).not.toHaveProperty('x-trace-id');
  });

  test('a server error on a POST says the API may have acted, and to check before repeating; on a GET that the server failed, not the arguments', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
    });
    const { call } = await connect();
    const posted = await call('execute_endpoint', {
      id: 'uploadFile',
      contentType: 'application/json',
      arguments: { body: { url: 'https://example.test/a.png' } },
    });
    expect(textOf(posted)).toContain('A 500 to a POST does not say it did nothing: the API may have acted before failing.');
    const read = await call('execute_endpoint', { id: 'bigReport' });
    expect(textOf(read)).not.toContain('may have acted');
    expect(textOf(read)).toContain('A 500 is the server failing, not the arguments refused: unless its body names one, changing them will not help');
  });

  test('a 202 says the work goes on, and where to follow it when a header says (Operation-Location, Azure-AsyncOperation, Location)', async () => {
    let headers: Record<string, string> = { 'operation-location': 'https://vision.example/textOperations/op-7', 'retry-after': '2' };
    harness.upstream.respond((_req, res) => {
      res.writeHead(202, headers);
      res.end();
    });
    const { call } = await connect();
    const polled = textOf(await call('execute_endpoint', { id: 'bigReport' }));
    expect(polled).toContain('operation-location: https://vision.example/textOperations/op-7');
    expect(polled).toContain(
      'A 202 means accepted, not done: the API goes on with the work after answering. Its progress and result are at operation-location (in Headers): find the endpoint for that path and get it, after retry-after seconds.',
    );
    headers = { 'azure-asyncoperation': 'https://management.example/operations/9' };
    const azure = textOf(await call('execute_endpoint', { id: 'bigReport' }));
    expect(azure).toContain('azure-asyncoperation: https://management.example/operations/9');
    expect(azure).toContain('Its progress and result are at azure-asyncoperation (in Headers): find the endpoint for that path and get it.');
    headers = {};
    expect(textOf(await call('execute_endpoint', { id: 'bigReport' }))).toContain(
      'A 202 means accepted, not done: the API goes on with the work after answering. Get what it changes before relying on it.',
    );
  });

  test("the text names the headers worth reading (a created resource's location), rate limits only when they refuse the call", async () => {
    let status = 201;
    harness.upstream.respond((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', location: '/files/42', 'x-ratelimit-remaining': '0', etag: '"abc"' });
      res.end('{}');
    });
    const { call } = await connect();
    const created = textOf(await call('execute_endpoint', { id: 'bigReport' }));
    expect(created).toContain('Headers: location: /files/42');
    expect(created).not.toContain('x-ratelimit-remaining');
    expect(created).not.toContain('etag');
    status = 429;
    expect(textOf(await call('execute_endpoint', { id: 'bigReport' }))).toContain('x-ratelimit-remaining: 0');
  });

  test('binary content over the limit is summarised with its size and type', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(2000));
    });
    const { call } = await connect({ maxBinaryBytes: 1000 });
    const result = await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'big.png' } });
    expect(result.content).toHaveLength(1);
    expect(result.structuredContent).toMatchObject({ body: '(binary image/png, 2000 bytes: over the 1000-byte limit for binary results, not returned)' });
  });

  test('select narrows a JSON body before the budget', async () => {
    serveReport();
    const { call } = await connect({ maxResponseBytes: 200 });
    const result = await call('execute_endpoint', { id: 'bigReport', select: 'rows[?id < `3`].name' });
    expect(result.structuredContent).toMatchObject({ body: ['row 0 ünïcödé', 'row 1 ünïcödé', 'row 2 ünïcödé'] });
    expect(result.structuredContent).not.toHaveProperty('continuation');
  });

  test('a select naming a field the body does not have says so, with the fields it has (a guessed name reads as null)', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ changeOrderReportings: [{ status: 'Done' }], harvestOrderReportings: [], lastModified: null }));
    });
    const { call } = await connect();
    const notesOf = async (select: string) => ((await call('execute_endpoint', { id: 'bigReport', select })).structuredContent as { notes?: string[] }).notes;
    // One name right, one guessed (BeezUP's order history): the result is not all null, and still the guess is named.
    expect(await notesOf('{changes: orderChangeReportings[].status, harvests: harvestOrderReportings}')).toEqual([
      'select "{changes: orderChangeReportings[].status, harvests: harvestOrderReportings}" names orderChangeReportings, which the body does not have: a missing name reads as null. Its fields: changeOrderReportings, harvestOrderReportings, lastModified.',
    ]);
    // Names the body has, even a null one or an empty list, are an answer: no note.
    for (const select of ['changeOrderReportings[].status', 'harvestOrderReportings', 'lastModified']) expect(await notesOf(select)).toBeUndefined();
  });

  test("on a list body, a select that finds only null names its items' fields", async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify([
          { id: 1, title: 'a' },
          { id: 2, title: 'b' },
        ]),
      );
    });
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport', select: '[].{id: id, name: name}' });
    expect((result.structuredContent as { notes: string[] }).notes).toEqual([
      'select "[].{id: id, name: name}" names name, which the body does not have: a missing name reads as null. Its items\' fields: id, title.',
    ]);
    const found = await call('execute_endpoint', { id: 'bigReport', select: '[?id > `1`].title' });
    expect(found.structuredContent).not.toHaveProperty('notes');
  });

  test('select does not narrow an error: a 422 body comes whole, with a note', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: "Request body must have required property 'site'" }] }));
    });
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport', select: '{id: id, name: name}' });
    expect(result.structuredContent).toMatchObject({ status: 422, body: { errors: [{ message: "Request body must have required property 'site'" }] } });
    expect(textOf(result)).toContain('select "{id: id, name: name}" was not applied: the API answered 422, whose body is shown unselected.');
  });

  test('a long JSON body fetched without select says how to narrow it, with its own fields', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          total: 60,
          data: Array.from({ length: 60 }, (_, i) => ({ uri: `/videos/${i}`, name: `video ${i}`, embed: { html: 'x'.repeat(100) } })),
        }),
      );
    });
    const { call } = await connect();
    const hint = 'select (JMESPath) returns only the fields you name, e.g. "data[].{name: name, uri: uri}".';
    expect(textOf(await call('execute_endpoint', { id: 'bigReport' }))).toContain(hint);
    expect(textOf(await call('execute_endpoint', { id: 'bigReport', select: 'data[].name' }))).not.toContain('select (JMESPath)');
  });

  test.each([
    ['text that is not JSON', '{"Accounts": [', 'The body is not valid JSON although its Content-Type is application/json; it is shown as text.'],
    [
      'a JSON string of JSON (a mock of a document whose examples are strings)',
      JSON.stringify('{ "Accounts": [] }'),
      'The body is a JSON string whose text is JSON again (encoded twice); it is shown decoded.',
    ],
    ['a JSON string of text', JSON.stringify('accepted'), undefined],
  ])('a JSON Content-Type with %s gets the right note', async (_name, body, note) => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport' });
    expect((result.structuredContent as { notes?: string[] }).notes).toEqual(note ? [note] : undefined);
  });

  test("a body encoded twice is shown decoded, and select reads its fields (Xero's mocked payroll)", async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(JSON.stringify({ PayItems: { LeaveTypes: [{ LeaveTypeID: 'fbcc9dab', Name: 'Annual Leave' }] } })));
    });
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport', select: 'PayItems.LeaveTypes[].{id: LeaveTypeID, name: Name}' });
    expect(result.structuredContent).toMatchObject({ body: [{ id: 'fbcc9dab', name: 'Annual Leave' }] });
    expect((result.structuredContent as { notes: string[] }).notes).toEqual([
      'The body is a JSON string whose text is JSON again (encoded twice); it is shown decoded.',
    ]);
  });

  test('an invalid select is refused before anything is sent', async () => {
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'bigReport', select: 'rows[?' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('select is not a valid JMESPath expression');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('a filter with its text in backticks is refused with examples that show text in single quotes, which work', async () => {
    const { call } = await connect();
    const refusal = await call('execute_endpoint', { id: 'bigReport', select: 'Items[?Email == `jdoe@dealer.example`]' });
    expect(refusal.isError).toBe(true);
    expect(harness.upstream.requests).toHaveLength(0);
    const refused = textOf(refusal);
    expect(refused).toContain(`Examples: "items[].{id: id, name: name}", "items[?state == 'open'].id" (text in single quotes). Nothing was sent.`);
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [
            { id: 1, state: 'open' },
            { id: 2, state: 'closed' },
          ],
        }),
      );
    });
    const filtered = await call('execute_endpoint', { id: 'bigReport', select: "items[?state == 'open'].id" });
    expect(filtered.structuredContent).toMatchObject({ body: [1] });
  });

  test('a long body comes in parts: continuations return the rest from the store, without calling the API again', async () => {
    serveReport();
    const { call } = await connect({ maxResponseBytes: 300 });
    const parts: string[] = [];
    let result = (await call('execute_endpoint', { id: 'bigReport' })).structuredContent as unknown as ExecuteResult;
    parts.push(result.body as string);
    expect(result.truncated).toMatchObject({ offset: 0 });
    while (result.continuation) {
      const next = await call('execute_endpoint', { continuation: result.continuation });
      expect(next.isError).toBeFalsy();
      result = next.structuredContent as unknown as ExecuteResult;
      parts.push(result.body as string);
    }
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(300);
    expect(JSON.parse(parts.join(''))).toEqual({ rows, total: 40 });
    expect(harness.upstream.requests).toHaveLength(1);
  });

  test('a continuation can be read again (the token names its offset), by any call of the same caller, but not by another caller', async () => {
    serveReport();
    const runtime = createRuntime(
      serverOptions({ catalog: await catalogOf(fixture('secured-files.yaml')), baseUrl: harness.upstream.url, maxResponseBytes: 300 }),
    );
    const first = (await callTool(runtime, { principal: 'alice' }, 'execute_endpoint', { id: 'bigReport' })).structuredContent as unknown as ExecuteResult;
    const again1 = await callTool(runtime, { principal: 'alice' }, 'execute_endpoint', { continuation: first.continuation });
    const again2 = await callTool(runtime, { principal: 'alice' }, 'execute_endpoint', { continuation: first.continuation });
    expect(again1.isError).toBeFalsy();
    expect({ ...again1.structuredContent, session: '' }).toEqual({ ...again2.structuredContent, session: '' });
    const stolen = await callTool(runtime, { principal: 'mallory' }, 'execute_endpoint', { continuation: first.continuation });
    expect(stolen.isError).toBe(true);
    expect(textOf(stolen)).toContain('That continuation has expired or belongs to another caller.');
  });

  test('an expired continuation says to call again', async () => {
    serveReport();
    let now = 1_000_000;
    const store = new MemorySessionStore({ ttlSeconds: 3600, now: () => now });
    const { call } = await connect({ maxResponseBytes: 300, store, continuationTtlSeconds: 60 });
    const first = (await call('execute_endpoint', { id: 'bigReport' })).structuredContent as unknown as ExecuteResult;
    now += 61_000;
    const late = await call('execute_endpoint', { continuation: first.continuation });
    expect(textOf(late)).toContain('expired');
  });

  test('a store that fails while keeping the rest still returns the first part, and says how to see more', async () => {
    serveReport();
    const store = new MemorySessionStore({ ttlSeconds: 3600 });
    store.saveContinuation = async () => {
      throw new Error('connection refused');
    };
    const { call } = await connect({ maxResponseBytes: 300, store });
    const result = await call('execute_endpoint', { id: 'bigReport' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).not.toHaveProperty('continuation');
    expect(textOf(result)).toContain('The session store could not keep the rest of the response: connection refused');
  });
});

describe('execute_endpoint response limits', () => {
  test('an endless body is cut off at the download limit with a clear error, not held in memory', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', write);
      };
      write();
    });
    const { call } = await harness.connect({ catalog: await catalogOf(fixture('secured-files.yaml')), baseUrl: harness.upstream.url });
    const started = Date.now();
    const result = await call('execute_endpoint', { id: 'bigReport' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('answered with a body over 67108864 bytes, which is not read.');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
