/** @module The describe_endpoint tool: the exact input schema execute validates against, auth and responses of up to ten endpoints. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Catalog } from '../openapi/catalog.js';
import { apiWideArguments } from '../arguments/api-wide-parameters.js';
import { lookupArguments, lookupsText } from '../arguments/filter-lookups.js';
import { inputSchemaOf, requestMediaTypes } from '../arguments/input-schema.js';
import { requiredArguments } from '../arguments/required-arguments.js';
import { methodPathId, splitPartId, type Operation } from '../openapi/operation.js';
import { idListings, idSources } from './id-sources.js';
import type { ParameterObject } from '../openapi/openapi-types.js';
import { summarizeResponses, type ResponseSummary } from '../schema/response-shape.js';
import { describeSecurity, isSecurityOptional, securityText } from '../auth/describe-security.js';
import { schemesSentByHeaders } from '../auth/header-schemes.js';
import type { SchemeUse } from '../auth/schemes/scheme-use.js';
import { foldSchema, schemaPart } from '../schema/fold-schema.js';
import { shortenWithInputLegends } from '../schema/shorten-with-legend.js';
import type { ToolContext } from './tool-context.js';
import { maxIds } from './describe-endpoint-tool.js';
import { compactJson, toolError, toolResult } from './tool-result.js';
import { unknownEndpointMessage } from './unknown-endpoint.js';
import { echoInput } from '../echo-input.js';
import { isObject, type JsonObject } from '../base/json.js';

export interface DescribedEndpoint {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  inputSchema: Record<string, unknown>;
  responses: ResponseSummary[];
  security: SchemeUse[][];
  /** Set when the endpoint also takes no credentials, besides the schemes in `security`. */
  authOptional?: boolean;
  /** When the document declares no auth: the headers configured to go with every request (`--header`), by name, which may well carry it. */
  configuredHeaders?: string[];
  /** When the document declares no auth: the query parameters configured to go with every request (`--query`), by name. */
  configuredQuery?: string[];
  /**
   * When the document declares no auth but an `Authorization` header parameter, which OpenAPI says is not
   * one (PayRun.IO's, on every operation): none is sent unless the server is run with `--header`.
   */
  authorizationUnsent?: boolean;
  deprecated: boolean;
  /** Set when the schema was folded for length: how to see the folded parts. */
  folded?: string;
  /** When the body may be sent as several media types: the first is the default, the schema is for it. */
  requestContentTypes?: string[];
  /** Optional parameters the API declares alike on nearly every endpoint: left out of `inputSchema`, named here (see api-wide-parameters). */
  apiWide?: string[];
  /** Lookup variants of filter parameters (`name__ic`): left out of `inputSchema`, named here (see filter-lookups). */
  lookups?: string[];
  /** Path parameters naming what another operation makes, with that operation's id (see id-sources). */
  idSources?: Record<string, string>;
  /** For a path parameter in `idSources`, the endpoint listing the ones that exist. */
  idListings?: Record<string, string>;
  /** For a long schema, its required arguments (`body.title` for a body field), named before it: the schema's `required` lists come last. */
  required?: string[];
  problems?: string[];
}

export async function describeEndpoints(input: Record<string, unknown>, context: ToolContext): Promise<CallToolResult> {
  const { catalog } = context;
  const ids = readIds(input);
  if (typeof ids === 'string') return toolError(ids);
  const endpoints: DescribedEndpoint[] = [];
  const unknown: { id: string; message: string }[] = [];
  const headerNames = Object.keys(context.execution.headers);
  const queryNames = Object.keys(context.execution.query ?? {});
  const configured = new Set([...context.execution.credentials.keys(), ...schemesSentByHeaders(catalog, headerNames)]);
  for (const id of ids) {
    const { operationId, pointer } = splitPartId(id);
    const operation = catalog.find(operationId);
    if (!operation) {
      unknown.push({ id: echoInput(id), message: unknownEndpointMessage(catalog, operationId) });
      continue;
    }
    const described = describeOperation(operation, catalog, configured, pointer);
    if (described && !described.security.length && headerNames.length) described.configuredHeaders = headerNames;
    if (described && !described.security.length && queryNames.length) described.configuredQuery = queryNames;
    if (described) endpoints.push(described);
    else
      unknown.push({
        id: echoInput(id),
        message: `"${echoInput(pointer ?? '')}" is not a part of ${operation.id}'s arguments schema. Use a pointer from a folded stub, e.g. "${operation.id}#/properties/body".`,
      });
  }
  if (!endpoints.length) return toolError(unknown.map((u) => u.message).join('\n'));
  await context.session.record(...endpoints.map((e) => ({ described: e.id })));
  const structured: Record<string, unknown> = { endpoints };
  if (unknown.length) structured.unknown = unknown;
  const text = [...endpoints.map(renderEndpoint), ...unknown.map((u) => u.message)].join('\n\n');
  return toolResult(text, structured);
}

