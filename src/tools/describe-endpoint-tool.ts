/** @module The describe_endpoint tool as clients see it (name, description, schemas); its handler (describe-endpoint.ts) loads on the first call. */
import type { ToolDefinition } from './tool-definition.js';

export const maxIds = 10;

export function describeEndpointTool(): ToolDefinition {
  return {
    definition: {
      name: 'describe_endpoint',
      title: 'Describe API endpoints',
      description:
        'The inputs of endpoints (ids from list_endpoints, or "METHOD /path"): the JSON Schema execute_endpoint checks `arguments` against, the auth needed, and the responses.',
      inputSchema: {
        type: 'object',
        properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: maxIds, description: 'Endpoint ids.' } },
        required: ['ids'],
      },
      outputSchema: {
        type: 'object',
        properties: {
          endpoints: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                method: { type: 'string' },
                path: { type: 'string' },
                summary: { type: 'string' },
                description: { type: 'string' },
                inputSchema: { type: 'object' },
                responses: { type: 'array', items: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } },
                security: { type: 'array', items: { type: 'array', items: { type: 'object' } } },
                authOptional: { type: 'boolean' },
                configuredHeaders: { type: 'array', items: { type: 'string' } },
                configuredQuery: { type: 'array', items: { type: 'string' } },
                authorizationUnsent: { type: 'boolean' },
                deprecated: { type: 'boolean' },
                requestContentTypes: { type: 'array', items: { type: 'string' } },
                folded: { type: 'string' },
                apiWide: { type: 'array', items: { type: 'string' } },
                lookups: { type: 'array', items: { type: 'string' } },
                required: { type: 'array', items: { type: 'string' } },
                idSources: { type: 'object' },
                idListings: { type: 'object' },
                problems: { type: 'array', items: { type: 'string' } },
              },
              required: ['id', 'method', 'path', 'summary', 'description', 'inputSchema', 'responses', 'security', 'deprecated'],
            },
          },
          unknown: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'string' }, message: { type: 'string' } }, required: ['id', 'message'] },
          },
        },
        required: ['endpoints'],
      },
      annotations: { title: 'Describe API endpoints', readOnlyHint: true, openWorldHint: false },
    },
    // The handler and what it needs (schema compaction, folding) load on the first call.
    handle: async (input, context) => (await import('./describe-endpoint.js')).describeEndpoints(input, context),
  };
}
