// @module A real Prism mock server (`@stainless-api/prism-cli`) for one OpenAPI document: started on a
// free port, polled until it answers, stopped with its whole process group; and the violations it reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sample } from 'openapi-sampler';
import type { CreateServerOptions } from '../../src/server.js';
import type { Catalog } from '../../src/spec/catalog.js';
import type { JsonObject } from '../../src/spec/openapi-types.js';
import { connectInMemory, root, textOf } from './connect.js';

const prismBin = join(root, 'node_modules', '@stainless-api', 'prism-cli', 'dist', 'index.js');
const keptOutput = 64 * 1024;
type SamplerSchema = Parameters<typeof sample>[0];

export interface PrismMock {
  /** `http://127.0.0.1:<port>`: Prism serves each path at its root, without the document's server path. */
  url: string;
  /** Milliseconds from spawn until Prism answered its first HTTP request. */
  startupMs: number;
  /** The last 64 KB of what Prism printed (stdout and stderr). */
  output(): string;
  /** Kills Prism's process group and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPrismOptions {
  /** Give up waiting for Prism after this long. Default 120000. */
  timeoutMs?: number;
  /** Poll interval. Default 100. */
  pollMs?: number;
}

/**
 * Starts `prism mock <document> --errors`. Prism always validates requests (and security) in mock
 * mode: an invalid request gets a 4xx with its violations in the `sl-violations` header or a problem
 * body; `--errors` also turns violations of its own generated responses into a 500.
 */
export async function startPrism(document: string, options: StartPrismOptions = {}): Promise<PrismMock> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollMs ?? 100;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // detached: Prism gets its own process group, so stop() can kill it and anything it forks.
  const child = spawn(process.execPath, [prismBin, 'mock', document, '--host', '127.0.0.1', '--port', String(port), '--errors', '--verboseLevel', 'warn'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keptOutput);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  child.once('error', (error) => (exit = `spawn error: ${error.message}`));

  const mock: PrismMock = { url, startupMs: 0, output: () => output, stop: () => stopProcess(child, exited) };
  const attempts = Math.ceil(timeoutMs / pollMs);
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (exit !== undefined) break;
    if (await answers(url)) {
      mock.startupMs = Math.round(performance.now() - started);
      return mock;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await mock.stop();
  const why = exit !== undefined ? `exited (${exit})` : `did not answer on ${url} within ${timeoutMs} ms`;
  throw new Error(`Prism mock for ${document} ${why}. Its output:\n${output.trim() || '(nothing)'}`);
}

/** Any HTTP answer (Prism says 404 for `/`) means it is listening. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  signalGroup('SIGKILL'); // anything Prism forked that outlived it
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One violation as Prism reports it; `location[0]` is `request` or `response`. */
export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** One HTTP exchange as it went over the wire to Prism. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

/** A `fetch` for the server's `fetch` option that records every raw exchange, headers included. */
export function recordingFetch(): { fetch: (input: URL | string, init: RequestInit) => Promise<Response>; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const sent = await bodyText(init.body);
      exchanges.push({
        request: {
          method: init.method ?? 'GET',
          url: String(input),
          headers: { ...(init.headers as Record<string, string> | undefined) },
          ...(sent === undefined ? {} : { body: sent }),
        },
        response: { status: response.status, headers, body },
      });
      return response;
    },
  };
}

/** The body as text, as fetch encodes it (a FormData gets its own boundary, the parts are the same). */
async function bodyText(body: RequestInit['body']): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  const text = await new Response(body).text();
  return text.length > 4_000 ? `${text.slice(0, 4_000)}...(${text.length} characters)` : text;
}

const problemTypes: Record<string, string> = {
  NO_PATH_MATCHED_ERROR: 'route',
  NO_METHOD_MATCHED_ERROR: 'route',
  NO_SERVER_MATCHED_ERROR: 'route',
  UNAUTHORIZED: 'security',
  INVALID_CONTENT_TYPE: 'content-type',
};

/**
 * Every violation Prism reported for one exchange: the `sl-violations` header, a 422 problem body's
 * `validation` list, and the errors Prism answers before validating (no route, security, content type).
 */
