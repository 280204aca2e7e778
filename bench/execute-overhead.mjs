// Execute overhead: execute_endpoint's latency through a real MCP client against the latency of a direct fetch of
// the same request to the same loopback upstream, and of a minimal SDK server returning a constant (the MCP round
// trip alone). Over stdio (spawned processes, as an MCP client runs us), Streamable HTTP (the hosted server, in-memory
// session store) and in memory (linked transports, one process); then where the time of one execute goes, phase by
// phase, in process. The machine's load average is printed: on a busy machine the p95s mean little.
// Run: npm run bench:overhead   env: OVERHEAD_CALLS (default 2000 per mode), OVERHEAD_WARMUP (300)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { loadavg } from 'node:os';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createConstantServer } from './constant-server.mjs';
import { killAllChildren, startReplica, startUpstream } from './load-processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const calls = Number(process.env.OVERHEAD_CALLS ?? 2000);
const warmup = Number(process.env.OVERHEAD_WARMUP ?? 300);
const rounds = 5;
// The SDK's HTTP client adds an abort listener per request to one signal; thousands of calls are expected here.
setMaxListeners(100_000);
const spec = join(root, 'specs', 'petstore.yaml');
const request = { id: 'getPetById', arguments: { petId: 7 } };

const [{ resolveConfig }, { createServer }, { buildCatalog }, { loadSpec }] = await Promise.all([
  import('../dist/config.js'),
  import('../dist/server.js'),
  import('../dist/openapi/build-catalog.js'),
  import('../dist/openapi/load-spec.js'),
]);

