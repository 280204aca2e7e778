// The yardstick for startup: a plain Node process that only JSON-parses the spec and serves one
// trivial tool with the MCP SDK over stdio. Our server is compared against this.
import { readFileSync } from 'node:fs';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = new Server({ name: 'baseline', version: '0.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: 'noop', description: `${Object.keys(document.paths).length} paths`, inputSchema: { type: 'object' } }],
}));
await server.connect(new StdioServerTransport());