/** Schemas longer than this many characters are folded for reading (about 4k tokens). */
export const describeSchemaChars = 16_000;

/**
 * @param configured names of the security schemes with credentials; when given, each scheme says whether it is configured.
 * @param part a JSON pointer into the arguments schema: describes only that part (what a folded stub points to).
 */
export function describeOperation(operation: Operation, catalog: Catalog, configured?: ReadonlySet<string>): DescribedEndpoint;
export function describeOperation(
  operation: Operation,
  catalog: Catalog,
  configured: ReadonlySet<string> | undefined,
  part: string | undefined,
): DescribedEndpoint | undefined;
export function describeOperation(operation: Operation, catalog: Catalog, configured?: ReadonlySet<string>, part?: string): DescribedEndpoint | undefined {
  const input = inputSchemaOf(operation, catalog);
  const apiWide = part ? [] : apiWideArguments(operation, catalog);
  const lookups = part ? [] : lookupArguments(operation).filter((key) => !apiWide.includes(key));
  const whole = part ? schemaPart(input.schema, part) : withoutProperties(input.schema, [...apiWide, ...lookups]);
  if (!whole) return undefined;
  const id = part ? `${operation.id}#${part}` : operation.id;
  const { schema, foldedAt } = foldSchema(whole, describeSchemaChars, (pointer) => `${operation.id}#${part ?? ''}${pointer}`);
  const described: DescribedEndpoint = {
    id,
    method: operation.method.toUpperCase(),
    path: operation.path,
    summary: operation.summary ?? '',
    description: shortenWithInputLegends(operation.description, 400, schema) ?? '',
    inputSchema: schema,
    responses: part ? [] : summarizeResponses(operation, catalog),
    security: describeSecurity(operation, catalog, configured),
    deprecated: operation.deprecated,
  };
  if (described.security.length && isSecurityOptional(operation)) described.authOptional = true;
  else if (!described.security.length && operation.parameters.some(isAuthorizationHeader)) described.authorizationUnsent = true;
  if (apiWide.length) described.apiWide = apiWide;
  if (lookups.length) described.lookups = lookups;
  const required = part ? [] : requiredArguments(operation, catalog);
  if (required.length && compactJson(schema).length > requiredFirstChars) described.required = required;
  const sources = part ? new Map<string, Operation>() : idSources(operation, catalog);
  if (sources.size) described.idSources = Object.fromEntries([...sources].map(([name, op]) => [name, op.id]));
  const listings = idListings(catalog, sources);
  if (listings.size) described.idListings = Object.fromEntries([...listings].map(([name, op]) => [name, op.id]));
  const mediaTypes = requestMediaTypes(operation);
  if (mediaTypes.length > 1) described.requestContentTypes = mediaTypes;
  const problems = [...operation.problems, ...input.problems];
  if (problems.length) described.problems = problems;
  if (foldedAt !== undefined)
    described.folded =
      'Folded to stay short: deep parts are stubs and wide objects name the properties not shown; describe the ids they give to see those parts. Validation uses the whole schema.';
  return described;
}

/** A schema longer than this names its required arguments first (Adyen's payment bodies: the list came after 5,000 characters). */
const requiredFirstChars = 1500;

