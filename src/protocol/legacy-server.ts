/** @module The three tools on the SDK that speaks the 2025 protocol revisions (@modelcontextprotocol/sdk 1.x): clients that open with initialize. */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import type { Runtime } from '../runtime.js';
import { callTool, UnknownToolError, type CallerScope } from './call-tool.js';
import { builtOnFirstUse } from './built-on-first-use.js';
import { serverInfo, serverInstructions } from './server-identity.js';

/** One per process: each server would otherwise build its own Ajv. */
const validator = builtOnFirstUse(() => new AjvJsonSchemaValidator());

/** A server for one connection (stdio) or one request (HTTP). */
export function createLegacyServer(runtime: Runtime, caller: CallerScope): Server {
  const server = new Server(serverInfo(runtime.catalog), {
    capabilities: { tools: {}, logging: {} },
    instructions: serverInstructions(runtime.catalog),
    jsonSchemaValidator: validator,
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: runtime.tools.map((t) => t.definition) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    try {
      return await callTool(runtime, caller, request.params.name, request.params.arguments);
    } catch (error) {
      if (error instanceof UnknownToolError) throw new McpError(ErrorCode.InvalidParams, error.message);
      throw error;
    }
  });
  return server;
}
