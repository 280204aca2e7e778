/**
 * @module The tool list, built once per catalog: every tool takes the optional `session` handle, and every
 * result's structuredContent carries it back (https://modelcontextprotocol.io/specification/2026-07-28:
 * cross-call state is referenced by a server-minted handle passed as an ordinary tool argument).
 */
import type { Catalog } from '../openapi/catalog.js';
import { describeEndpointTool } from './describe-endpoint-tool.js';
import { executeEndpointTool } from './execute-endpoint-tool.js';
import { listEndpointsTool } from './list-endpoints-tool.js';
import type { ToolDefinition } from './tool-definition.js';

export const sessionArgument = { type: 'string', description: 'The session of your last result.' } as const;

export interface ToolOptions {
  /** Marks execute_endpoint read-only in its annotations. */
  readOnly: boolean;
}

/** Every tool, in the order tools/list shows them: a new tool is a module in this folder and a line here. */
const toolFactories: readonly ((catalog: Catalog, options: ToolOptions) => ToolDefinition)[] = [listEndpointsTool, describeEndpointTool, executeEndpointTool];

export function createTools(catalog: Catalog, options: ToolOptions): ToolDefinition[] {
  return toolFactories.map((make) => withSession(make(catalog, options)));
}

/**
 * Adds `session` to the input and output schemas. Results of failed calls carry only `session` (their
 * text says what failed), so nothing else in the output schema is required.
 */
function withSession(tool: ToolDefinition): ToolDefinition {
  const { inputSchema, outputSchema } = tool.definition;
  return {
    ...tool,
    definition: {
      ...tool.definition,
      inputSchema: { ...inputSchema, properties: { ...inputSchema.properties, session: sessionArgument } },
      ...(outputSchema
        ? {
            outputSchema: {
              ...outputSchema,
              properties: { ...outputSchema.properties, session: { type: 'string' } },
              required: ['session'],
            },
          }
        : {}),
    },
  };
}
