/** @module The shape every tool module exports: its MCP definition and its handler. */
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolContext } from './tool-context.js';

export interface ToolDefinition {
  definition: Tool;
  handle(input: Record<string, unknown>, context: ToolContext): Promise<CallToolResult>;
}
