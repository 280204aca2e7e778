// Several real HTTP server processes (the real bin) sharing one store, and a client fetch that
// rotates across them like a round-robin load balancer, skipping replicas that refuse connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bin } from './connect.js';
import { freePort } from './memcached.js';

export interface Replica {
  port: number;
  url: string;
  process: ChildProcess;
  stderr: () => string;
  kill(): Promise<void>;
}

export const sessionSecret = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export async function startReplica(args: string[], env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [bin, ...args, '--transport', 'http', '--port', String(port), '--session-secret', sessionSecret, '--log-format', 'json'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) throw new Error(`replica did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url,
    process: child,
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Round-robin over the replicas; a replica that refuses the connection is skipped, as a load balancer would. */
export function rotatingFetch(replicas: readonly Replica[], served: number[] = []): typeof fetch {
  let next = 0;
  return async (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    let lastError: unknown;
    for (let tries = 0; tries < replicas.length; tries++) {
      const replica = replicas[next++ % replicas.length]!;
      target.port = String(replica.port);
      try {
        const response = await fetch(target, init);
        served.push(replica.port);
        return response;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
}

export interface HttpSession {
  client: Client;
  transport: StreamableHTTPClientTransport;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function connectHttp(url: string, options: { fetch?: typeof fetch; token?: string } = {}): Promise<HttpSession> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { requestInit: { headers: { authorization: `Bearer ${options.token}` } } } : {}),
  });
  const client = new Client({ name: 'http-test-client', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  return {
    client,
    transport,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}
