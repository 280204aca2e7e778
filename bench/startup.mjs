// Startup, memory and token figures on GitHub's API, printed side by side with a plain-Node baseline.
// Run: npm run bench   (loopback only; bounded: a few spawns and one local upstream).
// BENCH_NODE=/path/to/node runs the servers on another Node (Node 22 keeps a compile cache; Node 20 has none).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client as ModernClient } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { countTokens } from 'gpt-tokenizer';
import { realSpecPackages, realSpecPath } from '../test/support/real-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 11);
const spec = realSpecPath('github');
const node = process.env.BENCH_NODE ?? process.execPath;
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

/** Spawns a stdio server, times spawn -> tools/list answered (by a 2025-era client, or a 2026-07-28 one), reads its peak RSS. */
async function measure(args, afterReady, modern = false) {
  const started = performance.now();
  const transport = modern
    ? new ModernStdioClientTransport({ command: node, args, stderr: 'ignore' })
    : new StdioClientTransport({ command: node, args, stderr: 'ignore' });
  const client = modern
    ? new ModernClient({ name: 'bench', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } })
    : new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  const tools = await client.listTools();
  const readyMs = performance.now() - started;
  const extra = afterReady ? await afterReady(client, tools) : undefined;
  const status = readFileSync(`/proc/${transport.pid}/status`, 'utf8');
  const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  await client.close();
  return { readyMs, peakRssMb, extra };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the two commands alternately, so drift in machine load hits both alike. */
async function series(contenders) {
  const rows = contenders.map(({ label }) => ({ label, ready: [], rss: [] }));
  for (const { args, modern } of contenders) await measure(args, undefined, modern); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [k, { args, modern }] of contenders.entries()) {
      const { readyMs, peakRssMb } = await measure(args, undefined, modern);
      rows[k].ready.push(readyMs);
      rows[k].rss.push(peakRssMb);
    }
  }
  return rows.map((r) => ({ label: r.label, readyMs: median(r.ready), peakRssMb: median(r.rss) }));
}

const upstream = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ number: 1347, title: 'Found a bug', state: 'open', html_url: 'https://github.com/octocat/hello-world/issues/1347' }));
  });
});
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;

const [ours, base, modern] = await series([
  { label: 'openapi-dynamic-mcp', args: [join(root, 'bin', 'openapi-dynamic-mcp.js'), spec, '--log-level', 'silent'] },
  { label: 'baseline (JSON.parse + SDK)', args: [join(root, 'bench', 'baseline-server.mjs'), spec] },
  { label: 'ours, 2026-07-28 client *', args: [join(root, 'bin', 'openapi-dynamic-mcp.js'), spec, '--log-level', 'silent'], modern: true },
]);

const tokens = (
  await measure([join(root, 'bin', 'openapi-dynamic-mcp.js'), spec, '--log-level', 'silent', '--base-url', upstreamUrl], async (client, tools) => {
    const text = (result) => result.content.map((c) => c.text ?? '').join('\n');
    const wire = (result) => JSON.stringify(result);
    const list = await client.callTool({ name: 'list_endpoints', arguments: { query: 'create an issue' } });
    const describe = await client.callTool({ name: 'describe_endpoint', arguments: { ids: ['issues/create'] } });
    const execute = await client.callTool({
      name: 'execute_endpoint',
      arguments: { id: 'issues/create', arguments: { owner: 'octocat', repo: 'hello-world', body: { title: 'Found a bug' } } },
    });
    return {
      toolsList: countTokens(JSON.stringify(tools)),
      listPage: countTokens(text(list)),
      describe: countTokens(text(describe)),
      execute: countTokens(text(execute)),
      flowText: countTokens(text(list)) + countTokens(text(describe)) + countTokens(text(execute)),
      flowWire: countTokens(wire(list)) + countTokens(wire(describe)) + countTokens(wire(execute)),
    };
  })
).extra;
upstream.close();

const pad = (s, n) => String(s).padEnd(n);
console.log(`GitHub REST API (@octokit/openapi ${realSpecPackages.github.version}), median of ${runs} runs, servers on Node ${nodeVersion}`);
console.log(`${pad('', 30)}${pad('spawn -> tools/list', 22)}peak RSS`);
for (const row of [ours, base, modern]) console.log(`${pad(row.label, 30)}${pad(`${row.readyMs.toFixed(0)} ms`, 22)}${row.peakRssMb.toFixed(0)} MB`);
console.log(
  `${pad('ratio (2025-era client)', 30)}${pad(`${(ours.readyMs / base.readyMs).toFixed(2)}x (aim <= 1.15x)`, 22)}${(ours.peakRssMb / base.peakRssMb).toFixed(2)}x (aim <= 1.3x)`,
);
console.log(
  `${pad('ratio (2026-07-28 client)', 30)}${pad(`${(modern.readyMs / base.readyMs).toFixed(2)}x`, 22)}${(modern.peakRssMb / base.peakRssMb).toFixed(2)}x`,
);
console.log('* the SDK 2.x client probes the server in a disposable first process over stdio, then starts the one it keeps: two startups.');
console.log('');
console.log('Tokens (cl100k-compatible count, gpt-tokenizer):');
console.log(`  tools/list                          ${tokens.toolsList}`);
console.log(`  list_endpoints "create an issue"    ${tokens.listPage}`);
console.log(`  describe_endpoint issues/create     ${tokens.describe}   (aim < 1000)`);
console.log(`  execute_endpoint issues/create      ${tokens.execute}`);
console.log(`  list -> describe -> execute (text)  ${tokens.flowText}`);
console.log(`  the same as full JSON-RPC results   ${tokens.flowWire}   (text + structuredContent)`);
