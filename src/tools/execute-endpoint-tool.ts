/** @module The execute_endpoint tool as clients see it (name, description, schemas); its handler (execute-endpoint.ts) loads on the first call. */
import type { Catalog } from '../openapi/catalog.js';
import type { ToolDefinition } from './tool-definition.js';

export function executeEndpointTool(catalog: Catalog, options: { readOnly?: boolean } = {}): ToolDefinition {
  return {
    definition: {
      name: 'execute_endpoint',
      title: 'Call an API endpoint',
      description:
        'Calls one endpoint: `arguments` has one property per parameter and `body` for the request body, as describe_endpoint shows. Returns status, headers and body (JSON parsed); a non-2xx status is a normal result. `select` (JMESPath) narrows a JSON body; a long body comes in parts: pass its `continuation` for the next.',
      inputSchema: {
        type: 'object',
        properties: {
          // Mirrored into an Mcp-Param-Endpoint header by 2026-07-28 clients, so proxies can log or limit by endpoint (SEP-2243).
          id: { type: 'string', description: 'Endpoint id, or "METHOD /path".', 'x-mcp-header': 'Endpoint' },
          arguments: { type: 'object' },
          select: { type: 'string', description: 'e.g. "items[].{id: id, name: name}"' },
          contentType: { type: 'string', description: 'Request body type, when the endpoint takes several.' },
          continuation: { type: 'string', description: 'Next part of a long body, without calling the API again.' },
        },
      },
      outputSchema: {
        type: 'object',
        properties: {
          status: { type: 'integer' },
          statusText: { type: 'string' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          // Any JSON value, one branch per type: MCP Inspector --strict flags both a bare `{}` and a list of types.
          body: { anyOf: ['object', 'array', 'string', 'number', 'boolean', 'null'].map((type) => ({ type })) },
          truncated: { type: 'object', properties: { totalBytes: { type: 'integer' }, returnedBytes: { type: 'integer' }, offset: { type: 'integer' } } },
          continuation: { type: 'string' },
          adjustments: { type: 'array', items: { type: 'string' } },
          notes: { type: 'array', items: { type: 'string' } },
        },
        required: ['status', 'headers', 'body'],
      },
      annotations: options.readOnly
        ? { title: 'Call an API endpoint (read-only)', readOnlyHint: true, openWorldHint: true }
        : { title: 'Call an API endpoint', readOnlyHint: false, destructiveHint: true, openWorldHint: true },
    },
    // The handler and what it needs (validation, requests, auth) load on the first call.
    handle: async (input, context) => (await import('./execute-endpoint.js')).handleExecute(catalog, input, context),
  };
}
