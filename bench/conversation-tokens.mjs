// A scripted 12-call GitHub conversation, run twice by a 2026-07-28 client over stdio: once passing back the
// `session` handle of each result, once never passing it. Prints the tokens a model reads (o200k_base, text
// content) per call and in all, the calls made, and whether both runs sent the same requests upstream.
// Run: npm run build && node bench/conversation-tokens.mjs
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = { owner: 'octocat', repo: 'hello-world' };

/** What a model working on one issue asks, in order: search, describe, a slip, the fix, and on to the next task. */
const script = [
  ['list_endpoints', {}],
  ['list_endpoints', { query: 'create an issue' }],
  ['describe_endpoint', { ids: ['issues/create'] }],
  ['execute_endpoint', { id: 'issues/create', arguments: { ...repo, body: {} } }],
  ['execute_endpoint', { id: 'issues/create', arguments: { ...repo, body: { title: 'Found a bug' } } }],
  ['list_endpoints', { query: 'add a comment' }],
  ['describe_endpoint', { ids: ['issues/create-comment'] }],
  ['execute_endpoint', { id: 'issues/create-comment', arguments: { ...repo, issue_number: 1347, body: { text: 'Steps to reproduce' } } }],
  ['execute_endpoint', { id: 'issues/create-comment', arguments: { ...repo, issue_number: 1347, body: { body: 'Steps to reproduce' } } }],
  ['list_endpoints', { query: 'add labels' }],
  ['execute_endpoint', { id: 'issues/add-labels', arguments: { ...repo, issue_number: '#1347', body: { labels: ['bug'] } } }],
  ['execute_endpoint', { id: 'issues/add-labels', arguments: { ...repo, issue_number: 1347, body: { labels: ['bug'] } } }],
];

const textOf = (result) => result.content.map((c) => c.text ?? '').join('\n');
const tokens = (text) => encode(text).length;

async function converse(passHandle) {
  const requests = [];
  const upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${body}`);
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: 1, number: 1347, html_url: 'https://github.com/octocat/hello-world/issues/1347' }));
    });
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      join(root, 'bin', 'openapi-dynamic-mcp.js'),
      realSpecPath('github'),
      '--log-level',
      'silent',
      '--base-url',
      `http://127.0.0.1:${upstream.address().port}`,
    ],
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(transport);
  const rows = [];
  let session;
  for (const [tool, args] of script) {
    const result = await client.callTool({ name: tool, arguments: passHandle && session ? { ...args, session } : args });
    session = result.structuredContent?.session;
    const first = result.structuredContent?.endpoints?.[0]?.id;
    const outcome = result.isError ? 'error' : (result.structuredContent?.status ?? (first ? `first ${first}` : 'ok'));
    const text = textOf(result);
    // What the state itself is worth: the same text without the line naming a new handle.
    const withoutHandleLine = text.replace(/\nsession: \S+ \(pass it back as "session"[^)]*\)$/, '');
    rows.push({ tool, args, tokens: tokens(text), stateOnly: tokens(withoutHandleLine), outcome });
  }
  await client.close();
  upstream.close();
  return { rows, requests };
}

const withHandle = await converse(true);
const without = await converse(false);
const pad = (s, n) => String(s).padEnd(n);
console.log('GitHub, a 12-call conversation (2026-07-28 client over stdio; tokens of the text a model reads, o200k_base)');
console.log(`${pad('#  call', 62)}${pad('with handle', 14)}${pad('without', 10)}${pad('w/o, no line', 14)}outcome (with / without)`);
script.forEach(([tool, args], i) => {
  const a = withHandle.rows[i];
  const b = without.rows[i];
  const label = `${tool} ${JSON.stringify(args.query ?? args.ids ?? args.id ?? '')}`;
  console.log(`${pad(`${i + 1}`, 3)}${pad(label.slice(0, 58), 59)}${pad(a.tokens, 14)}${pad(b.tokens, 10)}${pad(b.stateOnly, 14)}${a.outcome} / ${b.outcome}`);
});
const sum = (rows, key = 'tokens') => rows.reduce((total, row) => total + row[key], 0);
console.log(
  `${pad('total', 62)}${pad(sum(withHandle.rows), 14)}${pad(sum(without.rows), 10)}${pad(sum(without.rows, 'stateOnly'), 14)}calls ${withHandle.rows.length} / ${without.rows.length}`,
);
console.log('"w/o, no line": the run without the handle, less the line that names a new handle in each result: what the state itself saves.');
const same = JSON.stringify(withHandle.requests) === JSON.stringify(without.requests);
console.log(`upstream requests: ${withHandle.requests.length} / ${without.requests.length}, ${same ? 'identical' : 'DIFFERENT'}`);
