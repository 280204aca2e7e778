import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, textOf } from '../support/connect.js';
import { startMemcached, type Memcached } from '../support/memcached.js';
import { connectModernHttp } from '../support/modern-client.js';
import { connectHttp, rotatingFetch, startReplica, type Replica } from '../support/replicas.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let memcached: Memcached;
let upstream: Upstream;
let replicas: Replica[];
let tokenRequests = 0;

beforeAll(async () => {
  [memcached, upstream] = await Promise.all([startMemcached(), startUpstream()]);
  upstream.respond((req, res) => {
    if (req.url === '/oauth/token') {
      tokenRequests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `token-${tokenRequests}`, expires_in: 3600 }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, authorization: req.headers.authorization ?? null }));
  });
  const args = [fixture('secured-files.yaml'), '--base-url', upstream.url, '--memcached', memcached.address, '--auth', 'oauthClient=client-a:secret-b'];
  replicas = await Promise.all([startReplica(args), startReplica(args), startReplica(args)]);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.kill()));
  await Promise.all([memcached.stop(), upstream.close()]);
});

const sessionOf = (result: { structuredContent?: Record<string, unknown> }) => result.structuredContent?.session as string;

describe('2026-07-28 clients on three replicas sharing memcached, every request to the next replica', () => {
  test('a handle minted by the first call is honoured by every replica, survives a killed one, and shortens repair errors', async () => {
    const extra = await startReplica([fixture('secured-files.yaml'), '--base-url', upstream.url, '--memcached', memcached.address]);
    const pool = [extra, ...replicas];
    const served: number[] = [];
    const session = await connectModernHttp(replicas[0]!.url, { fetch: rotatingFetch(pool, served) });
    try {
      expect(session.client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
      const first = await session.call('list_endpoints', {});
      const handle = sessionOf(first);
      expect(textOf(first)).toContain(`session: ${handle}`);
      expect(first.structuredContent).toHaveProperty('tags');

      const described = await session.call('describe_endpoint', { ids: ['listFiles'], session: handle });
      expect(sessionOf(described)).toBe(handle);
      const repaired = await session.call('execute_endpoint', { id: 'listFiles', arguments: { nope: 1 }, session: handle });
      const unaided = await session.call('execute_endpoint', { id: 'listFiles', arguments: { nope: 1 } });
      expect(textOf(repaired)).not.toContain('schema:');
      expect(textOf(repaired).length).toBeLessThan(textOf(unaided).length);

      await extra.kill();
      for (let i = 0; i < 4; i++) {
        const again = await session.call('list_endpoints', { session: handle });
        expect(sessionOf(again)).toBe(handle);
        expect(again.structuredContent).not.toHaveProperty('tags');
      }
      expect(new Set(served).size).toBe(4);
    } finally {
      await session.close();
    }
  });

  test('an unknown handle brings a fresh one, and the call works', async () => {
    const session = await connectModernHttp(replicas[1]!.url, { fetch: rotatingFetch(replicas) });
    try {
      const result = await session.call('list_endpoints', { query: 'files', session: 'AAAAAAAAAAAAAAAAAAAAAA.k0.AAAAAAAAAAAAAAAAAAAAAA' });
      expect(result.isError).toBeFalsy();
      expect(sessionOf(result)).toMatch(/^[A-Za-z0-9_-]{22}\./);
      expect(sessionOf(result)).not.toContain('AAAAAAAAAAAAAAAAAAAAAA');
    } finally {
      await session.close();
    }
  });

  test('a 2025-era client and a 2026-07-28 client share the endpoint; the legacy session id is a handle too', async () => {
    const legacy = await connectHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas) });
    const modern = await connectModernHttp(replicas[0]!.url, { fetch: rotatingFetch(replicas) });
    try {
      await legacy.call('list_endpoints', {});
      const sessionId = legacy.transport.sessionId!;
      // The modern client may continue the legacy conversation by passing its id as the handle.
      const continued = await modern.call('list_endpoints', { session: sessionId });
      expect(sessionOf(continued)).toBe(sessionId);
      expect(continued.structuredContent).not.toHaveProperty('tags');
    } finally {
      await Promise.all([legacy.close(), modern.close()]);
    }
  });

  test('one OAuth client-credentials token per replica process, not one per request', async () => {
    const before = tokenRequests;
    const single = replicas[2]!;
    const modern = await connectModernHttp(single.url);
    const legacy = await connectHttp(single.url);
    try {
      for (const session of [modern, legacy, modern]) {
        const result = await session.call('execute_endpoint', { id: 'getRaw', arguments: { name: 'a.png' } });
        expect(result.structuredContent).toMatchObject({ status: 200 });
      }
      expect(tokenRequests - before).toBe(1);
    } finally {
      await Promise.all([modern.close(), legacy.close()]);
    }
  });

  test('GET on /mcp is 405 for both eras; DELETE without a session id is 405', async () => {
    const url = `${replicas[0]!.url}/mcp`;
    expect((await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-protocol-version': '2026-07-28' } })).status).toBe(405);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405);
  });
});
