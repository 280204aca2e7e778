import { describe, expect, test } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { catalogOf, fixture, sample, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';
import { startUpstream } from '../support/upstream.js';

const harness = useToolHarness();

async function connect(spec = sample, options: { store?: MemorySessionStore; baseUrl?: string; timeoutMs?: number; maxResponseBytes?: number } = {}) {
  return harness.connect({ catalog: await catalogOf(spec), baseUrl: `${harness.upstream.url}/api/v3`, sessionId: 'exec', ...options });
}

describe('execute_endpoint', () => {
  test('fills the path parameter and returns status, headers and the parsed JSON body', async () => {
    const { call } = await connect();
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '41', 'set-cookie': 'secret=1' });
      res.end(JSON.stringify({ id: 7, name: 'Rex', photoUrls: [] }));
    });
    const result = await call('execute_endpoint', { id: 'getPetById', arguments: { petId: 7 } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests).toHaveLength(1);
    expect(harness.upstream.requests[0]).toMatchObject({ method: 'GET', url: '/api/v3/pet/7' });
    expect(result.structuredContent).toEqual({
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '41' },
      body: { id: 7, name: 'Rex', photoUrls: [] },
      session: 'exec',
    });
    expect(textOf(result)).toContain('HTTP 200 OK from GET /api/v3/pet/7');
  });

  test('sends a JSON body with its content type, and query arrays exploded', async () => {
    const { call } = await connect();
    await call('execute_endpoint', { id: 'addPet', arguments: { body: { name: 'Rex', photoUrls: ['a'] } } });
    await call('execute_endpoint', { id: 'findPetsByTags', arguments: { tags: ['small dog', 'brown'] } });
    const [post, get] = harness.upstream.requests;
    expect(post).toMatchObject({ method: 'POST', url: '/api/v3/pet', body: '{"name":"Rex","photoUrls":["a"]}' });
    expect(post!.headers['content-type']).toBe('application/json');
    expect(get!.url).toBe('/api/v3/pet/findByTags?tags=small%20dog&tags=brown');
  });

  test('header, cookie and deepObject parameters of an OpenAPI 3.1 document', async () => {
    const { call } = await connect(fixture('oas31-notes.json'));
    await call('execute_endpoint', {
      id: 'searchNotes',
      arguments: { q: 'milk & eggs', filter: { pinned: true, color: 'red' }, 'X-Trace': 't-1', session: 's1' },
    });
    const [request] = harness.upstream.requests;
    expect(request!.url).toBe('/api/v3/notes?q=milk%20%26%20eggs&filter%5Bpinned%5D=true&filter%5Bcolor%5D=red');
    expect(request!.headers['x-trace']).toBe('t-1');
    expect(request!.headers.cookie).toBe('session=s1');
  });

  test('a path value cannot escape its segment', async () => {
    const { call } = await connect();
    await call('execute_endpoint', { id: 'getUserByName', arguments: { username: '../admin?x=1#y' } });
    expect(harness.upstream.requests[0]!.url).toBe('/api/v3/user/..%2Fadmin%3Fx%3D1%23y');
    const dots = await call('execute_endpoint', { id: 'getUserByName', arguments: { username: '..' } });
    expect(dots.isError).toBe(true);
    expect(textOf(dots)).toContain('would change the path');
    expect(harness.upstream.requests).toHaveLength(1);
  });

  test('a non-2xx reply is data, not a tool error', async () => {
    const { call } = await connect();
    harness.upstream.respond((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Pet not found"}');
    });
    const result = await call('execute_endpoint', { id: 'getPetById', arguments: { petId: 404 } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: 404, body: { message: 'Pet not found' } });
  });

  test('before describe, invalid arguments list each failing leaf with the subschema that covers it, once', async () => {
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'addPet', arguments: { body: { name: 5, status: 'lost' } } });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('- /body/photoUrls: missing; required, array');
    expect(text).toContain('- /body/name: expected string; got number 5');
    expect(text).toContain('- /body/status: expected one of the 3 values of its schema; got a string "lost"');
    expect(text).toContain('  schema: {"description":"pet status in the store","type":"string","enum":["available","pending","sold"]}');
    expect(text.match(/"available"/g)).toHaveLength(1);
    expect(text).not.toContain('"category"');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('after describe in this session, an invalid-arguments error names only the failing leaves', async () => {
    const { call } = await connect();
    await call('describe_endpoint', { ids: ['getPetById', 'addPet'] });
    const text = textOf(await call('execute_endpoint', { id: 'getPetById', arguments: { petId: 'seven' } }));
    expect(text).toBe(
      'Invalid arguments for getPetById (GET /pet/{petId}); nothing was sent:\n- /petId: expected integer; got a string "seven"\nFix these and call execute_endpoint again.',
    );
    const status = textOf(await call('execute_endpoint', { id: 'addPet', arguments: { body: { name: 'Rex', photoUrls: [], status: 'lost' } } }));
    expect(status).toContain('- /body/status: expected one of "available", "pending", "sold"; got a string "lost"');
    expect(status).not.toContain('schema:');
  });

  test('when session state is lost, the error carries the subschemas again', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 3600 });
    const { call } = await connect(sample, { store });
    await call('describe_endpoint', { ids: ['getPetById'] });
    await store.close(); // the store lost its data
    const result = await call('execute_endpoint', { id: 'getPetById', arguments: {} });
    expect(textOf(result)).toContain('- /petId: missing; required, integer\n  schema: {');
  });

  test.each([
    ['arguments sent as a JSON string', { id: 'getPetById', arguments: '{"petId": 3}' }, '"arguments" was a JSON string'],
    ['parameters at the top level', { id: 'getPetById', petId: 3 }, '"petId" was given beside "arguments"'],
    ['body fields beside the parameters', { id: 'addPet', arguments: { name: 'Rex', photoUrls: [] } }, 'moved into "body"'],
  ])('tolerates %s and says what it adjusted', async (_name, input, adjustment) => {
    const { call } = await connect();
    const result = await call('execute_endpoint', input);
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { adjustments: string[] }).adjustments.join(' ')).toContain(adjustment);
    expect(textOf(result)).toContain('Adjusted:');
    expect(harness.upstream.requests).toHaveLength(1);
  });

  test('an unknown id suggests the closest ones', async () => {
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'deletePets', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Did you mean "deletePet"');
  });

  test('an upstream that is down gives an error naming method and URL', async () => {
    const closed = await startUpstream();
    await closed.close();
    const { call } = await connect(sample, { baseUrl: `${closed.url}/api` });
    const result = await call('execute_endpoint', { id: 'getInventory' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`GET ${closed.url}/api/store/inventory failed: the connection was refused (is the server running?).`);
  });

  test('a slow upstream times out with a clear message instead of hanging', async () => {
    const { call } = await connect(sample, { timeoutMs: 300 });
    harness.upstream.respond(() => new Promise(() => undefined));
    const result = await call('execute_endpoint', { id: 'getInventory' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/store\/inventory timed out after 300 ms/);
  });

  test('a redirect to another host is not followed', async () => {
    const { call } = await connect();
    harness.upstream.respond((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      res.end();
    });
    const result = await call('execute_endpoint', { id: 'getInventory' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("redirected to http://169.254.169.254, which is not one of the API's servers");
  });

  test('Swagger 2.0 basePath, collectionFormat and body parameters behave as declared', async () => {
    const { call } = await connect(fixture('swagger2-shop.yaml'), { baseUrl: `${harness.upstream.url}/v2` });
    await call('execute_endpoint', { id: 'listItems', arguments: { ids: [1, 2], tags: ['a', 'b'], limit: 5 } });
    await call('execute_endpoint', { id: 'createItem', arguments: { body: { name: 'Lamp' } } });
    expect(harness.upstream.requests[0]!.url).toBe('/v2/items?ids=1%7C2&tags=a&tags=b&limit=5');
    expect(harness.upstream.requests[1]).toMatchObject({ method: 'POST', url: '/v2/items', body: '{"name":"Lamp"}' });
  });
});
