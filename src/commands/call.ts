/** @module `call <spec> <id> --args '<json>'`: one operation from the terminal, through the same path as execute_endpoint. */
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { createLogger } from '../log.js';
import { createServer } from '../server.js';
import { prepareRuntime } from './prepare-runtime.js';

export interface CallOptions {
  args?: string;
  select?: string;
  contentType?: string;
}

/** Prints the result text; returns false when the call failed (bad arguments, unreachable API). */
export async function runCall(config: Config, id: string, options: CallOptions): Promise<boolean> {
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, json: config.logJson });
  const runtime = await prepareRuntime(config, logger);
  let args: unknown = {};
  if (options.args) {
    try {
      args = JSON.parse(options.args);
    } catch (error) {
      throw new ConfigError(`--args is not valid JSON: ${(error as Error).message}.`, `Example: --args '{"petId": 1}'`);
    }
  }
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
  const server = createServer(runtime);
  const client = new Client({ name: 'openapi-dynamic-mcp-call', version: '1' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  try {
    const input: Record<string, unknown> = { id, arguments: args };
    if (options.select) input.select = options.select;
    if (options.contentType) input.contentType = options.contentType;
    const result = await client.callTool({ name: 'execute_endpoint', arguments: input });
    const content = result.content as { type: string; text?: string }[];
    const text = content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    (result.isError ? process.stderr : process.stdout).write(`${text}\n`);
    return !result.isError;
  } finally {
    await client.close();
    await server.close();
  }
}
