// The hostile cases of SECURITY.md against a build: for each, what came out (refused, leaked, killed), the
// time it took and the peak memory of the process under test (reported by the process itself as it exits;
// polled, and the process killed, past --limit-mb or --limit-s). Loopback servers only: a spec server, a
// "forbidden" server that counts its hits, an upstream that echoes requests.
// Run: npm run build && node bench/hostile.mjs [--bin path/to/bin/openapi-dynamic-mcp.js] [--limit-mb 3000] [--limit-s 60]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
};
const bin = flag('--bin', join(root, 'bin', 'openapi-dynamic-mcp.js'));
const limitMb = Number(flag('--limit-mb', '3000'));
const limitS = Number(flag('--limit-s', '60'));
const preload = join(root, 'test', 'support', 'report-peak-rss.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
const secret = 'TOPSECRET-FILE-CONTENT';
const credential = 'SECRET-QUERY-KEY';

const listen = (handler) =>
  new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
const documentWith = (bodies, extra = {}) => ({
  openapi: '3.0.3',
  info: { title: 'hostile', version: '1' },
  servers: [{ url: 'http://127.0.0.1:9' }],
  paths: Object.fromEntries(
    Object.entries(bodies).map(([id, schema]) => [
      `/${id}`,
      { post: { operationId: id, requestBody: { content: { 'application/json': { schema } } }, responses: { 200: { description: 'ok' } } } },
    ]),
  ),
  ...extra,
});
function aliasBomb() {
  const lines = ['openapi: 3.0.3', 'info: {title: bomb, version: "1"}', 'x-bomb:', '  l0: &l0 {type: string, description: leaf}'];
  for (let k = 1; k <= 9; k++)
    lines.push(`  l${k}: &l${k} {type: object, properties: {${Array.from({ length: 9 }, (_, i) => `p${i}: *l${k - 1}`).join(', ')}}}`);
  lines.push(
    'paths:',
    '  /boom:',
    '    post:',
    '      operationId: boom',
    '      requestBody: {content: {application/json: {schema: *l9}}}',
    "      responses: {'200': {description: ok}}",
  );
  return `${lines.join('\n')}\n`;
}

const forbiddenHits = [];
const forbidden = await listen((req, res) => {
  forbiddenHits.push(req.url);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ...documentWith({ taken: { type: 'string', description: 'FORBIDDEN' } }), type: 'string', description: 'FORBIDDEN' }));
});
const served = {};
const specs = await listen((req, res) => {
  if (req.url === '/endless.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    return pump();
  }
  if (req.url === '/to-forbidden') {
    res.writeHead(302, { location: `${forbidden.url}/spec.json` });
    return res.end();
  }
  const body = served[req.url];
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  res.end(body ?? 'not found');
});
const upstream = await listen((req, res) => {
  if (req.url.startsWith('/redir')) {
    const url = new URL(req.url, 'http://x');
    url.searchParams.set('hop', String(Number(url.searchParams.get('hop') ?? 0) + 1));
    res.writeHead(302, { location: `${url.pathname}${url.search}` });
    return res.end();
  }
  res.writeHead(200, { 'content-type': 'application/json', link: `<${req.url}>; rel="self"` });
  res.end(JSON.stringify({ url: req.url }));
});

writeFileSync(join(dir, 'secret.json'), JSON.stringify({ type: 'string', description: secret }));
served['/file-ref.json'] = JSON.stringify(documentWith({ leak: { $ref: `file://${join(dir, 'secret.json')}` } }));
served['/endless-ref.json'] = JSON.stringify(documentWith({ endless: { $ref: '/endless.json#/x' } }));
served['/redirect-ref.json'] = JSON.stringify(documentWith({ taken: { $ref: '/to-forbidden' } }));
writeFileSync(join(dir, 'zero.json'), JSON.stringify(documentWith({ zero: { $ref: 'file:///dev/zero' } })));
writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
const refBomb = { L0: { type: 'string' } };
for (let k = 1; k <= 35; k++)
  refBomb[`L${k}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/L${k - 1}` }, b: { $ref: `#/components/schemas/L${k - 1}` } } };
