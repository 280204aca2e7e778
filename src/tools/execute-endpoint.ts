/** @module The execute_endpoint tool: validates arguments against the describe schema, sends the request, returns status, headers and body. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ArgumentShapeError, normalizeArguments } from '../arguments/normalize-arguments.js';
import { validateArguments, type ArgumentProblem } from '../arguments/validate-arguments.js';
import { describeError, DynamicMcpError } from '../errors.js';
import { expandServerUrl, resolveBaseUrl } from '../http/base-url.js';
import { buildRequest } from '../http/build-request.js';
import { sendRequest } from '../http/send-request.js';
import { shapeResponse, type ShapedResponse } from '../http/shape-response.js';
import { maxDescribedIds } from '../session/session-store.js';
import type { Catalog } from '../spec/catalog.js';
import { inputSchemaOf } from '../spec/input-schema.js';
import type { Operation } from '../spec/operation.js';
import { isObject, type JsonObject, type ResponseObject } from '../spec/openapi-types.js';
import type { ToolContext } from './tool-context.js';
import type { ToolDefinition } from './tool-definition.js';
import { compactJson, toolError, toolResult } from './tool-result.js';
import { unknownEndpointMessage } from './unknown-endpoint.js';

const toolFields = new Set(['id', 'arguments']);

export function executeEndpointTool(catalog: Catalog): ToolDefinition {
  let allowedOrigins: Set<string> | undefined;
  return {
    definition: {
      name: 'execute_endpoint',
      title: 'Call an API endpoint',
      description:
        'Calls one endpoint of the API. `arguments` holds one property per parameter and `body` for the request body, exactly as describe_endpoint shows; invalid arguments come back with the problems and the schema. Returns the HTTP status, selected headers and the body (JSON parsed); a non-2xx status is a normal result.',
      inputSchema: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'Endpoint id from list_endpoints, or "METHOD /path".' },
          arguments: { type: 'object', description: 'Parameters by name, and `body` for the request body.' },
        },
        required: ['id'],
      },
      outputSchema: {
        type: 'object',
        properties: {
          status: { type: 'integer' },
          statusText: { type: 'string' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          body: {},
          truncated: { type: 'object', properties: { totalBytes: { type: 'integer' }, returnedBytes: { type: 'integer' } } },
          adjustments: { type: 'array', items: { type: 'string' } },
        },
        required: ['status', 'headers', 'body'],
      },
      annotations: { title: 'Call an API endpoint', readOnlyHint: false, destructiveHint: true, openWorldHint: true },
    },
    handle: (input, context) => executeEndpoint(input, context, (allowedOrigins ??= serverOrigins(catalog))),
  };
}

async function executeEndpoint(input: Record<string, unknown>, context: ToolContext, allowedOrigins: ReadonlySet<string>): Promise<CallToolResult> {
  const { catalog } = context;
  if (typeof input.id !== 'string' || !input.id.trim()) {
    return toolError('"id" is required: the endpoint id from list_endpoints (or "METHOD /path"), with its parameters in "arguments".');
  }
  const operation = catalog.find(input.id);
  if (!operation) return toolError(unknownEndpointMessage(catalog, input.id));
  const { schema, bindings } = inputSchemaOf(operation, catalog);

  const strays = Object.fromEntries(Object.entries(input).filter(([key]) => !toolFields.has(key)));
  let args: Record<string, unknown>;
  let adjustments: string[];
  try {
    ({ args, adjustments } = normalizeArguments(input.arguments, strays, schema));
  } catch (error) {
    if (error instanceof ArgumentShapeError) return toolError(`${error.message} Example: { "id": "${operation.id}", "arguments": { ... } }.`);
    throw error;
  }

  const problems = await validateArguments(schema, args);
  if (problems.length) return invalidArguments(operation, schema, problems, adjustments, context);

  let shaped: ShapedResponse;
  try {
    const baseUrl = resolveBaseUrl(operation.servers, catalog.spec.url, context.execution.baseUrl);
    const request = buildRequest({ method: operation.method, path: operation.path, bindings, args, baseUrl, responseMediaTypes: responseMediaTypes(operation) });
    const raw = await sendRequest(request, { fetch: context.execution.fetch, timeoutMs: context.execution.timeoutMs, allowedOrigins: new Set([...allowedOrigins, baseUrl.origin]) });
    shaped = shapeResponse(raw, context.execution.maxResponseBytes);
  } catch (error) {
    if (error instanceof DynamicMcpError) return toolError(error.toText());
    context.logger.error('Unexpected failure in execute_endpoint.', { id: operation.id, error: describeError(error) });
    return toolError(`Calling ${operation.id} failed unexpectedly: ${describeError(error)}`);
  }
  await context.session.update((s) => ({ ...s, calls: { ...s.calls, execute_endpoint: (s.calls.execute_endpoint ?? 0) + 1 } }));

  const structured: Record<string, unknown> = { status: shaped.status, statusText: shaped.statusText, headers: shaped.headers, body: shaped.body };
  if (shaped.truncated) structured.truncated = shaped.truncated;
  if (adjustments.length) structured.adjustments = adjustments;
  return toolResult(renderText(operation, shaped, adjustments), structured);
}

/** The problems with their JSON pointers; the full schema unless this session has already seen it. */
async function invalidArguments(operation: Operation, schema: JsonObject, problems: ArgumentProblem[], adjustments: string[], context: ToolContext): Promise<CallToolResult> {
  const state = await context.session.read();
  const seen = state.described.includes(operation.id);
  const lines = [`Invalid arguments for ${operation.id} (${operation.method.toUpperCase()} ${operation.path}):`];
  for (const p of problems) lines.push(`- ${p.pointer}: ${p.message}`);
  if (adjustments.length) lines.push(`Adjusted first: ${adjustments.join(' ')}`);
  if (seen) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const touched = [...new Set(problems.map((p) => p.pointer.split('/')[1] ?? ''))].filter((name) => name in properties);
    if (touched.length) lines.push(`Schema of those arguments: ${compactJson(Object.fromEntries(touched.map((n) => [n, properties[n]])))}`);
    lines.push('The full schema is the one describe_endpoint returned earlier in this session.');
  } else {
    lines.push(`arguments schema: ${compactJson(schema)}`);
    await context.session.update((s) => ({ ...s, described: [...new Set([...s.described, operation.id])].slice(-maxDescribedIds) }));
  }
  lines.push('Fix these and call execute_endpoint again.');
  return toolError(lines.join('\n'));
}

