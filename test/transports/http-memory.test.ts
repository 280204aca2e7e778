import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture } from '../support/connect.js';
import { startReplica, type Replica } from '../support/replicas.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

let upstream: Upstream;
let replica: Replica;

const bodyBytes = 60 * 1024 * 1024;

beforeAll(async () => {
  upstream = await startUpstream();
  // Every answer is a 60 MB JSON document, written as fast as the client reads it.
  upstream.respond(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    res.write('{"data":"');
    for (let sent = 0; sent < bodyBytes && !res.destroyed; sent += chunk.length) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end('"}');
  });
  replica = await startReplica([fixture('secured-files.yaml'), '--base-url', upstream.url, '--json-responses', '--max-body-bytes', '100000']);
});
afterAll(async () => {
  await replica.kill();
  await upstream.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${replica.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('memory held for upstream answers is bounded', () => {
  test('a JSON-RPC batch of 16 calls each getting a 60 MB answer: a clear error for those over the budget, memory bounded', async () => {
    const init = await post({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'batch', version: '1' } },
    });
    const sessionId = init.headers.get('mcp-session-id')!;
    const batch = Array.from({ length: 16 }, (_, i) => ({
      jsonrpc: '2.0',
      id: i + 1,
      method: 'tools/call',
      params: { name: 'execute_endpoint', arguments: { id: 'bigReport' } },
    }));
    const response = await post(batch, { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' });
    const results = (await response.json()) as { id: number; result: { isError?: boolean; content: { text: string }[] } }[];
    expect(results).toHaveLength(16);
    const refused = results.filter((r) => r.result.isError);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.result.content[0]!.text).toContain('the answer was not read, because upstream answers being read in one request already hold 64 MiB');
    expect(results.length - refused.length).toBeGreaterThan(0);
    const peak = peakRssMb(replica.process.pid!);
    console.log(`batch of 16 x 60 MB: ${results.length - refused.length} read, ${refused.length} refused, replica peak RSS ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(900);
  }, 60_000);
});
