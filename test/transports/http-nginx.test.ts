// The deployment as shipped: a real nginx running deploy/nginx/mcp-proxy.conf, round robin over three
// real replicas that share a real memcached. The MCP client only ever talks to nginx.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture } from '../support/connect.js';
import { freePort, startMemcached, type Memcached } from '../support/memcached.js';
import { startNginx, type Nginx } from '../support/nginx.js';
import { connectHttp, startReplica, type Replica } from '../support/replicas.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let memcached: Memcached;
let upstream: Upstream;
let replicas: Replica[];
let nginx: Nginx;

beforeAll(async () => {
  [memcached, upstream] = await Promise.all([startMemcached(), startUpstream()]);
  upstream.respond((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url }));
  });
  const args = [fixture('secured-files.yaml'), '--base-url', upstream.url, '--memcached', memcached.address];
  replicas = await Promise.all([startReplica(args), startReplica(args), startReplica(args)]);
  nginx = await startNginx(replicas.map((r) => r.port));
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all((replicas ?? []).map((r) => r.kill()));
  await Promise.all([memcached?.stop(), upstream?.close()]);
});

/** Tool calls each replica has served, from its own /metrics. */
async function toolCallsPerReplica(): Promise<number[]> {
  return Promise.all(
    replicas.map(async (replica) => {
      const text = await (await fetch(`${replica.url}/metrics`)).text();
      return [...text.matchAll(/^odm_tool_calls_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    }),
  );
}

describe('behind nginx with the shipped proxy configuration', () => {
  test('a session runs list -> describe -> execute while nginx spreads its requests over the replicas', async () => {
    const before = await toolCallsPerReplica();
    const session = await connectHttp(nginx.url);
    try {
      const first = await session.call('list_endpoints', {});
      expect(first.structuredContent).toHaveProperty('tags');
      const second = await session.call('list_endpoints', {});
      // The tag overview is shown once per session, whichever replica served the first list.
      expect(second.structuredContent).not.toHaveProperty('tags');
      const described = await session.call('describe_endpoint', { ids: ['listFiles'] });
      expect(described.isError).toBeFalsy();
      for (let i = 0; i < 3; i++) {
        const executed = await session.call('execute_endpoint', { id: 'listFiles' });
        expect(executed.structuredContent).toMatchObject({ status: 200, body: { url: '/files' } });
      }
    } finally {
      await session.close();
    }
    const after = await toolCallsPerReplica();
    const served = after.map((n, i) => n - before[i]!);
    expect(served.reduce((a, b) => a + b, 0)).toBe(6);
    expect(served.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  test('a browser page on the proxy origin passes the Origin check (Host keeps its port through nginx)', async () => {
    const response = await fetch(`${nginx.url}/mcp`, {
      method: 'POST',
      headers: { origin: nginx.url, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'page', version: '1' } },
      }),
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  test('a foreign Origin is refused by the replica, through nginx', async () => {
    const response = await fetch(`${nginx.url}/mcp`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Origin');
  });

  test('readiness and unknown paths answer through the proxy', async () => {
    expect((await fetch(`${nginx.url}/readyz`)).status).toBe(200);
    const notFound = await fetch(`${nginx.url}/elsewhere`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: 'Not found. The MCP endpoint is /mcp.' });
  });

  test('with every replica down, nginx answers a JSON-RPC 503 with Retry-After, and nothing hangs', async () => {
    const ports = [await freePort(), await freePort()];
    const lonely = await startNginx(ports);
    try {
      const response = await fetch(`${lonely.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('retry');
    } finally {
      await lonely.stop();
    }
  });
});
