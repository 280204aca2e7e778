/** @module The execute_endpoint tool: validates arguments against the describe schema, sends the request, returns status, headers and body. */
import { serverErrorNote } from '../http/server-error-note.js';
import { acceptedNote } from '../http/accepted-note.js';
import { credentialArguments } from '../arguments/credential-parameter.js';
import { declaredResponseHeaders, declaresNoBody } from '../openapi/declared-response.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { argumentNestingProblem } from '../arguments/argument-nesting.js';
import { ArgumentShapeError, fromText, normalizeArguments } from '../arguments/normalize-arguments.js';
import { repairMessage } from '../arguments/repair-message.js';
import { unreliableNotes } from '../arguments/unreliable-notes.js';
import { validateArguments, type ArgumentProblem } from '../arguments/validate-arguments.js';
import { echoInput } from '../echo-input.js';
import { isObject, type JsonObject } from '../base/json.js';
import { describeSecurity, queryKeyNames } from '../auth/describe-security.js';
import { redactedMark } from '../http/redact-secrets.js';
import { describeError, DynamicMcpError } from '../errors.js';
import { bodyNotes, type BodyExpectations } from '../http/body-notes.js';
import { nextPageNote } from '../http/next-page.js';
import { selectHint } from '../http/select-hint.js';
import { argumentNames } from '../arguments/argument-names.js';
import { callOperation, declaresJson } from '../execution/call-operation.js';
import type { RawResponse } from '../http/send-request.js';
import { compileSelect, selectExamples, type CompiledSelect } from '../http/select-expression.js';
import { serverOrigins } from '../http/server-origins.js';
import { shapeResponse, sliceUtf8, type ShapedResponse } from '../http/shape-response.js';
import type { Catalog } from '../openapi/catalog.js';
import type { AddressMatch } from '../openapi/endpoint-address.js';
import { inputSchemaOf, requestMediaTypes, type InputSchema } from '../arguments/input-schema.js';
import type { Operation } from '../openapi/operation.js';
import { decodeContinuation, encodeContinuation, keepRest } from './continuation.js';
import { executeResult } from './execute-result.js';
import { sentTarget } from './sent-target.js';
import type { ToolContext } from './tool-context.js';
import { redactorFor, redactToolResult } from './result-redaction.js';
import { toolError } from './tool-result.js';
import { unknownEndpointMessage } from './unknown-endpoint.js';

/**
 * Said to the model after a 401 or 403 without credentials: configuring them is for whoever runs the server.
 * A trial run without them spent nine more calls on endpoints that needed the same scheme.
 */
const operatorsPart =
  'These tools cannot do that: ask the user to have it configured. Until then, other endpoints needing the same auth will answer the same way.';

const toolFields = new Set(['id', 'arguments', 'select', 'contentType', 'continuation']);

/** Origins a redirect may go to, worked out once per catalog. */
const originsOf = new WeakMap<Catalog, Set<string>>();

/** Runs one call; every credential of it (an OAuth token fetched for it included) is taken out of the whole result. */
export async function handleExecute(catalog: Catalog, input: Record<string, unknown>, context: ToolContext): Promise<CallToolResult> {
  let allowedOrigins = originsOf.get(catalog);
  if (!allowedOrigins) originsOf.set(catalog, (allowedOrigins = serverOrigins(catalog)));
  const result = await executeEndpoint(input, context, allowedOrigins);
  return redactToolResult(result, redactorFor(context.execution));
}

