// How a large GitHub response is delivered: 100 issues (GitHub's own example issue, repeated) from a
// local upstream, through execute_endpoint; parts, bytes and tokens per part, and the effect of select.
// Run: npm run build && node bench/large-response.mjs   (loopback only)
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { countTokens } from 'gpt-tokenizer';
import { realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createServer } = await import(join(root, 'dist', 'server.js'));
const { resolveConfig } = await import(join(root, 'dist', 'config.js'));
const { loadSpec } = await import(join(root, 'dist', 'openapi', 'load-spec.js'));
const { buildCatalog } = await import(join(root, 'dist', 'openapi', 'build-catalog.js'));

const specPath = realSpecPath('github');
const example = JSON.parse(readFileSync(specPath, 'utf8')).components.examples['issue-items'].value[0];
const issues = Array.from({ length: 100 }, (_, i) => ({ ...example, id: example.id + i, number: i + 1, title: `Issue number ${i + 1}` }));
const payload = JSON.stringify(issues);

const upstream = createHttpServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(payload);
});
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${upstream.address().port}`;

const config = resolveConfig({ spec: specPath, baseUrl });
const catalog = buildCatalog(await loadSpec(specPath, config));
const server = createServer({ ...config, catalog, credentials: new Map(), readOnly: false });
const [a, b] = InMemoryTransport.createLinkedPair();
const client = new Client({ name: 'bench', version: '1' });
await Promise.all([server.connect(b), client.connect(a)]);
const args = { owner: 'octocat', repo: 'hello-world', per_page: 100 };
const text = (result) => result.content.map((c) => c.text ?? '').join('\n');

console.log(`issues/list-for-repo, 100 issues: ${payload.length} bytes, ${countTokens(payload)} tokens raw`);
let result = await client.callTool({ name: 'execute_endpoint', arguments: { id: 'issues/list-for-repo', arguments: args } });
const partTokens = [];
let parts = 1;
partTokens.push(countTokens(text(result)));
while (result.structuredContent.continuation) {
  result = await client.callTool({ name: 'execute_endpoint', arguments: { continuation: result.structuredContent.continuation } });
  partTokens.push(countTokens(text(result)));
  parts++;
}
console.log(`default budget (40000 bytes): ${parts} parts; tokens per part (text content): max ${Math.max(...partTokens)}, first ${partTokens[0]}`);
const selected = await client.callTool({
  name: 'execute_endpoint',
  arguments: {
    id: 'issues/list-for-repo',
    arguments: args,
    select: '[].{number: number, title: title, state: state, user: user.login, labels: labels[].name}',
  },
});
console.log(
  `with select "[].{number, title, state, user.login, labels[].name}": ${Buffer.byteLength(JSON.stringify(selected.structuredContent.body))} bytes, ${countTokens(text(selected))} tokens, one part`,
);
await client.close();
upstream.close();
