/**
 * @module `call <spec> <id> --args '<json>'`: one request, validated and sent by the same modules as
 * execute_endpoint. The whole body goes to stdout (pretty JSON on a terminal, as received when piped or
 * with --raw, or one JSON document with --json); the status line and notes go to stderr. The exit code
 * says how the API answered: 4 for 4xx, 5 for 5xx.
 */
import { declaredResponseHeaders } from '../openapi/declared-response.js';
import { ArgumentShapeError, normalizeArguments } from '../arguments/normalize-arguments.js';
import { validateArguments, type ArgumentProblem } from '../arguments/validate-arguments.js';
import { credentialArguments } from '../arguments/credential-parameter.js';
import { argumentNames } from '../arguments/argument-names.js';
import { nextPageNote } from '../http/next-page.js';
import { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import { howToSet } from '../auth/credentials.js';
import type { CallOptions, Config } from '../config.js';
import { ConfigError, describeError, DynamicMcpError } from '../errors.js';
import { sentTarget } from '../tools/sent-target.js';
import { callOperation } from '../execution/call-operation.js';
import type { RawResponse } from '../http/send-request.js';
import { compileSelect, selectExamples } from '../http/select-expression.js';
import { serverOrigins } from '../http/server-origins.js';
import { decodedNote, shapeResponse, type ShapedResponse } from '../http/shape-response.js';
import { createLogger } from '../create-logger.js';
import { formatBytes } from '../progress.js';
import { inputSchemaOf, requestMediaTypes } from '../arguments/input-schema.js';
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { describeSecurity } from '../auth/describe-security.js';
import { unsupportedType } from '../auth/schemes/scheme-use.js';
import { terminalProgress } from '../terminal/terminal-progress.js';
import { colorEnabled, createStyle } from '../terminal/terminal.js';
import { prepareRuntime } from './prepare-runtime.js';
import { unknownEndpointText } from './unknown-endpoint-text.js';

/** Everything fits: call prints whole bodies (send-request still refuses those over maxDownloadBytes). */
const whole = Number.MAX_SAFE_INTEGER;

/** Returns the exit code: 0 for a 1xx-3xx answer, 4 for 4xx, 5 for 5xx, 1 when no request could be made. */
export async function runCall(config: Config, id: string, options: CallOptions): Promise<number> {
  const select = options.select ? await selectOption(options.select) : undefined;
  // At the default level only errors: what would be a warning for a server (no usable base URL) is call's own error here.
  const logger = createLogger({ level: config.logLevel === 'info' ? 'error' : config.logLevel, format: config.logFormat });
  const runtime = await prepareRuntime(config, logger, terminalProgress());
  const { catalog } = runtime;
  const operation = catalog.find(id);
  if (!operation) return fail(unknownEndpointText(catalog, id));
  const mediaTypes = requestMediaTypes(operation);
  if (options.contentType && !mediaTypes.includes(options.contentType)) {
    throw new ConfigError(
      mediaTypes.length
        ? `--content-type "${options.contentType}" is not one ${operation.id} accepts.`
        : `${operation.id} takes no request body, so --content-type does not apply.`,
      { hint: mediaTypes.length ? `It accepts: ${mediaTypes.join(', ')}.` : undefined },
    );
  }
  const { schema, bindings } = inputSchemaOf(operation, catalog, options.contentType);
  let args: Record<string, unknown>;
  let adjustments: string[];
  try {
    ({ args, adjustments } = normalizeArguments(options.args, {}, schema));
  } catch (error) {
    if (error instanceof ArgumentShapeError) throw new ConfigError(`--args: ${error.message}`);
    throw error;
  }
  const problems = await validateArguments(schema, args, catalog.validation);
  if (problems.length) {
    const lines = [
      `Invalid arguments for ${operation.id} (${operation.method.toUpperCase()} ${operation.path}):`,
      ...problems.map((p) => `- ${p.pointer}: ${p.message}${credentialHint(p, credentialArguments(bindings))}`),
    ];
    lines.push(`Its inputs: openapi-dynamic-mcp describe ${quoteWord(config.spec)} ${quoteWord(operation.id)}`);
    return fail(lines.join('\n'));
  }

  const fetcher = (input: URL | string, init: RequestInit) => fetch(input, init);
  let response: RawResponse;
  let queryKeys: ReadonlySet<string>;
  try {
    ({ response, queryKeys } = await callOperation(operation, catalog, bindings, args, {
      ...config,
      fetch: fetcher,
      credentials: runtime.credentials,
      tokens: new ClientCredentialsTokens(fetcher, config.timeoutMs),
      allowedOrigins: serverOrigins(catalog),
    }));
  } catch (error) {
    if (error instanceof DynamicMcpError && error.code !== 'CONFIG') return fail(error.toText());
    throw error;
  }
  const shaped = shapeResponse(response, {
    maxBytes: whole,
    maxBinaryBytes: whole,
    declaredHeaders: declaredResponseHeaders(operation, catalog, response.status),
  });
  // A pipe gets the bytes as the API sent them: a body encoded twice is decoded only where it is shown or selected.
  const asSent = !options.json && !select && !(process.stdout.isTTY === true && !options.raw);
  const said = (note: string) => (asSent && note === decodedNote ? decodedNote.replace('it is shown decoded', 'it is written as sent') : note);
  const notes = [...adjustments.map((a) => `Adjusted: ${a}`), ...shaped.notes.map((n) => `Note: ${said(n)}`)];
  let selected: { value: unknown } | undefined;
  if (select) {
    const body = shaped.json !== undefined ? { value: shaped.json } : parseJson(response.bytes);
    if (body) selected = { value: select(body.value) ?? null };
    else notes.push(`Note: --select was not applied: the body is not JSON.`);
  }
  const nextPage = response.status < 300 ? nextPageNote(shaped.json, shaped.headers, argumentNames(schema), response.url) : undefined;
  if (nextPage) notes.push(`Note: ${nextPage}`);
  const auth = missingAuth(operation, catalog, new Set(runtime.credentials.keys()), response.status);
  if (auth) notes.push(`Note: ${auth}`);

  process.stderr.write(`${statusLine(operation, response, shaped, queryKeys)}\n`);
  for (const note of notes) process.stderr.write(`${note}\n`);
  writeBody(response, shaped, options, selected);
  return response.status >= 500 ? 5 : response.status >= 400 ? 4 : 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function selectOption(expression: string): Promise<(value: unknown) => unknown> {
  try {
    return await compileSelect(expression);
  } catch (error) {
    throw new ConfigError(`--select is not a valid JMESPath expression: ${describeError(error)}.`, {
      hint: `For example: ${selectExamples.map((example) => `--select "${example}"`).join(' or ')} (text in single quotes; https://jmespath.org).`,
    });
  }
}

/** `HTTP 404 Not Found from GET /api/v3/pet/5 (application/json, 52 B)`: the request as sent (keys masked), coloured by class on a terminal. */
function statusLine(operation: Operation, response: RawResponse, shaped: ShapedResponse, queryKeys: ReadonlySet<string>): string {
  const style = createStyle(colorEnabled(process.stderr));
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const colored =
    response.status >= 400 ? style.red(style.bold(status)) : response.status >= 300 ? style.yellow(style.bold(status)) : style.green(style.bold(status));
  const detail = [shaped.contentType, formatBytes(response.bytes.byteLength)].filter(Boolean).join(', ');
  return `${colored} from ${operation.method.toUpperCase()} ${sentTarget(response.url, queryKeys)} ${style.dim(`(${detail})`)}`;
}

/** With --json the whole answer as one document; else the body: as received when piped or --raw, indented on a terminal. */
function writeBody(response: RawResponse, shaped: ShapedResponse, options: CallOptions, selected: { value: unknown } | undefined): void {
  const out = process.stdout;
  const terminal = out.isTTY === true && !options.raw;
  if (options.json) {
    const body = selected ? selected.value : shaped.binary ? shaped.binary.base64 : shaped.body;
    const document: Record<string, unknown> = { status: shaped.status, statusText: shaped.statusText, headers: shaped.headers, body };
    if (shaped.binary && !selected) document.bodyEncoding = 'base64';
    out.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  if (selected) {
    // A selection is new JSON, not the API's bytes: compact for a pipe, indented for people.
    out.write(`${JSON.stringify(selected.value, null, terminal ? 2 : undefined)}\n`);
    return;
  }
  if (!response.bytes.byteLength) return;
  if (shaped.binary) {
    if (terminal)
      process.stderr.write(
        `The body is binary (${shaped.binary.mimeType}, ${formatBytes(response.bytes.byteLength)}), not shown on a terminal: redirect it to a file (> out.bin).\n`,
      );
    else out.write(response.bytes);
    return;
  }
  if (!terminal) {
    out.write(response.bytes);
    return;
  }
  const text = typeof shaped.body === 'string' ? shaped.body : JSON.stringify(shaped.body, null, 2);
  out.write(text.endsWith('\n') ? text : `${text}\n`);
}

function parseJson(bytes: Uint8Array): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return undefined;
  }
}

/** After a 401 or 403: which credentials the endpoint takes and none of which is configured. */
function missingAuth(operation: Operation, catalog: Catalog, configured: ReadonlySet<string>, status: number): string | undefined {
  if (status !== 401 && status !== 403) return undefined;
  const alternatives = describeSecurity(operation, catalog, configured);
  if (!alternatives.length || alternatives.some((all) => all.every((s) => s.configured))) return undefined;
  const ways = alternatives.map((all) =>
    all
      .filter((s) => !s.configured)
      .map((s) => (unsupportedType(s.type) ? `${s.name} is ${unsupportedType(s.type)!.name}, which is not supported` : howToSet(s.name)))
      .join(' and '),
  );
  return `${operation.id} takes credentials and none are configured: ${ways.join('; or ')}.`;
}

function quoteWord(word: string): string {
  return /^[\w./{}:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** For a missing header or query parameter the document names like a credential: how a script passes it. */
function credentialHint(problem: ArgumentProblem, credentials: ReadonlyMap<string, string>): string {
  const flag = problem.keyword === 'required' ? credentials.get(problem.pointer.slice(1)) : undefined;
  return flag === undefined ? '' : ` (a credential: pass it with ${flag})`;
}