async function executeEndpoint(input: Record<string, unknown>, context: ToolContext, allowedOrigins: ReadonlySet<string>): Promise<CallToolResult> {
  const { catalog } = context;
  if (typeof input.continuation === 'string' && input.continuation) return continueResponse(input.continuation, context);
  if (typeof input.id !== 'string' || !input.id.trim()) {
    return toolError('"id" is required: the endpoint id from list_endpoints (or "METHOD /path"), with its parameters in "arguments".');
  }
  const located = catalog.locate(input.id);
  if (!located) return toolError(unknownEndpointMessage(catalog, input.id));
  const { operation } = located;

  const contentType = typeof input.contentType === 'string' && input.contentType ? input.contentType : undefined;
  const unaccepted = contentType ? contentTypeProblem(operation, contentType) : undefined;
  if (unaccepted) return toolError(unaccepted);
  const inputSchema = inputSchemaOf(operation, catalog, contentType);
  const { schema, bindings } = inputSchema;

  let select: CompiledSelect | undefined;
  if (typeof input.select === 'string' && input.select.trim()) {
    try {
      select = await compileSelect(input.select);
    } catch (error) {
      return toolError(
        `select is not a valid JMESPath expression: ${echoInput(describeError(error))}. Examples: ${selectExamples.map((example) => `"${example}"`).join(', ')} (text in single quotes). Nothing was sent.`,
      );
    }
  }

  const strays = Object.fromEntries(Object.entries(input).filter(([key]) => !toolFields.has(key)));
  let args: Record<string, unknown>;
  let adjustments: string[];
  let extraQuery: string[] | undefined;
  try {
    ({ args, adjustments, extraQuery } = fillFromAddress(normalizeArguments(input.arguments, strays, schema), located, inputSchema, catalog));
  } catch (error) {
    if (error instanceof ArgumentShapeError) return toolError(`${error.message} Example: { "id": "${operation.id}", "arguments": { ... } }.`);
    throw error;
  }
  const tooDeep = argumentNestingProblem(args);
  if (tooDeep) return toolError(tooDeep);
  const problems = await validateArguments(schema, args, catalog.validation);
  if (problems.length) return invalidArguments(operation, inputSchema, problems, adjustments, context);
  const validationNotes = catalog.validation === 'lenient' ? unreliableNotes(schema, inputSchema.unreliable, args) : [];

  const { execution } = context;
  let shaped: ShapedResponse;
  let continuation: string | undefined;
  // The path and query as sent, values filled in ("/v2/droplets/42/actions?page=2"): the model sees what went out.
  let sentPath: string;
  try {
    const {
      response: raw,
      missingCredentials,
      queryKeys,
    } = await callOperation(operation, catalog, bindings, args, { ...execution, allowedOrigins, extraQuery });
    sentPath = sentTarget(raw.url, queryKeys);
    // Redacted as shaped, before the rest of a long body is kept for continuations: the store never holds a credential either.
    shaped = shapeResponse(raw, {
      maxBytes: execution.maxResponseBytes,
      maxBinaryBytes: execution.maxBinaryBytes,
      redactor: redactorFor(execution),
      declaredHeaders: declaredResponseHeaders(operation, catalog, raw.status),
      ...(select ? { select, selectExpression: input.select as string } : {}),
    });
    addValidationNotes(shaped, raw.status, validationNotes);
    shaped.notes.push(...bodyNotes(raw, shaped, bodyExpectations(operation, catalog, raw)));
    shaped.notes.push(...statusNotes(shaped, operation.method, missingCredentials, catalog));
    const sameEndpoint = (address: string) => catalog.locate(`GET ${address}`)?.operation === operation;
    const nextPage = raw.status < 300 ? nextPageNote(shaped.json, shaped.headers, argumentNames(schema), raw.url, sameEndpoint) : undefined;
    if (nextPage) shaped.notes.push(nextPage);
    const narrower = select ? undefined : selectHint(shaped.json, raw.bytes.length);
    if (narrower) shaped.notes.push(narrower);
    if (shaped.overflow) continuation = await keepRest(shaped, operation.id, context);
  } catch (error) {
    if (error instanceof DynamicMcpError) return toolError(error.toText());
    context.logger.error('Unexpected failure in execute_endpoint.', { id: operation.id, error: redactorFor(execution).text(describeError(error)) });
    return toolError(`Calling ${operation.id} failed unexpectedly: ${describeError(error)}`);
  }
  await context.session.record({ executed: operation.id });
  return executeResult(shaped, { label: `${operation.method.toUpperCase()} ${sentPath}`, adjustments, ...(continuation ? { continuation } : {}) });
}

/** The next part of a long body, from the session store: no new API call. */
async function continueResponse(tokenText: string, context: ToolContext): Promise<CallToolResult> {
  const token = decodeContinuation(tokenText);
  if (!token) return toolError('The continuation token is not valid. Pass it exactly as returned, or call the endpoint again.');
  let record;
  try {
    record = await context.session.loadContinuation(token.key);
  } catch (error) {
    return toolError(describeError(error));
  }
  if (!record) return toolError('That continuation has expired or belongs to another caller. Call the endpoint again (with select to narrow the response).');
  const totalBytes = Buffer.byteLength(record.text);
  if (token.offset >= totalBytes) return toolError('That continuation is already at the end of the response.');
  const part = sliceUtf8(record.text, token.offset, context.execution.maxResponseBytes);
  const more = part.end < totalBytes;
  const shaped: ShapedResponse = {
    status: record.status,
    statusText: '',
    headers: record.contentType ? { 'content-type': record.contentType } : {},
    body: part.text,
    overflow: { text: record.text, totalBytes, returnedBytes: part.end },
    notes: [],
  };
  if (record.contentType) shaped.contentType = record.contentType;
  return executeResult(shaped, {
    label: `${record.operationId} (continued)`,
    adjustments: [],
    offset: token.offset,
    ...(more ? { continuation: encodeContinuation({ key: token.key, offset: part.end }) } : {}),
  });
}

