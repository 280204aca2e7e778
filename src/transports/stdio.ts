/** @module Serves one MCP session over stdin/stdout; logs go to stderr. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer, type CreateServerOptions } from '../server.js';

/** Starts the server on stdio; resolves when the client disconnects (stdin closes). */
export async function serveStdio(options: CreateServerOptions): Promise<void> {
  const server = createServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
