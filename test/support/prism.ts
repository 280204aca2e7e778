// @module A real Prism mock server (`@stainless-api/prism-cli`) for one OpenAPI document, and sweeps that
// call every operation through our real MCP server against it and collect what Prism says about each request.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sample } from 'openapi-sampler';
import type { CreateServerOptions } from '../../src/server.js';
import { inputSchemaOf } from '../../src/arguments/input-schema.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import type { JsonObject } from '../../src/base/json.js';
import { connectInMemory, root, textOf } from './connect.js';
import type { TestServerOptions } from './settings.js';

const prismBin = join(root, 'node_modules', '@stainless-api', 'prism-cli', 'dist', 'index.js');
const keptOutput = 64 * 1024;
type SamplerSchema = Parameters<typeof sample>[0];

/** Process groups still running: killed when this process exits, even if a test never reached its afterAll. */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface PrismMock {
  /** `http://127.0.0.1:<port>`: Prism serves each path at its root, without the document's server path. */
  url: string;
  /** Milliseconds from spawn until Prism answered its first HTTP request. */
  startupMs: number;
  /** The last 64 KB of what Prism printed (stdout and stderr). */
  output(): string;
  /** How Prism exited, if it has (it crashes on a few requests): `code 1`, `signal SIGTERM`. */
  exitStatus(): string | undefined;
  /** Kills Prism's process group and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `prism mock <document> --errors` and polls until it answers (default: up to 120 s). Prism
 * always validates requests and security in mock mode: an invalid request gets a 4xx with its
 * violations in the `sl-violations` header or a problem body; `--errors` also turns violations of
 * its own generated responses into a 500.
 */
export async function startPrism(document: string, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<PrismMock> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollMs ?? 100;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // detached: Prism leads its own process group, so stop() kills it and anything it forks.
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
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    });
  });
  child.once('error', (error) => (exit ??= `spawn error: ${error.message}`));

  const mock: PrismMock = { url, startupMs: 0, output: () => output, exitStatus: () => exit, stop: () => stopGroup(child, exited) };
  for (let attempt = Math.ceil(timeoutMs / pollMs); attempt > 0 && exit === undefined; attempt--) {
    if (await answers(url)) {
      mock.startupMs = Math.round(performance.now() - started);
      return mock;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await mock.stop();
  const why = exit !== undefined ? `exited (${exit}) before answering` : `did not answer on ${url} within ${timeoutMs} ms`;
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

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup('SIGKILL'); // anything Prism forked that outlived it
  liveGroups.delete(pid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port was assigned.'))));
    });
  });
}

/** A patched copy of a JSON document in a temporary folder, for what Prism reads differently from the OpenAPI specification. */
export async function patchedCopy(document: string, patch: (spec: Record<string, unknown>) => void): Promise<string> {
  const spec = JSON.parse(await readFile(document, 'utf8')) as Record<string, unknown>;
  patch(spec);
  const file = join(await mkdtemp(join(tmpdir(), 'prism-spec-')), basename(document));
  await writeFile(file, JSON.stringify(spec));
  return file;
}

/** A credential for every security scheme of the document, in the form Prism checks for its type. */
export function credentialsFor(catalog: Catalog): Map<string, string> {
  const schemes = (catalog.spec.document.components?.securitySchemes ?? {}) as Record<string, { type?: string; scheme?: string }>;
  return new Map(
    Object.entries(schemes).map(([name, scheme]) => {
      const http = scheme.type === 'http' ? scheme.scheme?.toLowerCase() : undefined;
      const secret =
        http === 'basic'
          ? 'user:secret'
          : http === 'digest'
            ? 'username="user", realm="api", nonce="abc123", uri="/", response="6629fae49393a05397450978507c4ef1"'
            : scheme.type === 'apiKey'
              ? 'test-key'
              : 'test-token'; // bearer, oauth2 and openIdConnect: Prism wants `Bearer <anything>`
      return [name, secret];
    }),
  );
}

/** One violation as Prism reports it; `location[0]` is `request` or `response`. */
export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** One HTTP exchange as it went over the wire. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

/** A `fetch` for the server's `fetch` option that records every raw exchange, all headers included, and any retry in `retries`. */
export function recordingFetch(retries: string[] = []): { fetch: NonNullable<CreateServerOptions['fetch']>; exchanges: Exchange[]; retries: string[] } {
  const exchanges: Exchange[] = [];
  const record: NonNullable<CreateServerOptions['fetch']> = async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      // A loaded Prism sometimes resets a reused keep-alive connection; that says nothing about the request, so try once more.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
      retries.push(`${init.method ?? 'GET'} ${String(input)}: ${code}`);
      response = await fetch(input, init);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const body = await bodyText(init.body);
    exchanges.push({
      request: {
        method: init.method ?? 'GET',
        url: String(input),
        headers: { ...(init.headers as Record<string, string> | undefined) },
        ...(body === undefined ? {} : { body }),
      },
      response: { status: response.status, headers, body: await response.clone().text() },
    });
    return response;
  };
  return { fetch: record, exchanges, retries };
}