export function violationsOf(exchange: Exchange): Violation[] {
  const found: Violation[] = [];
  const header = exchange.response.headers['sl-violations'];
  if (header) {
    const json = header.startsWith('Too many violations! ') ? header.slice('Too many violations! '.length) : header;
    try {
      found.push(...(JSON.parse(json) as Violation[]));
    } catch {
      found.push({ location: ['request'], severity: 'Error', message: `(unparsed sl-violations header) ${header.slice(0, 500)}` });
    }
  }
  if (/problem\+json/i.test(exchange.response.headers['content-type'] ?? '')) {
    let problem: { type?: string; title?: string; detail?: string; validation?: { location?: string[]; severity?: string; code?: string | number; message: string }[] } = {};
    try {
      problem = JSON.parse(exchange.response.body) as typeof problem;
    } catch {
      // not JSON after all
    }
    const kind = problem.type?.split('#')[1] ?? '';
    if (kind === 'UNPROCESSABLE_ENTITY') {
      for (const v of problem.validation ?? []) {
        found.push({ location: ['request', ...(v.location ?? [])], severity: v.severity ?? 'Error', ...(v.code !== undefined ? { code: v.code } : {}), message: v.message });
      }
    } else if (kind === 'VIOLATIONS') {
      // Prism's own generated response broke the document (with --errors): not about our request.
      for (const v of problem.validation ?? []) found.push({ location: ['response', ...(v.location ?? [])], severity: v.severity ?? 'Error', message: v.message });
    } else if (kind in problemTypes) {
      found.push({ location: ['request'], severity: 'Error', code: problemTypes[kind]!, message: `${problem.title ?? kind}: ${problem.detail ?? ''}`.trim() });
    }
  }
  return dedupe(found);
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.location.join('.')}|${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Errors about the request, security included: what a correct client must never cause. */
export function requestErrors(violations: Violation[]): Violation[] {
  return violations.filter((v) => v.location[0] === 'request' && v.severity === 'Error');
}

/** What one operation's sweep did: sampled arguments, our server's answer, and what Prism made of the request. */
export interface OperationOutcome {
  id: string;
  /** `sent`: the request reached Prism; `rejected`: our own validation refused the sample; `error`: any other tool error. */
  result: 'sent' | 'rejected' | 'error';
  args: Record<string, unknown>;
  /** The tool error's text, for `rejected` and `error`. */
  message?: string;
  exchanges: Exchange[];
  violations: Violation[];
}

export interface SweepOptions {
  catalog: Catalog;
  /** Prism's URL. */
  baseUrl: string;
  ids: readonly string[];
  /** `all`: every argument and every body field; `required`: only what the schema requires. */
  fill: 'all' | 'required';
  /** Operations in flight at once, each worker with its own server and recording fetch. Default 8. */
  concurrency?: number;
  /** Extra server options (credentials, once supported). */
  server?: Partial<CreateServerOptions>;
}

/** describe_endpoint, sample arguments from the schema it returns, execute_endpoint; for each id. */
export async function sweepOperations(options: SweepOptions): Promise<OperationOutcome[]> {
  const queue = [...options.ids];
  const outcomes = new Map<string, OperationOutcome>();
  const worker = async () => {
    const recorder = recordingFetch();
    const { call, close } = await connectInMemory({ catalog: options.catalog, baseUrl: options.baseUrl, fetch: recorder.fetch, ...options.server });
    try {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const described = await call('describe_endpoint', { ids: [id] });
        const inputSchema = (described.structuredContent as { endpoints: { inputSchema: JsonObject }[] }).endpoints[0]!.inputSchema;
        const args = sampleArguments(inputSchema, options.fill);
        recorder.exchanges.length = 0;
        const result = await call('execute_endpoint', { id, arguments: args });
        const exchanges = [...recorder.exchanges];
        const outcome: OperationOutcome = { id, result: 'sent', args, exchanges, violations: exchanges.flatMap(violationsOf) };
        if (result.isError) {
          outcome.result = textOf(result).startsWith('Invalid arguments') ? 'rejected' : 'error';
          outcome.message = textOf(result);
        }
        outcomes.set(id, outcome);
      }
    } finally {
      await close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, options.ids.length) }, worker));
  return options.ids.map((id) => outcomes.get(id)!);
}