/** The text a model reads: header, description, the schema as compact JSON, auth, responses. */
export function renderEndpoint(e: DescribedEndpoint): string {
  const target = methodPathId(e.method, e.path);
  const lines = [`${e.id === target ? target : `${e.id}: ${target}`}${e.summary ? ` - ${e.summary}` : ''}${e.deprecated ? ' (DEPRECATED)' : ''}`];
  if (e.description && e.description !== e.summary) lines.push(e.description);
  if (e.required) lines.push(`required: ${e.required.join(', ')}`);
  lines.push(`${e.id.includes('#') ? 'schema of this part' : 'arguments schema'}: ${compactJson(e.inputSchema)}`);
  if (e.folded) lines.push(e.folded);
  if (e.apiWide) lines.push(`${apiWideText(e)}: ${e.apiWide.join(', ')}`);
  if (e.lookups) lines.push(`${lookupsIntro(e)}: ${lookupsText(e.lookups)}`);
  if (e.requestContentTypes)
    lines.push(`request body types: ${e.requestContentTypes.join(', ')} (schema above is for the first; pass contentType to execute_endpoint to send another)`);
  // Magento's and Autotask's documents declare no auth; a bare "none" had a model doubt its admin calls would pass.
  // So do keys configured as query parameters (VisageCloud's accessKey and secretKey).
  const headers =
    (e.configuredHeaders
      ? `; the configured ${e.configuredHeaders.join(', ')} header${e.configuredHeaders.length > 1 ? 's go' : ' goes'} with every request`
      : '') +
    (e.configuredQuery
      ? `; the configured query parameter${e.configuredQuery.length > 1 ? 's' : ''} ${e.configuredQuery.join(', ')} ${e.configuredQuery.length > 1 ? 'go' : 'goes'} with every request`
      : '');
  // "ids other endpoints make" alone had a model in Snyk's trial weigh creating an organization whose id it had been given.
  if (e.idSources)
    lines.push(
      `ids other endpoints make, for when you have none: ${Object.entries(e.idSources)
        .map(([name, id]) => `${name} by ${id}${e.idListings?.[name] ? ` (existing ones: ${e.idListings[name]})` : ''}`)
        .join(', ')}`,
    );
  // "none" beside a configured token header read as a contradiction (Postmark's): the document declares none.
  const security = headers && !e.security.length ? 'none declared' : securityText(e.security, e.authOptional);
  lines.push(`auth: ${security}${headers}${e.authorizationUnsent ? unsentAuthorizationNote : ''}`);
  lines.push(`responses: ${e.responses.map((r) => `${r.status}${r.description ? ` ${r.description}` : ''}${r.shape ? ` ${r.shape}` : ''}`).join('; ')}`);
  if (e.problems?.length) lines.push(`problems in the document: ${e.problems.join(' ')}`);
  return lines.join('\n');
}

/** Said where the auth line would read "none": the calls will fail without the credential, and only the user has it. */
export const unsentAuthorizationNote =
  ', though the document names an Authorization header: none is sent unless the server runs with --header "Authorization: …" (ask the user for the credential)';

function isAuthorizationHeader(p: ParameterObject): boolean {
  return p.in === 'header' && p.name.toLowerCase() === 'authorization';
}

/** What the list of API-wide parameters is, and how to see one. */
function apiWideText(e: Pick<DescribedEndpoint, 'id'>): string {
  return `also takes these optional parameters, alike on nearly every endpoint of this API and not shown above (describe "${e.id}#/properties/<name>" for one)`;
}

/** What the line of filter lookups is, and how to see one. */
function lookupsIntro(e: Pick<DescribedEndpoint, 'id'>): string {
  return `also filters by lookups not shown above, each an optional <filter>__<lookup> parameter (describe "${e.id}#/properties/<name>" for one)`;
}

/** The schema without the named top-level properties. */
function withoutProperties(schema: JsonObject, names: readonly string[]): JsonObject {
  if (!names.length || !isObject(schema.properties)) return schema;
  const properties = { ...schema.properties };
  for (const name of names) delete properties[name];
  return { ...schema, properties };
}

function readIds(input: Record<string, unknown>): string[] | string {
  let ids: unknown = input.ids ?? input.id;
  if (typeof ids === 'string') ids = ids.trim().startsWith('[') ? safeJson(ids) : [ids];
  if (!Array.isArray(ids) || !ids.length || !ids.every((i): i is string => typeof i === 'string' && i.trim() !== '')) {
    return '"ids" must be a list of 1 to 10 endpoint ids, e.g. { "ids": ["getPetById"] }. Find ids with list_endpoints.';
  }
  if (ids.length > maxIds) return `"ids" has ${ids.length} ids; describe at most ${maxIds} at a time.`;
  return [...new Set(ids.map((i) => i.trim()))];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
