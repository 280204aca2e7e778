import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { realSpecPath } from '../support/real-specs.mjs';
import { connectStdio, sample, textOf } from '../support/connect.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());
afterEach(() => {
  upstream.requests.length = 0;
});

describe('the stdio server (real bin, real SDK client)', () => {
  test('serves the bundled sample: list, describe, execute against a local upstream', async () => {
    const session = await connectStdio([sample, '--base-url', upstream.url]);
    try {
      const listed = await session.call('list_endpoints', { query: 'place an order' });
      expect((listed.structuredContent as { endpoints: { id: string }[] }).endpoints[0]!.id).toBe('placeOrder');
      const described = await session.call('describe_endpoint', { ids: ['placeOrder'] });
      expect(textOf(described)).toContain('placeOrder: POST /store/order');
      const executed = await session.call('execute_endpoint', { id: 'placeOrder', arguments: { body: { petId: 3, quantity: 1, status: 'placed' } } });
      expect(executed.structuredContent).toMatchObject({ status: 200 });
      expect(upstream.requests).toEqual([expect.objectContaining({ method: 'POST', url: '/store/order', body: '{"petId":3,"quantity":1,"status":"placed"}' })]);
      // Logs are written once the first requests are answered.
      await expect.poll(() => session.stderr(), { timeout: 5000 }).toContain('Serving Swagger Petstore (15 endpoints) over stdio.');
    } finally {
      await session.close();
    }
  });

  test("finds, describes and calls an endpoint of GitHub's API, sending exactly the request GitHub expects", async () => {
    const session = await connectStdio([realSpecPath('github'), '--base-url', upstream.url], { OPENAPI_MCP_LOG_LEVEL: 'warn' });
    try {
      const listed = await session.call('list_endpoints', { query: 'open a new issue in a repository', limit: 5 });
      const ids = (listed.structuredContent as { endpoints: { id: string; required: string[] }[] }).endpoints;
      expect(ids[0]).toMatchObject({ id: 'issues/create', required: ['owner', 'repo', 'body.title'] });
      const described = await session.call('describe_endpoint', { ids: ['issues/create'] });
      expect(described.isError).toBeFalsy();
      upstream.respond((_req, res) => {
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ number: 42, title: 'Crash on start', state: 'open' }));
      });
      const executed = await session.call('execute_endpoint', {
        id: 'issues/create',
        arguments: { owner: 'octo org', repo: 'hello-world', body: { title: 'Crash on start', labels: ['bug'] } },
      });
      expect(executed.structuredContent).toMatchObject({ status: 201, body: { number: 42 } });
      const [request] = upstream.requests;
      expect(request).toMatchObject({ method: 'POST', url: '/repos/octo%20org/hello-world/issues', body: '{"title":"Crash on start","labels":["bug"]}' });
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers.accept).toBe('application/json');
      // Logs are written once the first requests are answered (after 500 ms): wait past that, then nothing below warn.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(session.stderr()).not.toContain('Serving');
    } finally {
      await session.close();
    }
  });

  test('stdout carries only protocol: the sample starts and answers tools/list with exactly three tools', async () => {
    const session = await connectStdio([sample]);
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['list_endpoints', 'describe_endpoint', 'execute_endpoint']);
    } finally {
      await session.close();
    }
  });
});
