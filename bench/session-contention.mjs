// Fifty writers at once on one conversation: 50 describe_endpoint calls (50 GitHub endpoints) with one session handle, sent at the
// same moment to two replicas sharing a real memcached; prints how many described ids the stored state lost.
// Run: npm run build && node bench/session-contention.mjs   (needs Debian's memcached; loopback only)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemcachedSessionStore } from '../dist/session/memcached-session-store.js';
import { realSpecPath } from '../test/support/real-specs.mjs';
import { modernToolCall } from './modern-tool-call.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const writers = Number(process.env.WRITERS ?? 50);
const secret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startReplica(memcached) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'openapi-dynamic-mcp.js'),
      realSpecPath('github'),
      '--transport',
      'http',
      '--port',
      String(port),
      '--memcached',
      memcached,
      '--session-secret',
      secret,
      '--log-level',
      'error',
    ],
    { stdio: 'ignore' },
  );
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { url: `http://127.0.0.1:${port}/mcp`, child };
    } catch {
      await sleep(50);
    }
  }
}

async function call(url, id, name, args) {
  return (await modernToolCall(url, { id, name, args })).result;
}

const memcachedPort = await freePort();
const memcached = spawn('memcached', ['-l', '127.0.0.1', '-p', String(memcachedPort), '-U', '0', '-m', '64', '-u', 'root'], { stdio: 'ignore' });
await sleep(300);
const address = `127.0.0.1:${memcachedPort}`;
const replicas = await Promise.all([startReplica(address), startReplica(address)]);
try {
  const first = await call(replicas[0].url, 1, 'list_endpoints', { limit: 100 });
  const session = first.structuredContent.session;
  const ids = first.structuredContent.endpoints.map((e) => e.id);
  const targets = ids.slice(0, writers);
  const started = performance.now();
  const results = await Promise.all(targets.map((target, i) => call(replicas[i % 2].url, i + 2, 'describe_endpoint', { ids: [target], session })));
  const ms = performance.now() - started;
  const described = new Set(results.filter((r) => !r.isError).flatMap((r) => r.structuredContent.endpoints.map((e) => e.id)));
  const store = new MemcachedSessionStore({ servers: [address], ttlSeconds: 3600 });
  const state = await store.get(session);
  await store.close();
  const kept = new Set(state?.described ?? []);
  const lost = [...described].filter((id) => !kept.has(id));
  console.log(`${writers} concurrent describe_endpoint calls on one handle over 2 replicas + memcached: ${ms.toFixed(0)} ms`);
  console.log(
    `distinct ids described: ${described.size}; recorded in the session state: ${kept.size}; lost: ${lost.length}${lost.length ? ` (${lost.join(', ')})` : ''}`,
  );
} finally {
  for (const r of replicas) r.child.kill();
  memcached.kill();
}