/** Arguments sampled with openapi-sampler, property by property, so each parameter gets a value of its own schema. */
export function sampleArguments(inputSchema: JsonObject, fill: 'all' | 'required'): Record<string, unknown> {
  inputSchema = withTwoItemArrays(inputSchema) as JsonObject;
  const properties = (inputSchema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((inputSchema.required ?? []) as string[]);
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (fill === 'required' && !required.has(name)) continue;
    args[name] = sample(schema as SamplerSchema, { skipReadOnly: true, skipNonRequired: fill === 'required', quiet: true, enablePatterns: true }, inputSchema);
  }
  return args;
}

/** A copy where arrays sample two items where allowed: one item would not show how items are delimited. */
function withTwoItemArrays(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withTwoItemArrays);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'enum' || key === 'const' || key === 'examples' || key === 'default' ? value : withTwoItemArrays(value)]));
  const isArray = copy.type === 'array' || (Array.isArray(copy.type) && copy.type.includes('array'));
  const maxItems = typeof copy.maxItems === 'number' ? copy.maxItems : Infinity;
  if (isArray && copy.uniqueItems !== true && maxItems >= 2) copy.minItems = Math.max(2, typeof copy.minItems === 'number' ? copy.minItems : 0);
  return copy;
}

/** Counts for a summary line: operations, how many reached Prism, and request errors. */
export function summarize(label: string, outcomes: readonly OperationOutcome[]): string {
  const sent = outcomes.filter((o) => o.result === 'sent');
  const violating = sent.filter((o) => requestErrors(o.violations).length > 0);
  const errors = sent.reduce((n, o) => n + requestErrors(o.violations).length, 0);
  const responseOnly = sent.filter((o) => o.violations.some((v) => v.location[0] === 'response')).length;
  return (
    `${label}: ${outcomes.length} operations, ${sent.length} executed, ${violating.length} with request violations (${errors} violations), ` +
    `${outcomes.filter((o) => o.result === 'rejected').length} samples rejected by our validation, ${outcomes.filter((o) => o.result === 'error').length} tool errors, ` +
    `${responseOnly} where Prism's own mock response broke the document`
  );
}

/** One line per violating operation: what we sent and what Prism said. */
export function describeViolations(outcomes: readonly OperationOutcome[]): string[] {
  return outcomes.flatMap((o) => {
    const errors = requestErrors(o.violations);
    if (!errors.length) return [];
    const sent = o.exchanges.at(-1)?.request;
    return [`${o.id}: ${sent ? `${sent.method} ${sent.url}` : '(nothing sent)'} -> ${errors.map((v) => `[${v.location.join('.')}] ${v.message}`).join('; ')}`];
  });
}

/** A patched copy of a JSON document, in a temporary folder: for what Prism reads differently from the OpenAPI specification. */
export async function patchedCopy(document: string, patch: (spec: Record<string, unknown>) => void): Promise<string> {
  const spec = JSON.parse(await readFile(document, 'utf8')) as Record<string, unknown>;
  patch(spec);
  const dir = await mkdtemp(join(tmpdir(), 'prism-spec-'));
  const file = join(dir, basename(document));
  await writeFile(file, JSON.stringify(spec));
  return file;
}

/** A credential for every security scheme of the catalog's document, in the form Prism checks for its type. */
export function credentialsFor(catalog: Catalog): Map<string, string> {
  const schemes = (catalog.spec.document.components?.securitySchemes ?? {}) as Record<string, { type?: string; scheme?: string }>;
  const credentials = new Map<string, string>();
  for (const [name, scheme] of Object.entries(schemes)) {
    const http = scheme.type === 'http' ? scheme.scheme?.toLowerCase() : undefined;
    credentials.set(
      name,
      http === 'basic' ? 'user:secret'
      : http === 'digest' ? 'username="user", realm="api", nonce="abc123", uri="/", response="6629fae49393a05397450978507c4ef1"'
      : scheme.type === 'apiKey' ? 'test-key'
      : 'test-token',
    );
  }
  return credentials;
}