function renderText(operation: Operation, shaped: ShapedResponse, adjustments: string[]): string {
  const lines = [`HTTP ${shaped.status}${shaped.statusText ? ` ${shaped.statusText}` : ''} from ${operation.method.toUpperCase()} ${operation.path}${shaped.contentType ? ` (${shaped.contentType})` : ''}`];
  if (adjustments.length) lines.push(`Adjusted: ${adjustments.join(' ')}`);
  if (shaped.truncated) lines.push(`Body truncated: ${shaped.truncated.returnedBytes} of ${shaped.truncated.totalBytes} bytes shown.`);
  if (shaped.body !== null && shaped.body !== '') lines.push(typeof shaped.body === 'string' ? shaped.body : JSON.stringify(shaped.body));
  return lines.join('\n');
}

function responseMediaTypes(operation: Operation): string[] {
  const types: string[] = [];
  for (const response of Object.values(operation.responses)) {
    const content = isObject(response) ? (response as ResponseObject).content : undefined;
    if (isObject(content)) types.push(...Object.keys(content));
  }
  return types;
}

/** Every origin the document's servers name: redirects may go there and nowhere else. */
function serverOrigins(catalog: Catalog): Set<string> {
  const origins = new Set<string>();
  const servers = new Set([...(catalog.spec.document.servers ?? []), ...catalog.operations.flatMap((op) => op.servers)]);
  for (const server of servers) {
    try {
      origins.add(new URL(expandServerUrl(server), catalog.spec.url).origin);
    } catch {
      // Unusable server entries are reported when used.
    }
  }
  return origins;
}
