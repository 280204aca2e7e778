import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bin, connectStdio, sample, textOf } from '../support/connect.js';
import { connectModernStdio } from '../support/modern-client.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const sessionOf = (result: { structuredContent?: Record<string, unknown> }) => result.structuredContent?.session as string;

describe('stdio serves both protocol eras, one per connection', () => {
  test('a 2026-07-28 client connects without initialize and keeps its conversation on the session handle', async () => {
    const session = await connectModernStdio([sample, '--base-url', upstream.url]);
    try {
      expect(session.client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['list_endpoints', 'describe_endpoint', 'execute_endpoint']);
      for (const tool of tools) expect(tool.inputSchema.properties).toHaveProperty('session');
      const first = await session.call('list_endpoints', {});
      const handle = sessionOf(first);
      expect(first.structuredContent).toHaveProperty('tags');
      const again = await session.call('list_endpoints', { session: handle });
      expect(again.structuredContent).not.toHaveProperty('tags');
      await session.call('describe_endpoint', { ids: ['getPetById'], session: handle });
      const invalid = await session.call('execute_endpoint', { id: 'getPetById', arguments: { petId: 'seven' }, session: handle });
      expect(textOf(invalid)).not.toContain('schema:');
      const executed = await session.call('execute_endpoint', { id: 'getPetById', arguments: { petId: 7 }, session: handle });
      expect(executed.structuredContent).toMatchObject({ status: 200, session: handle });
    } finally {
      await session.close();
    }
  });

  test('a 2025-era client (initialize) is served by the 2025 SDK; calls without a handle share the connection', async () => {
    const session = await connectStdio([sample, '--base-url', upstream.url]);
    try {
      expect(session.client.getServerVersion()?.name).toBe('openapi-dynamic-mcp');
      const first = await session.call('list_endpoints', {});
      const second = await session.call('list_endpoints', {});
      expect(sessionOf(first)).toBe(sessionOf(second));
      expect(second.structuredContent).not.toHaveProperty('tags');
      expect(textOf(second)).not.toContain('session:');
    } finally {
      await session.close();
    }
  });

  test('tools/list on 2026-07-28 carries cache hints, on the wire', async () => {
    const child = spawn(process.execPath, [bin, sample, '--log-level', 'silent'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta } })}\n`);
    const line = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
    });
    child.kill();
    const response = JSON.parse(line) as { result: { ttlMs: number; cacheScope: string; tools: unknown[] } };
    expect(response.result).toMatchObject({ ttlMs: 3_600_000, cacheScope: 'public' });
    expect(response.result.tools).toHaveLength(3);
  });
});
