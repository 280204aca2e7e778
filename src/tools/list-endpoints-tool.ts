/** @module The list_endpoints tool as clients see it (name, description, schemas); its handler (list-endpoints.ts) loads on the first call. */
import type { Catalog } from '../openapi/catalog.js';
import type { ToolDefinition } from './tool-definition.js';
import { theApi } from '../openapi/api-name.js';

export const defaultLimit = 20;
/** Tags named in the tool description: enough to show what the API covers, few enough to stay cheap. */
const overviewTagsInDescription = 10;

export function listEndpointsTool(catalog: Catalog): ToolDefinition {
  return {
    definition: {
      name: 'list_endpoints',
      title: 'List API endpoints',
      description: describeTool(catalog),
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'What you want to do, e.g. "create issue".' },
          tag: { type: 'string' },
          method: { type: 'string', description: 'e.g. GET' },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: defaultLimit },
          cursor: { type: 'string', description: 'nextCursor of the previous page.' },
        },
      },
      outputSchema: {
        type: 'object',
        properties: {
          total: { type: 'integer' },
          totalWithVariants: { type: 'integer' },
          endpoints: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                method: { type: 'string' },
                path: { type: 'string' },
                summary: { type: 'string' },
                tags: { type: 'array', items: { type: 'string' } },
                required: { type: 'array', items: { type: 'string' } },
                choices: { type: 'object', additionalProperties: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } } },
                formats: { type: 'object', additionalProperties: { type: 'string' } },
                deprecated: { type: 'boolean' },
                variants: { type: 'array', items: { type: 'string' } },
                moreVariants: { type: 'integer' },
              },
              required: ['id', 'method', 'path', 'summary', 'tags', 'required'],
            },
          },
          nextCursor: { type: 'string' },
          otherIds: { type: 'array', items: { type: 'string' } },
          weaker: { type: 'array', items: { type: 'string' }, description: 'With fewer than three results: the ids of the best matches sharing fewer words.' },
          tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } }, required: ['name', 'count'] } },
        },
        required: ['total', 'endpoints'],
      },
      annotations: { title: 'List API endpoints', readOnlyHint: true, openWorldHint: false },
    },
    // The handler and what it needs (search, schemas) load on the first call: startup only lists tools.
    handle: async (input, context) => (await import('./list-endpoints.js')).listEndpoints(input, context),
  };
}

function describeTool(catalog: Catalog): string {
  const tags = catalog
    .overviewTags()
    .slice(0, overviewTagsInDescription)
    .map((t) => `${t.name} (${t.count})`);
  const more = catalog.overviewTags().length - tags.length;
  const tagText = tags.length ? ` Largest tags: ${tags.join(', ')}${more > 0 ? `, and ${more} more` : ''}.` : '';
  return (
    `Search ${theApi(catalog.apiName)} (${catalog.operations.length} endpoints) by what you want to do, or browse by tag or method.` +
    `${tagText} Results give each id and its required arguments; then describe_endpoint for the inputs, or execute_endpoint.`
  );
}
