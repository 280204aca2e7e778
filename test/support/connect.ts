// Real MCP SDK clients: linked in memory to a real server, or over stdio to the real bin.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../src/server.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { serverOptions, settings, type TestServerOptions } from './settings.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'openapi-dynamic-mcp.js');
export const fixture = (name: string) => join(root, 'test', 'fixtures', 'specs', name);
export const sample = join(root, 'specs', 'petstore.yaml');

export async function catalogOf(spec: string): Promise<Catalog> {
  return buildCatalog(await loadSpec(spec, settings()));
}

export interface Connected {
  client: Client;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

function wrap(client: Client, close: () => Promise<void>): Connected {
  return {
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close,
  };
}

/** A real Client and a real server linked in memory; tools/list is fetched so output schemas are checked. */
export async function connectInMemory(options: TestServerOptions): Promise<Connected> {
  const server = createServer(serverOptions(options));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  await client.listTools();
  return wrap(client, async () => {
    await client.close();
    await server.close();
  });
}

/** Spawns the real bin over stdio, as an MCP client configured with a command would. */
export interface Launch {
  command: string;
  args: string[];
  cwd?: string;
}

export async function connectStdio(
  args: string[],
  env: Record<string, string> = {},
  launch: Launch = { command: process.execPath, args: [bin] },
): Promise<Connected & { stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: launch.command,
    args: [...launch.args, ...args],
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
    ...(launch.cwd ? { cwd: launch.cwd } : {}),
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'stdio-test-client', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  return { ...wrap(client, () => client.close()), stderr: () => stderr };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
