// Serves a document for a model trial: Prism as a validating mock of the API, and our server over Streamable
// HTTP in front of it. Prints the MCP URL; runs until killed. Every request Prism finds invalid is logged
// (with its violations) to <log>.prism.jsonl, so a trial can tell a right call from a merely accepted one.
// Prism cannot answer a response declared only as */* (Springfox documents, Mandrill's): it picks text and
// fails on every call, so Prism gets a copy of a JSON document where those responses are application/json.
// Run: node bench/trial/serve.mjs <document> <port> <log-prefix> [server flags, e.g. --auth api_key=test]
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [document, port = '4100', log = '/tmp/trial', ...serverFlags] = process.argv.slice(2);
if (!document) throw new Error('usage: node bench/trial/serve.mjs <document> <port> <log-prefix>');

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });

/** The document as Prism gets it: a JSON one with responses declared only as *\/* made application/json. */
function forPrism(file) {
  if (!file.endsWith('.json')) return file;
  let changed = false;
  const text = readFileSync(file, 'utf8');
  const json = JSON.parse(text, function (key, value) {
    if (key !== 'content' || !value || typeof value !== 'object' || !('*/*' in value) || 'application/json' in value) return value;
    changed = true;
    const { ['*/*']: wildcard, ...rest } = value;
    return { 'application/json': wildcard, ...rest };
  });
  if (!changed) return file;
  const copy = join(mkdtempSync(join(tmpdir(), 'trial-')), 'document.json');
  writeFileSync(copy, JSON.stringify(json));
  return copy;
}

const prismPort = await freePort();
const prism = spawn(
  process.execPath,
  [
    join(root, 'node_modules', '@stainless-api', 'prism-cli', 'dist', 'index.js'),
    'mock',
    forPrism(document),
    '--host',
    '127.0.0.1',
    '--port',
    String(prismPort),
    '--verboseLevel',
    'info',
  ],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
for (const stream of [prism.stdout, prism.stderr]) {
  stream.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n')) if (/violation|Request terminated|✖/i.test(line)) appendFileSync(`${log}.prism.log`, `${line}\n`);
  });
}
for (;;) {
  try {
    await fetch(`http://127.0.0.1:${prismPort}/`);
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
const server = spawn(
  process.execPath,
  [
    join(root, 'bin', 'openapi-dynamic-mcp.js'),
    document,
    '--transport',
    'http',
    '--port',
    port,
    '--base-url',
    `http://127.0.0.1:${prismPort}`,
    '--log-level',
    'error',
    ...serverFlags,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
process.on('SIGTERM', () => {
  prism.kill();
  server.kill();
  process.exit(0);
});
console.log(`MCP at http://127.0.0.1:${port}/mcp (Prism at http://127.0.0.1:${prismPort})`);
