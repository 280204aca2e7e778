/**
 * @module The three tools on the SDK that speaks MCP 2026-07-28 (@modelcontextprotocol/server 2.x): no
 * handshake, every request stands alone, list results carry cache hints. Tools are registered on the SDK's
 * McpServer with their generated JSON Schemas, so the SDK also checks the Mcp-Param-* headers they declare.
 */
import {
  fromJsonSchema,
  McpServer,
  type CallToolResult,
  type jsonSchemaValidator,
  type StandardSchemaWithJSON,
  type ToolAnnotations,
} from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import type { Runtime } from '../runtime.js';
import type { ToolDefinition } from '../tools/tool-definition.js';
import { callTool, type CallerScope } from './call-tool.js';
import { builtOnFirstUse } from './built-on-first-use.js';
import { serverInfo, serverInstructions } from './server-identity.js';

/**
 * The lists change only when a deployment changes its document or flags, and they are the same for every
 * caller: shared caches may keep them for an hour, about as long as a redeploy may take to be noticed.
 */
export const listCacheHint = { ttlMs: 3_600_000, cacheScope: 'public' } as const;
const cachedLists = ['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list', 'server/discover'] as const;

/**
 * The schemas are shown, not enforced, by the SDK: each tool checks its own input and repairs the usual
 * slips (arguments sent as a JSON string, parameters beside `arguments`) instead of refusing them.
 */
const shownNotEnforced: jsonSchemaValidator = { getValidator: () => (input) => ({ valid: true, data: input as never, errorMessage: undefined }) };

interface ModernTool {
  name: string;
  config: { title?: string; description?: string; inputSchema: StandardSchemaWithJSON; outputSchema: StandardSchemaWithJSON; annotations?: ToolAnnotations };
}

/** Schemas wrapped once per runtime, not per request. */
const toolsOf = new WeakMap<Runtime, ModernTool[]>();

function modernTools(runtime: Runtime): ModernTool[] {
  let tools = toolsOf.get(runtime);
  if (!tools) toolsOf.set(runtime, (tools = runtime.tools.map(modernTool)));
  return tools;
}

function modernTool({ definition }: ToolDefinition): ModernTool {
  const { name, title, description, inputSchema, outputSchema, annotations } = definition;
  const wrap = (schema: object) => fromJsonSchema(schema as never, shownNotEnforced) as StandardSchemaWithJSON;
  return {
    name,
    config: {
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      inputSchema: wrap(inputSchema),
      outputSchema: wrap(outputSchema ?? { type: 'object' }),
      ...(annotations ? { annotations } : {}),
    },
  };
}

/** One per process: each server would otherwise build its own Ajv. */
const validator = builtOnFirstUse(() => new AjvJsonSchemaValidator());

/** A server for one request (HTTP) or one connection (stdio). */
export function createModernServer(runtime: Runtime, caller: CallerScope): McpServer {
  const server = new McpServer(serverInfo(runtime.catalog), {
    // Prompts and resources are declared and empty: on this revision list results are cacheable, and a client
    // asking for them gets an empty list it may keep, instead of an error it must handle each time.
    capabilities: { tools: { listChanged: false }, prompts: { listChanged: false }, resources: { listChanged: false } },
    instructions: serverInstructions(runtime.catalog),
    cacheHints: Object.fromEntries(cachedLists.map((method) => [method, listCacheHint])),
    jsonSchemaValidator: validator,
  });
  for (const tool of modernTools(runtime)) {
    server.registerTool<StandardSchemaWithJSON, StandardSchemaWithJSON>(
      tool.name,
      tool.config,
      async (args) => (await callTool(runtime, caller, tool.name, args as Record<string, unknown>)) as CallToolResult,
    );
  }
  return server;
}