/** The body as it went over the wire, as text. */
async function bodyText(body: RequestInit['body']): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : await new Response(body).text();
  return text.length > 4_000 ? `${text.slice(0, 4_000)}...(${text.length} characters)` : text;
}

/** Problems Prism answers before or instead of validating, by the fragment of their type URL. */
const problemKinds: Record<string, string> = {
  NO_PATH_MATCHED_ERROR: 'route',
  NO_METHOD_MATCHED_ERROR: 'route',
  NO_SERVER_MATCHED_ERROR: 'route',
  UNAUTHORIZED: 'security',
  INVALID_CONTENT_TYPE: 'content-type',
};

/**
 * Every violation Prism reported for one exchange: the `sl-violations` header, a 422 problem body's
 * `validation` list, and the problems it answers instead of validating (no route, security, content type).
 */
export function violationsOf(exchange: Exchange): Violation[] {
  const found: Violation[] = [];
  const header = exchange.response.headers['sl-violations'];
  if (header) found.push(...parseViolationHeader(header));
  if (/problem\+json/i.test(exchange.response.headers['content-type'] ?? '')) {
    let problem: {
      type?: string;
      title?: string;
      detail?: string;
      validation?: { location?: string[]; severity?: string; code?: string | number; message: string }[];
    } = {};
    try {
      problem = JSON.parse(exchange.response.body) as typeof problem;
    } catch {
      // not JSON after all: nothing more to learn
    }
    const kind = problem.type?.split('#')[1] ?? '';
    const side = kind === 'UNPROCESSABLE_ENTITY' ? 'request' : kind === 'VIOLATIONS' ? 'response' : undefined;
    if (side) {
      for (const v of problem.validation ?? [])
        found.push({
          location: [side, ...(v.location ?? [])],
          severity: v.severity ?? 'Error',
          ...(v.code === undefined ? {} : { code: v.code }),
          message: v.message,
        });
    } else if (kind in problemKinds) {
      found.push({ location: ['request'], severity: 'Error', code: problemKinds[kind]!, message: `${problem.title ?? kind}: ${problem.detail ?? ''}`.trim() });
    }
  }
  const seen = new Set<string>();
  return found.filter((v) => !seen.has(`${v.location.join('.')}|${v.message}`) && seen.add(`${v.location.join('.')}|${v.message}`));
}

/** Prism cuts a long header to `Too many violations! [{...},{..`: keep every complete entry. */
function parseViolationHeader(header: string): Violation[] {
  try {
    return JSON.parse(header) as Violation[];
  } catch {
    const entries = header.match(/\{"location":\[[^\]]*\],"severity":"\w+"(?:,"code":(?:"[^"]*"|-?\d+))?,"message":"(?:[^"\\]|\\.)*"\}/g) ?? [];
    const parsed = entries.map((entry) => JSON.parse(entry) as Violation);
    return parsed.length ? parsed : [{ location: ['request'], severity: 'Error', message: `Unreadable sl-violations header: ${header.slice(0, 300)}` }];
  }
}

/** What sweeping one operation did. */
export interface OperationOutcome {
  id: string;
  args: Record<string, unknown>;
  /** The text of execute_endpoint's tool error, if it returned one. */
  toolError?: string;
  /** Our own argument validation refused the sample, so nothing was sent. */
  rejected: boolean;
  exchanges: Exchange[];
  violations: Violation[];
}

export interface SweepOptions {
  catalog: Catalog;
  /** Prism's URL. */
  baseUrl: string;
  ids: readonly string[];
  /** `all`: every argument and body field; `required`: only what the schemas require. */
  fill: 'all' | 'required';
  /** Operations in flight at once, each worker with its own server and recording fetch. Default 8. */
  concurrency?: number;
  /** More server options, such as credentials. */
  server?: Partial<TestServerOptions>;
}

/** For each id: describe_endpoint, arguments sampled from the input schema as the document writes it, execute_endpoint. */
export async function sweepOperations(options: SweepOptions): Promise<OperationOutcome[]> {
  const queue = [...options.ids];
  const outcomes = new Map<string, OperationOutcome>();
  // Samples follow the document as written (what Prism judges by), not the lenient reading of it that the server validates with.
  const asWritten = buildCatalog(options.catalog.spec, { validation: 'strict' });
  const retries: string[] = [];
  const worker = async () => {
    const recorder = recordingFetch(retries);
    const { call, close } = await connectInMemory({ catalog: options.catalog, baseUrl: options.baseUrl, fetch: recorder.fetch, ...options.server });
    try {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        // Described first, as a model would; sampled from the whole schema, since describe folds large ones into stubs.
        const described = await call('describe_endpoint', { ids: [id] });
        if (described.isError) throw new Error(`describe_endpoint failed for ${id}: ${textOf(described)}`);
        const args = sampleArguments(inputSchemaOf(asWritten.find(id)!, asWritten).schema, options.fill);
        recorder.exchanges.length = 0;
        const result = await call('execute_endpoint', { id, arguments: args });
        const exchanges = [...recorder.exchanges];
        const outcome: OperationOutcome = { id, args, rejected: false, exchanges, violations: exchanges.flatMap(violationsOf) };
        if (result.isError) {
          outcome.toolError = textOf(result);
          outcome.rejected = outcome.toolError.startsWith('Invalid arguments');
        }
        outcomes.set(id, outcome);
      }
    } finally {
      await close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, options.ids.length) }, worker));
  if (retries.length) console.log(`Retried after a connection reset: ${retries.join('; ')}`);
  return options.ids.map((id) => outcomes.get(id)!);
}