writeFileSync(join(dir, 'ref-bomb.json'), JSON.stringify(documentWith({ top: { $ref: '#/components/schemas/L35' } }, { components: { schemas: refBomb } })));
const deepSchema = `${'{"type":"object","properties":{"a":'.repeat(3000)}{"type":"string"}${'}}'.repeat(3000)}`;
writeFileSync(
  join(dir, 'deep.json'),
  JSON.stringify(documentWith({ deep: { $ref: '#/components/schemas/Deep' } }, { components: { schemas: { Deep: '@deep' } } })).replace('"@deep"', deepSchema),
);
writeFileSync(
  join(dir, 'shallow.json'),
  JSON.stringify(
    documentWith(
      { self: { $ref: '#/components/schemas/Self' }, any: {} },
      { servers: [{ url: upstream.url }], components: { schemas: { Self: { $ref: '#/components/schemas/Self' } } } },
    ),
  ),
);
const secured = {
  openapi: '3.0.3',
  info: { title: 'echo', version: '1' },
  servers: [{ url: upstream.url }],
  components: { securitySchemes: { qkey: { type: 'apiKey', in: 'query', name: 'key' } } },
  security: [{ qkey: [] }],
  paths: {
    '/link': { get: { operationId: 'link', responses: { 200: { description: 'ok' } } } },
    '/redir': { get: { operationId: 'redir', responses: { 200: { description: 'ok' } } } },
  },
};
writeFileSync(join(dir, 'secured.json'), JSON.stringify(secured));

function rss(pid) {
  try {
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** Spawns (or starts over stdio) the bin with the peak-memory preload; watches and limits it. */
function measured() {
  const file = join(dir, `peak-${Math.random()}`);
  const started = performance.now();
  let polled = 0;
  let killed = '';
  let pid;
  const timer = setInterval(() => {
    if (!pid) return;
    polled = Math.max(polled, rss(pid));
    const seconds = (performance.now() - started) / 1000;
    if (polled > limitMb || seconds > limitS) {
      killed = polled > limitMb ? `killed over ${limitMb} MB` : `killed after ${limitS} s`;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }, 25);
  return {
    args: (rest) => ['--import', preload, bin, ...rest],
    env: { ...process.env, PEAK_RSS_FILE: file },
    follow: (id) => (pid = id),
    finish: () => {
      clearInterval(timer);
      let reported = 0;
      try {
        reported = Math.round(Number(readFileSync(file, 'utf8')) / 1024);
      } catch {
        // killed
      }
      return { seconds: (performance.now() - started) / 1000, peakMb: Math.max(reported, polled), killed };
    },
  };
}

function runBin(args) {
  const m = measured();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, m.args(args), { env: m.env, stdio: ['ignore', 'pipe', 'pipe'] });
    m.follow(child.pid);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => resolve({ out, ...m.finish() }));
  });
}

async function serveCall(args, tool, input) {
  const m = measured();
  const transport = new StdioClientTransport({ command: process.execPath, args: m.args(args), env: m.env, stderr: 'pipe' });
  let out = '';
  transport.stderr?.on('data', (d) => (out += d));
  const client = new Client({ name: 'bench-hostile', version: '1' });
  const closed = new Promise((resolve) => (transport.onclose = resolve));
  try {
    await client.connect(transport);
    m.follow(transport.pid);
    out += JSON.stringify(await client.callTool({ name: tool, arguments: input }, undefined, { timeout: limitS * 1000 }));
  } catch (error) {
    out += ` ${error.message}`;
  }
  await client.close();
  await closed;
  return { out, ...m.finish() };
}

/** Over stdio with the JSON-RPC lines written by hand: a client's JSON.stringify cannot write a 200,000-deep value, the server must still read one. */
function serveRawCall(args, toolCallJson) {
  const m = measured();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, m.args(args), { env: m.env, stdio: ['pipe', 'pipe', 'pipe'] });
    m.follow(child.pid);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('"id":2')) child.stdin.end();
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => resolve({ out, ...m.finish() }));
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`,
    );
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    child.stdin.write(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":${toolCallJson}}\n`);
  });
}

const rows = [];
async function measure(name, run, judge) {
  forbiddenHits.length = 0;
  const result = await run();
  rows.push({ name, outcome: result.killed || judge(result.out), seconds: result.seconds.toFixed(2), peakMb: result.peakMb });
}
const leaked = (text) => (out) => (out.includes(text) ? `LEAKED ${text}` : 'no leak');
const refusedWith = (pattern) => (out) =>
  /Maximum call stack/.test(out) ? 'stack overflow' : pattern.test(out) ? 'refused, saying why' : `other: ${out.replace(/\s+/g, ' ').slice(-120)}`;
const deepArgument = `${'{"a":'.repeat(200_000)}null${'}'.repeat(200_000)}`;