/** The problems, short: only the failing leaves once this session has seen the schema, with the subschemas that cover them before. */
async function invalidArguments(
  operation: Operation,
  { schema, bindings }: Pick<InputSchema, 'schema' | 'bindings'>,
  problems: ArgumentProblem[],
  adjustments: string[],
  context: ToolContext,
): Promise<CallToolResult> {
  const described = (await context.session.state()).described.includes(operation.id);
  return toolError(repairMessage({ operation, schema, problems, adjustments, described, credentials: credentialArguments(bindings) }));
}

/**
 * The notes of values sent past constraints the document contradicts, first; and when the API refused the
 * call anyway, that it may hold to what its document says.
 */
function addValidationNotes(shaped: ShapedResponse, status: number, validationNotes: readonly string[]): void {
  shaped.notes.unshift(...validationNotes);
  if (validationNotes.length && (status === 400 || status === 422))
    shaped.notes.push(
      `The API refused it (${status}) after values went past the document's unreliable constraints (noted above): it may enforce them; if its body says so, send what they ask.`,
    );
}

/** Why the operation does not take `contentType`, or undefined when it does. */
function contentTypeProblem(operation: Operation, contentType: string): string | undefined {
  const mediaTypes = requestMediaTypes(operation);
  if (mediaTypes.includes(contentType)) return undefined;
  return mediaTypes.length
    ? `${operation.id} accepts ${mediaTypes.join(', ')}; "${echoInput(contentType)}" is not one of them.`
    : `${operation.id} takes no request body, so contentType does not apply.`;
}

/**
 * The arguments with what an address gave (see endpoint-address) where the caller left it out, which the
 * adjustments name: a path value, a declared query parameter (all its values for an array), and the query
 * pairs the document does not declare, to send as written, less any a credential travels in or that holds a
 * redacted value (a next link shown to the model has its secrets masked).
 */
function fillFromAddress<T extends { args: Record<string, unknown>; adjustments: string[] }>(
  normalized: T,
  located: { operation: Operation; values?: AddressMatch['values'] },
  { schema, bindings }: InputSchema,
  catalog: Catalog,
): T & { extraQuery?: string[] } {
  const { values } = located;
  if (!values) return normalized;
  const filled: string[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const binding of bindings) {
    const given = binding.location === 'path' ? [values.path[binding.name]] : binding.location === 'query' ? values.query[binding.name] : undefined;
    if (given?.[0] === undefined || normalized.args[binding.key] !== undefined) continue;
    const property = isObject(properties[binding.key]) ? (properties[binding.key] as JsonObject) : {};
    normalized.args[binding.key] = addressValue(given as string[], property);
    filled.push(binding.key);
  }
  if (filled.length) normalized.adjustments.push(`${filled.join(', ')} taken from the address.`);
  const credentials = queryKeyNames(describeSecurity(located.operation, catalog));
  const sent = values.extra.flatMap((pair) => {
    const [name = '', value = ''] = [...new URLSearchParams(pair)][0] ?? [];
    return credentials.has(name) || value.includes(redactedMark) ? [] : [{ pair, name }];
  });
  if (!sent.length) return normalized;
  normalized.adjustments.push(`${sent.map((extra) => extra.name).join(', ')} sent as in the address.`);
  return { ...normalized, extraQuery: sent.map((extra) => extra.pair) };
}

/** An address's text values as the parameter takes them: all of them for an array, else the first; a number or boolean read as one. */
function addressValue(texts: string[], property: JsonObject): unknown {
  const typed = (text: string, schema: unknown) => (isObject(schema) ? fromText(text, schema.type) : undefined) ?? text;
  const types = Array.isArray(property.type) ? property.type : [property.type];
  return types.includes('array') ? texts.map((text) => typed(text, property.items)) : typed(texts[0]!, property);
}

/**
 * What the status says to do next: configure credentials the API refused the call without; after a server
 * error, check before repeating what may have acted, and leave good arguments be; after a 202, follow the work.
 */
function statusNotes({ status, headers }: ShapedResponse, method: string, missingCredentials: string | undefined, catalog: Catalog): string[] {
  const notes: string[] = [];
  if (missingCredentials && (status === 401 || status === 403)) notes.push(`${missingCredentials} ${operatorsPart}`);
  const serverError = serverErrorNote(status, method);
  if (serverError) notes.push(serverError);
  const accepted = acceptedNote(status, headers, (address) => catalog.locate(`GET ${address}`)?.operation.id);
  if (accepted) notes.push(accepted);
  return notes;
}

/** What the document leads one to expect of the response's body, for the notes on it. */
function bodyExpectations(operation: Operation, catalog: Catalog, raw: RawResponse): BodyExpectations {
  return {
    expectsJson: declaresJson(operation, catalog),
    method: operation.method,
    declaresNoBody: !raw.bytes.length && declaresNoBody(operation, catalog, raw.status),
  };
}
