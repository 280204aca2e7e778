import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemcachedSessionStore } from '../../src/session/memcached-session-store.js';
import { fixture, textOf } from '../support/connect.js';
import { startMemcached, type Memcached } from '../support/memcached.js';
import { connectHttp, rotatingFetch, startReplica, type Replica } from '../support/replicas.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let memcached: Memcached;
let upstream: Upstream;
let replicas: Replica[];

const rows = Array.from({ length: 60 }, (_, i) => ({ id: i, name: `row ${i}` }));

beforeAll(async () => {
  [memcached, upstream] = await Promise.all([startMemcached(), startUpstream()]);
  upstream.respond((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url.startsWith('/reports') ? JSON.stringify({ rows }) : JSON.stringify({ url: req.url }));
  });
  const args = [fixture('secured-files.yaml'), '--base-url', upstream.url, '--memcached', memcached.address, '--max-response-bytes', '400'];
  replicas = await Promise.all([startReplica(args), startReplica(args), startReplica(args)]);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.kill()));
  await Promise.all([memcached.stop(), upstream.close()]);
});

/** Reads a session's record straight from memcached, as the replicas store it. */
async function storedState(sessionId: string) {
  const store = new MemcachedSessionStore({ servers: [memcached.address], namespace: 'odm', ttlSeconds: 3600 });
  try {
    return await store.get(sessionId);
  } finally {
    await store.close();
  }
}

