// Real 2026-07-28 clients (@modelcontextprotocol/client 2.x, pinned to that revision): over stdio to the real bin, or over HTTP.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bin } from './connect.js';

export const modernRevision = '2026-07-28';

export interface ModernSession {
  client: Client;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

function pinnedClient(): Client {
  return new Client({ name: 'modern-test-client', version: '1.0.0' }, { versionNegotiation: { mode: { pin: modernRevision } } });
}

function wrap(client: Client): ModernSession {
  return {
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

export async function connectModernStdio(args: string[], env: Record<string, string> = {}): Promise<ModernSession & { stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, ...args],
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = pinnedClient();
  await client.connect(transport);
  return { ...wrap(client), stderr: () => stderr };
}

export async function connectModernHttp(url: string, options: { fetch?: typeof fetch; token?: string } = {}): Promise<ModernSession> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { requestInit: { headers: { authorization: `Bearer ${options.token}` } } } : {}),
  });
  const client = pinnedClient();
  await client.connect(transport);
  return wrap(client);
}
