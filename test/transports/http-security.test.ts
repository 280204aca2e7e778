import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture } from '../support/connect.js';
import { connectHttp, startReplica, type Replica } from '../support/replicas.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

const alice = 'alice-token-0123456789abcdef';
const bob = 'bob-token-0123456789abcdef!!';
let replica: Replica;
let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
  replica = await startReplica([
    fixture('secured-files.yaml'),
    '--base-url',
    upstream.url,
    '--auth-token',
    alice,
    '--auth-token',
    bob,
    '--allowed-origins',
    'https://app.example.test',
    '--max-body-bytes',
    '2000',
    '--credential-header',
    'keyHeader=X-Upstream-Key',
  ]);
});
afterAll(async () => {
  await replica.kill();
  await upstream.close();
});

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

function post(body: unknown, headers: Record<string, string> = {}, raw?: string) {
  return fetch(`${replica.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: raw ?? JSON.stringify(body),
  });
}

/** fetch cannot set Host: node:http can. */
async function statusWithHost(path: string, host: string, method: string, headers: Record<string, string> = {}): Promise<number> {
  const { request } = await import('node:http');
  return new Promise<number>((resolve, reject) => {
    const req = request(`${replica.url}${path}`, { method, headers: { host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify(initialize) : undefined);
  });
}

describe('HTTP security', () => {
  test('a missing or wrong bearer token is 401 with WWW-Authenticate', async () => {
    const missing = await post(initialize);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(initialize, { authorization: 'Bearer nope-nope-nope-nope' })).status).toBe(401);
    expect((await post(initialize, { authorization: `Bearer ${alice}` })).status).toBe(200);
  });

  test('a wrong Origin is 403; an allowed one and none at all pass', async () => {
    const auth = { authorization: `Bearer ${alice}` };
    const evil = await post(initialize, { ...auth, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { message: 'Origin "https://evil.example" is not allowed. Add it with --allowed-origins.' } });
    expect((await post(initialize, { ...auth, origin: 'https://app.example.test' })).status).toBe(200);
    expect((await post(initialize, { ...auth, origin: replica.url })).status).toBe(200);
  });

  test('a Host that is not ours is 403 (DNS rebinding)', async () => {
    expect(await statusWithHost('/mcp', 'attacker.example:80', 'POST', { 'content-type': 'application/json', authorization: `Bearer ${alice}` })).toBe(403);
  });

  test("another client's session id is refused with 404", async () => {
    const aliceSession = await connectHttp(replica.url, { token: alice });
    const id = aliceSession.transport.sessionId!;
    const asBob = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, { authorization: `Bearer ${bob}`, 'mcp-session-id': id });
    expect(asBob.status).toBe(404);
    const asAlice = await post(
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { authorization: `Bearer ${alice}`, 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
    );
    expect(asAlice.status).toBe(200);
    await aliceSession.close();
  });

  test('an oversized body is 413, malformed JSON is a -32700 parse error, a non-JSON-RPC body is -32600', async () => {
    const auth = { authorization: `Bearer ${alice}` };
    expect((await post(null, auth, JSON.stringify({ ...initialize, padding: 'x'.repeat(5000) }))).status).toBe(413);
    const malformed = await post(null, auth, '{"jsonrpc": "2.0", "id": 1, ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: -32700 } });
    const notRpc = await post({ hello: 'world' }, auth);
    expect(notRpc.status).toBe(400);
    expect(await notRpc.json()).toMatchObject({ error: { code: -32600 } });
  });

  test("each client's upstream key comes from its own header, and the client's bearer token is never forwarded upstream", async () => {
    const session = await connectHttp(replica.url, { token: alice });
    const transport = session.transport as unknown as { _requestInit?: RequestInit };
    transport._requestInit = { headers: { authorization: `Bearer ${alice}`, 'x-upstream-key': 'alice-upstream-key' } };
    await session.call('execute_endpoint', { id: 'listFiles' });
    const request = upstream.requests.at(-1)!;
    expect(request.headers['x-key']).toBe('alice-upstream-key');
    expect(request.headers.authorization).toBeUndefined();
    expect(JSON.stringify(request.headers)).not.toContain(alice);
    await session.close();
  });

  test('/metrics needs the bearer token and follows the Host checks; /readyz follows the Host checks and names no address', async () => {
    expect((await fetch(`${replica.url}/metrics`)).status).toBe(401);
    expect(await statusWithHost('/metrics', 'evil.example', 'GET', { authorization: `Bearer ${alice}` })).toBe(403);
    expect(await statusWithHost('/readyz', 'evil.example', 'GET')).toBe(403);
    const ready = await fetch(`${replica.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).not.toMatch(/127\.0\.0\.1|:\d{4,5}/);
  });

  test('/metrics reports tool calls, upstream requests, sessions and store latency in Prometheus format', async () => {
    const text = await (await fetch(`${replica.url}/metrics`, { headers: { authorization: `Bearer ${bob}` } })).text();
    expect(text).toContain('# TYPE odm_tool_calls_total counter');
    expect(text).toMatch(/odm_tool_calls_total\{outcome="ok",tool="execute_endpoint"\} \d+/);
    expect(text).toMatch(/odm_upstream_requests_total\{status="2xx"\} \d+/);
    expect(text).toMatch(/odm_sessions_total\{event="created"\} \d+/);
    expect(text).toContain('odm_session_store_duration_seconds_bucket');
  });

  test('logs are JSON lines and never contain tokens or upstream keys', () => {
    const lines = replica.stderr().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(replica.stderr()).not.toContain(alice);
    expect(replica.stderr()).not.toContain('alice-upstream-key');
  });

  test('SIGTERM stops the replica gracefully', async () => {
    const other = await startReplica([fixture('secured-files.yaml')]);
    const exited = new Promise<number | null>((resolve) => other.process.once('exit', (code) => resolve(code)));
    other.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(other.stderr()).toContain('SIGTERM received');
  });
});