await measure('1 file:// ref in a document from a URL (describe)', () => runBin(['describe', `${specs.url}/file-ref.json`, 'leak']), leaked(secret));
await measure(
  '2 file:///dev/zero ref, local document (describe)',
  () => runBin(['describe', join(dir, 'zero.json'), 'zero']),
  refusedWith(/device or system file/),
);
await measure(
  '2 file:///dev/zero ref, local document (serve, describe_endpoint)',
  () => serveCall([join(dir, 'zero.json')], 'describe_endpoint', { ids: ['zero'] }),
  refusedWith(/device or system file/),
);
await measure(
  '2 endless same-origin stream ref (describe)',
  () => runBin(['describe', `${specs.url}/endless-ref.json`, 'endless']),
  refusedWith(/--max-spec-bytes/),
);
await measure(
  '3 --auth qkey on an in: query key, echoed in Link (serve, execute)',
  () => serveCall([join(dir, 'secured.json'), '--auth', `qkey=${credential}`], 'execute_endpoint', { id: 'link' }),
  leaked(credential),
);
await measure(
  '3 redirect chain past the limit keeps the key in Location (serve, execute)',
  () => serveCall([join(dir, 'secured.json'), '--auth', `qkey=${credential}`], 'execute_endpoint', { id: 'redir' }),
  leaked(credential),
);
await measure('4 YAML alias bomb, 9 x 9 (lint)', () => runBin(['lint', join(dir, 'bomb.yaml')]), refusedWith(/YAML aliases/));
await measure('4 YAML alias bomb, 9 x 9 (describe)', () => runBin(['describe', join(dir, 'bomb.yaml'), 'boom']), refusedWith(/YAML aliases/));
await measure(
  '4 YAML alias bomb, 9 x 9 (serve, describe_endpoint)',
  () => serveCall([join(dir, 'bomb.yaml')], 'describe_endpoint', { ids: ['boom'] }),
  refusedWith(/YAML aliases/),
);
await measure(
  '5 same-origin ref redirecting to another host (describe)',
  () => runBin(['describe', `${specs.url}/redirect-ref.json`, 'taken']),
  (out) => `${forbiddenHits.length} hits on the forbidden server${out.includes('FORBIDDEN') ? ', its body used' : ''}`,
);
await measure(
  '5 document URL redirecting to another host (describe)',
  () => runBin(['describe', `${specs.url}/to-forbidden`, 'taken']),
  (out) => `${forbiddenHits.length} hits on the forbidden server${out.includes('FORBIDDEN') ? ', its body used' : ''}`,
);
await measure(
  '9 Self -> Self schema (serve, execute)',
  () => serveCall([join(dir, 'shallow.json')], 'execute_endpoint', { id: 'self', arguments: { body: { x: 1 } } }),
  (out) => (/Maximum call stack/.test(out) ? 'stack overflow' : /HTTP 200/.test(out) ? 'sent, the cycle ignored with a problem named' : out.slice(-120)),
);
await measure(
  '9 200,000-deep body argument (serve, execute)',
  () => serveRawCall([join(dir, 'shallow.json')], `{"name":"execute_endpoint","arguments":{"id":"any","arguments":{"body":${deepArgument}}}}`),
  refusedWith(/nested more than 128 levels/),
);
await measure(
  '9 schema nested 3,000 levels (describe)',
  () => runBin(['describe', join(dir, 'deep.json'), 'deep']),
  (out) =>
    /Maximum call stack/.test(out)
      ? 'stack overflow'
      : /nests inline schemas more than 24 levels deep/.test(out)
        ? 'described 24 levels deep, the limit and place named'
        : out.slice(-120),
);
await measure('9 ref bomb, 35 levels of 2 refs (lint)', () => runBin(['lint', join(dir, 'ref-bomb.json')]), refusedWith(/Strict validation was not run/));
await measure(
  '9 10,000-character id (serve, describe_endpoint)',
  () => serveCall([join(dir, 'shallow.json')], 'describe_endpoint', { ids: ['x'.repeat(10_000)] }),
  (out) => `${out.length} characters back`,
);

console.log(`bin: ${bin}`);
console.log('| case | outcome | seconds | peak RSS (MB) |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.outcome} | ${row.seconds} | ${row.peakMb} |`);
for (const { server } of [forbidden, specs, upstream]) {
  server.closeAllConnections();
  server.close();
}
rmSync(dir, { recursive: true, force: true });