/** p50 and p95 of timings, in ms. */
function percentiles(times) {
  const sorted = Float64Array.from(times).sort();
  return { p50: sorted[Math.floor(sorted.length * 0.5)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

/** p50 and p95 of `calls` timed runs of `run`, after `warmup` untimed ones, in ms. */
async function measure(run) {
  for (let i = 0; i < warmup; i++) await run();
  const times = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

async function check(result, label) {
  if (result.isError) throw new Error(`${label} failed: ${result.content?.[0]?.text}`);
}

async function stdioClient(command, args) {
  const client = new Client({ name: 'overhead-bench', version: '1' });
  await client.connect(new StdioClientTransport({ command, args, stderr: 'ignore' }));
  return client;
}

async function httpClient(url) {
  const client = new Client({ name: 'overhead-bench', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

/** The constant server over Streamable HTTP, in its own process; resolves with its /mcp URL and a stop(). */
async function startConstantHttp() {
  const child = spawn(process.execPath, [join(root, 'bench', 'constant-server.mjs'), '--http'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the constant HTTP server exited with code ${code}`)));
    child.stdout.once('data', (chunk) => resolve(JSON.parse(chunk.toString().split('\n')[0]).port));
  });
  return { url: `http://127.0.0.1:${port}/mcp`, stop: () => child.kill() };
}

async function memoryClient(server) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'overhead-bench', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

const upstream = await startUpstream();
const baseUrl = `${upstream.url}/api/v3`;
const closers = [];
try {
  const config = resolveConfig({ spec, baseUrl });
  const catalog = buildCatalog(await loadSpec(spec, config));
  const constantStdio = await stdioClient(process.execPath, [join(root, 'bench', 'constant-server.mjs')]);
  const oursStdio = await stdioClient(process.execPath, [join(root, 'bin', 'openapi-dynamic-mcp.js'), spec, '--base-url', baseUrl, '--log-level', 'silent']);
  const constantHttp = await startConstantHttp();
  const constantHttpClient = await httpClient(constantHttp.url);
  const replica = await startReplica({ upstreamUrl: baseUrl });
  const oursHttp = await httpClient(`${replica.url}/mcp`);
  const constantMemory = await memoryClient(createConstantServer());
  const oursMemory = await memoryClient(createServer({ ...config, catalog, credentials: new Map(), readOnly: false }));
  closers.push(
    () => constantStdio.close(),
    () => oursStdio.close(),
    () => constantHttpClient.close(),
    () => constantHttp.stop(),
    () => oursHttp.close(),
    () => replica.kill(),
    () => constantMemory.close(),
    () => oursMemory.close(),
  );

  const tool = (client, name) => async () => check(await client.callTool({ name, arguments: request }), name);
  const modes = [
    ['direct fetch (same request, same upstream)', async () => (await fetch(`${baseUrl}/pet/7`, { headers: { accept: 'application/json' } })).json()],
    ['stdio: minimal SDK server, constant result', tool(constantStdio, 'constant')],
    ['stdio: execute_endpoint getPetById', tool(oursStdio, 'execute_endpoint')],
    ['http: minimal SDK server, constant result', tool(constantHttpClient, 'constant')],
    ['http: execute_endpoint getPetById', tool(oursHttp, 'execute_endpoint')],
    ['in memory: minimal SDK server, constant result', tool(constantMemory, 'constant')],
    ['in memory: execute_endpoint getPetById', tool(oursMemory, 'execute_endpoint')],
  ];
  // Interleaved in rounds, so a burst of load on the machine falls on every mode alike.
  const times = new Map(modes.map(([label]) => [label, []]));
  for (const [, run] of modes) for (let i = 0; i < warmup; i++) await run();
  for (let round = 0; round < rounds; round++) {
    for (const [label, run] of modes) {
      for (let i = 0; i < calls / rounds; i++) {
        const started = performance.now();
        await run();
        times.get(label).push(performance.now() - started);
      }
    }
  }
  const rows = modes.map(([label]) => [label, percentiles(times.get(label))]);
  const phases = await measurePhases(catalog, config);

  const direct = rows[0][1].p50;
  console.log(
    `Execute overhead (${calls} calls each in ${rounds} interleaved rounds after ${warmup} warm-up, loopback upstream in its own process; Node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}):`,
  );
  for (const [label, { p50, p95 }] of rows) {
    console.log(
      `  ${label.padEnd(48)} p50 ${p50.toFixed(3).padStart(7)} ms  p95 ${p95.toFixed(3).padStart(7)} ms  (p50 - direct fetch: ${(p50 - direct).toFixed(3)} ms)`,
    );
  }
  const p50 = Object.fromEntries(rows.map(([label, figures]) => [label, figures.p50]));
  const beyond = (transport) => (p50[`${transport}: execute_endpoint getPetById`] - p50[`${transport}: minimal SDK server, constant result`]).toFixed(3);
  console.log(`  execute beyond the MCP round trip (p50): stdio ${beyond('stdio')} ms, http ${beyond('http')} ms, in memory ${beyond('in memory')} ms`);
  console.log('Where one execute goes, in process (p50 of each phase alone, ms):');
  for (const [label, { p50: phase }] of phases) console.log(`  ${label.padEnd(48)} ${phase.toFixed(4)}`);
} finally {
  for (const close of closers) await close();
  await upstream.close();
  killAllChildren();
}

/** Each phase of execute_endpoint alone, with the modules it uses, on the same request. */
async function measurePhases(catalog, config) {
  const [
    { inputSchemaOf },
    { normalizeArguments },
    { validateArguments },
    { unreliableNotes },
    { callOperation },
    { sendRequest },
    { buildRequest },
    { shapeResponse },
    { executeResult },
    { MemorySessionStore },
    { openConversation },
    { SessionHandles },
    { silentLogger },
    { ClientCredentialsTokens },
  ] = await Promise.all([
    import('../dist/arguments/input-schema.js'),
    import('../dist/arguments/normalize-arguments.js'),
    import('../dist/arguments/validate-arguments.js'),
    import('../dist/arguments/unreliable-notes.js'),
    import('../dist/execution/call-operation.js'),
    import('../dist/http/send-request.js'),
    import('../dist/http/build-request.js'),
    import('../dist/http/shape-response.js'),
    import('../dist/tools/execute-result.js'),
    import('../dist/session/memory-session-store.js'),
    import('../dist/session/conversation.js'),
    import('../dist/session/session-handles.js'),
    import('../dist/log.js'),
    import('../dist/auth/client-credentials-tokens.js'),
  ]);
  const operation = catalog.find('getPetById');
  const input = inputSchemaOf(operation, catalog);
  const args = { petId: 7 };
  const settings = {
    ...config,
    fetch: (url, init) => fetch(url, init),
    credentials: new Map(),
    tokens: new ClientCredentialsTokens(fetch, config.timeoutMs),
    allowedOrigins: new Set(),
  };
  const build = () =>
    buildRequest({ method: 'get', path: operation.path, bindings: input.bindings, args, baseUrl: config.baseUrl, responseMediaTypes: ['application/json'] });
  const built = build();
  const raw = await sendRequest(built, settings);
  const store = new MemorySessionStore({ ttlSeconds: config.sessionTtlSeconds });
  const handles = new SessionHandles('bench', config.sessionMaxAgeSeconds * 1000);
  const session = await openConversation({ store, handles, logger: silentLogger, principal: '' }, undefined);
  const shape = { maxBytes: config.maxResponseBytes, maxBinaryBytes: config.maxBinaryBytes };
  const shaped = shapeResponse(raw, shape);
  return [
    ['input schema lookup (memoized)', await measure(async () => inputSchemaOf(operation, catalog))],
    ['normalize arguments', await measure(async () => normalizeArguments(args, {}, input.schema))],
    ['validate arguments (compiled once)', await measure(() => validateArguments(input.schema, args, catalog.validation))],
    ['unreliable-constraint notes', await measure(async () => unreliableNotes(input.schema, input.unreliable, args))],
    ['build request', await measure(async () => build())],
    ['send request (fetch and read the body)', await measure(() => sendRequest(built, settings))],
    ['call operation (base URL, auth, build, send)', await measure(() => callOperation(operation, catalog, input.bindings, args, settings))],
    ['shape response', await measure(async () => shapeResponse(raw, shape))],
    ['session state read (in-memory store)', await measure(() => session.state())],
    ['session state update (in-memory store)', await measure(() => session.record({ executed: operation.id }))],
    ['result text and structuredContent', await measure(async () => executeResult(shaped, { label: 'GET /pet/{petId}', adjustments: [] }))],
  ];
}