describe('three replicas sharing memcached, requests rotated across them', () => {
  test('one session runs list -> describe -> execute with its state intact on every replica', async () => {
    const served: number[] = [];
    const session = await connectHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas, served) });
    try {
      const listed = await session.call('list_endpoints', {});
      expect(listed.structuredContent).toHaveProperty('tags');
      const again = await session.call('list_endpoints', {});
      expect(again.structuredContent).not.toHaveProperty('tags');
      await session.call('describe_endpoint', { ids: ['listFiles'] });
      const invalid = await session.call('execute_endpoint', { id: 'listFiles', arguments: { nope: 1 } });
      // Described on another replica: the error names the leaf only, without pointing back to describe_endpoint.
      expect(textOf(invalid)).toMatch(/^- \/nope: unknown name; this endpoint takes no arguments\nFix these and call execute_endpoint again\.$/m);
      const executed = await session.call('execute_endpoint', { id: 'listFiles' });
      expect(executed.structuredContent).toMatchObject({ status: 200, body: { url: '/files' } });
      expect(new Set(served).size).toBe(3);
      const state = await storedState(session.transport.sessionId!);
      expect(state?.described).toEqual(['listFiles']);
    } finally {
      await session.close();
    }
  });

  test('a continuation minted on one replica is redeemed on another', async () => {
    const served: number[] = [];
    const session = await connectHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas, served) });
    try {
      let result = (await session.call('execute_endpoint', { id: 'bigReport' })).structuredContent as { body: string; continuation?: string };
      const parts = [result.body];
      while (result.continuation) {
        result = (await session.call('execute_endpoint', { continuation: result.continuation })).structuredContent as typeof result;
        parts.push(result.body);
      }
      expect(JSON.parse(parts.join(''))).toEqual({ rows });
      expect(new Set(served).size).toBe(3);
    } finally {
      await session.close();
    }
  });

  test('two replicas updating one session at once lose no write', async () => {
    const session = await connectHttp(replicas[0]!.url);
    const sessionId = session.transport.sessionId!;
    try {
      const ids = ['listFiles', 'uploadFile', 'putRaw', 'getRaw', 'whoAmI', 'bigReport'];
      // Each describe goes to its own replica, all at once.
      await Promise.all(ids.map((id, i) => callOn(replicas[i % 3]!.url, sessionId, 'describe_endpoint', { ids: [id] })));
      expect((await storedState(sessionId))?.described.sort()).toEqual([...ids].sort());
    } finally {
      await session.close();
    }
  });

  test('a replica killed mid-session: the next request succeeds on another', async () => {
    const extra = await startReplica([fixture('secured-files.yaml'), '--base-url', upstream.url, '--memcached', memcached.address]);
    const pool = [extra, ...replicas];
    const session = await connectHttp(extra.url, { fetch: rotatingFetch(pool) });
    try {
      await session.call('describe_endpoint', { ids: ['listFiles'] });
      await extra.kill();
      for (let i = 0; i < 4; i++) expect((await session.call('list_endpoints', { query: 'files' })).isError).toBeFalsy();
      expect((await storedState(session.transport.sessionId!))?.described).toEqual(['listFiles']);
    } finally {
      await session.close();
    }
  });

  test('a session ended by DELETE stays ended on the replica that ended it after memcached loses its data', async () => {
    const session = await connectHttp(replicas[1]!.url);
    const id = session.transport.sessionId!;
    await session.transport.terminateSession();
    await memcached.restart();
    const again = await post(replicas[1]!.url, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-session-id': id });
    expect(again.status).toBe(404);
  });

  test('an id we did not mint, or one ended by DELETE, gets 404', async () => {
    const bogus = await post(replicas[0]!.url, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-session-id': 'made-up' });
    expect(bogus.status).toBe(404);
    const session = await connectHttp(replicas[1]!.url);
    const id = session.transport.sessionId!;
    await session.transport.terminateSession();
    const afterDelete = await post(replicas[2]!.url, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-session-id': id });
    expect(afterDelete.status).toBe(404);
    expect(await afterDelete.text()).toContain('Session not found');
  });

  test('GET on /mcp is 405, a request without a session id is 400', async () => {
    expect((await fetch(`${replicas[0]!.url}/mcp`, { headers: { accept: 'text/event-stream' } })).status).toBe(405);
    expect((await post(replicas[0]!.url, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).status).toBe(400);
  });
});

describe('memcached faults', () => {
  test('memcached restarted: the session continues with a fresh record', async () => {
    const session = await connectHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas) });
    try {
      await session.call('list_endpoints', {});
      await memcached.restart();
      const after = await session.call('list_endpoints', {});
      expect(after.isError).toBeFalsy();
      expect(after.structuredContent).toHaveProperty('tags'); // the fresh record has not shown them yet
    } finally {
      await session.close();
    }
  });

  test('memcached stopped: not ready, tools still work, continuations say the store is unavailable; ready again when it returns', async () => {
    const session = await connectHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas) });
    try {
      await memcached.stop();
      const readiness = await fetch(`${replicas[1]!.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(await readiness.json()).toMatchObject({ ready: false, store: expect.stringContaining('unreachable') });
      expect((await fetch(`${replicas[1]!.url}/healthz`)).status).toBe(200);
      expect((await session.call('list_endpoints', { query: 'files' })).isError).toBeFalsy();
      expect((await session.call('describe_endpoint', { ids: ['listFiles'] })).isError).toBeFalsy();
      const long = await session.call('execute_endpoint', { id: 'bigReport' });
      expect(long.isError).toBeFalsy();
      expect(textOf(long)).toContain('The session store could not keep the rest of the response');
      // Ending a session needs the store: an honest 503 the client can retry, and the session goes on.
      const id = session.transport.sessionId!;
      const ending = await fetch(`${replicas[0]!.url}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': id } });
      expect(ending.status).toBe(503);
      expect(ending.headers.get('retry-after')).toBe('5');
      expect(await ending.text()).toContain('The session was not ended');
      expect((await session.call('list_endpoints', {})).isError).toBeFalsy();
      await memcached.restart();
      expect((await fetch(`${replicas[2]!.url}/readyz`)).status).toBe(200);
    } finally {
      await session.close();
    }
  });
});

/** One tools/call as raw JSON-RPC on a given replica within an existing session (what a client's next request is). */
async function callOn(url: string, sessionId: string, name: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await post(
    url,
    { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: args } },
    { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice(6);
  return (JSON.parse(data) as { result: unknown }).result;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}
