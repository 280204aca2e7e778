// The yardstick for execute overhead: a minimal MCP SDK server over stdio with one tool that returns a constant
// result shaped like execute_endpoint's (text and structuredContent), without calling anything. The MCP round
// trip itself costs what this costs.
import { fileURLToPath } from 'node:url';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/** What execute_endpoint answers for GET /pet/7 against bench/load-upstream.mjs. */
export const constantResult = (() => {
  const body = { id: 7, name: 'pet-7', status: 'available', category: { id: 1, name: 'dogs' }, photoUrls: [], tags: [{ id: 1, name: 'friendly' }] };
  return {
    content: [{ type: 'text', text: `HTTP 200 OK from GET /pet/{petId} (application/json)\n${JSON.stringify(body)}` }],
    structuredContent: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body },
  };
})();

export function createConstantServer() {
  const server = new Server({ name: 'constant', version: '0.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [{ name: 'constant', description: 'Returns a constant result.', inputSchema: { type: 'object' } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, async () => constantResult);
  return server;
}

/** Streamable HTTP, stateless: a fresh server and transport per request, as the hosted server does. Prints {"port"}. */
async function serveHttp() {
  const { createServer } = await import('node:http');
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  const http = createServer(async (req, res) => {
    const server = createConstantServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void server.close());
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  http.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: http.address().port })}\n`));
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--http')) await serveHttp();
  else await createConstantServer().connect(new StdioServerTransport());
}