/** Arguments sampled with openapi-sampler property by property (arrays with two items where allowed). */
export function sampleArguments(inputSchema: JsonObject, fill: 'all' | 'required'): Record<string, unknown> {
  const schema = withTwoItemArrays(inputSchema) as JsonObject;
  const required = new Set((schema.required ?? []) as string[]);
  const args: Record<string, unknown> = {};
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, SamplerSchema>)) {
    if (fill === 'required' && !required.has(name)) continue;
    args[name] = sample(property, { skipReadOnly: true, skipNonRequired: fill === 'required', quiet: true, enablePatterns: true }, schema);
  }
  return args;
}

/** One item would not show how items are delimited, so arrays get at least two where the schema allows. */
function withTwoItemArrays(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withTwoItemArrays);
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, ['enum', 'const', 'default', 'examples', 'example'].includes(key) ? value : withTwoItemArrays(value)]),
  );
  const isArray = copy.type === 'array' || (Array.isArray(copy.type) && copy.type.includes('array'));
  const maxItems = typeof copy.maxItems === 'number' ? copy.maxItems : Infinity;
  if (isArray && copy.uniqueItems !== true && maxItems >= 2) copy.minItems = Math.max(2, typeof copy.minItems === 'number' ? copy.minItems : 0);
  return copy;
}

/** A violation that is Prism's reading of the document, not a fault of the request; explained once, by reason. */
export interface PrismMisreading {
  ids: readonly string[];
  message: RegExp;
  reason: string;
}

/** Tool errors that are our server's deliberate behaviour: a redirect to a host that is not the API's. */
const expectedToolError = /redirected to \S+, which is not one of the API's servers/;
/** openapi-sampler writes some patterns literally (`^\d+\.\d+\.\d+$` gives `\d.\d.\d`): such samples prove nothing. */
const samplerPatternMiss = /^- \/\S+: expected pattern /;

/**
 * One line per thing that should not happen: a request violation Prism reported (other than a known
 * misreading), a tool error, nothing sent, or a sample our validation refused for a reason other than a pattern.
 */
export function problemsOf(outcomes: readonly OperationOutcome[], misreadings: readonly PrismMisreading[] = []): string[] {
  return outcomes.flatMap((o) => {
    const sent = o.exchanges.at(-1)?.request;
    const where = `${o.id} ${JSON.stringify(o.args)}${sent ? ` sent ${sent.method} ${sent.url}${sent.body === undefined ? '' : ` body ${sent.body.slice(0, 300)}`}` : ''}`;
    if (o.rejected) {
      const lines = o.toolError!.split('\n').filter((l) => l.startsWith('- '));
      return lines.every((l) => samplerPatternMiss.test(l)) ? [] : [`${where}: our validation refused the sample: ${lines.join(' ')}`];
    }
    if (o.toolError && !expectedToolError.test(o.toolError)) return [`${where}: tool error: ${o.toolError.split('\n')[0]}`];
    if (!sent) return [`${where}: nothing was sent`];
    const errors = requestErrors(o).filter((v) => !misreadings.some((m) => m.ids.includes(o.id) && m.message.test(v.message)));
    return errors.length ? [`${where}: ${errors.map((v) => `[${v.location.join('.')}] ${v.message}`).join('; ')}`] : [];
  });
}

/** Error-severity violations of the request, security included. */
export function requestErrors(outcome: OperationOutcome): Violation[] {
  return outcome.violations.filter((v) => v.location[0] === 'request' && v.severity === 'Error');
}

/** One summary line: operations, requests sent, request violations, refused samples, Prism's own response violations. */
export function summarize(label: string, outcomes: readonly OperationOutcome[], misreadings: readonly PrismMisreading[] = []): string {
  const sent = outcomes.filter((o) => o.exchanges.length);
  const violating = sent.filter((o) => requestErrors(o).length);
  const explained = violating.filter((o) => !problemsOf([o], misreadings).length).length;
  const responseViolations = sent.filter((o) => o.violations.some((v) => v.location[0] === 'response')).length;
  return (
    `${label}: ${outcomes.length} operations, ${sent.length} executed, ${violating.length} with request violations ` +
    `(${violating.reduce((n, o) => n + requestErrors(o).length, 0)} violations; ${explained} operations explained as Prism misreadings), ` +
    `${outcomes.filter((o) => o.rejected).length} samples refused by our validation, ` +
    `${outcomes.filter((o) => o.toolError && !o.rejected).length} tool errors (${outcomes.filter((o) => o.toolError && expectedToolError.test(o.toolError)).length} of them refused redirects to other hosts), ` +
    `${responseViolations} where Prism's own mock response broke the document`
  );
}
