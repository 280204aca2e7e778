// The processes bench/load.mjs runs on loopback: the JSON upstream, memcached and server replicas, all real
// child processes killed on exit, error or signal; plus CPU and /metrics readings.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'openapi-dynamic-mcp.js');
const spec = join(root, 'specs', 'petstore.yaml');

/** Signs session ids; the same on every replica of a configuration. */
export const sessionSecret = 'load-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

const children = new Set();

/** SIGKILLs every child still running; synchronous, so it also works from an 'exit' handler. */
export function killAllChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}
process.on('exit', killAllChildren);

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The JSON upstream (bench/load-upstream.mjs) in its own process; `hits()` is how many API requests it served. */
export async function startUpstream() {
  const child = track(spawn(process.execPath, [join(root, 'bench', 'load-upstream.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the upstream did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`the upstream exited with code ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      resolve(JSON.parse(out.split('\n')[0]).port);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid,
    hits: async () => (await (await globalThis.fetch(`${url}/__load/hits`, { signal: globalThis.AbortSignal.timeout(5000) })).json()).hits,
    close: () => stopChild(child),
  };
}

async function portOpen(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

export async function startMemcached() {
  const port = await freePort();
  const child = track(spawn('memcached', ['-l', '127.0.0.1', '-p', String(port), '-U', '0', '-m', '64', '-u', 'root'], { stdio: 'ignore' }));
  for (let i = 0; !(await portOpen(port)); i++) {
    if (child.exitCode !== null) throw new Error(`memcached exited with code ${child.exitCode} (port ${port})`);
    if (i > 100) throw new Error(`memcached did not listen on 127.0.0.1:${port} within 5 s`);
    await sleep(50);
  }
  return { address: `127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

/** One server process (the real bin) on a free port; resolves once /readyz says ready (store reachable). */
export async function startReplica({ upstreamUrl, memcached }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchReplica(upstreamUrl, memcached);
    } catch (error) {
      // freePort can race with another process taking the port; a fresh port usually fixes it.
      if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function launchReplica(upstreamUrl, memcached) {
  const port = await freePort();
  const args = [bin, spec, '--transport', 'http', '--port', String(port), '--session-secret', sessionSecret, '--base-url', upstreamUrl, '--log-level', 'warn'];
  if (memcached) args.push('--memcached', memcached);
  const child = track(spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`replica on port ${port} exited with code ${child.exitCode}: ${stderr.trim()}`);
    try {
      if ((await globalThis.fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) {
      await stopChild(child);
      throw new Error(`replica on port ${port} was not ready within 10 s: ${stderr.trim()}`);
    }
    await sleep(50);
  }
  return { port, url, pid: child.pid, process: child, stderr: () => stderr, kill: () => stopChild(child) };
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where /proc is unavailable. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine has spent busy (all cores, all processes), from /proc/stat; NaN elsewhere. */
export function machineBusySeconds() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - fields[3] - fields[4]) / clockTicks;
  } catch {
    return NaN;
  }
}

/** A replica's /metrics as a map of series (name plus labels) to value. */
export async function scrapeMetrics(url) {
  const text = await (await globalThis.fetch(`${url}/metrics`, { signal: globalThis.AbortSignal.timeout(5000) })).text();
  const series = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

/** Sums several scrapes and subtracts a matching set of earlier ones: counts over one phase, all replicas. */
export function metricsDelta(after, before) {
  const total = new Map();
  const add = (scrapes, sign) => {
    for (const scrape of scrapes) for (const [key, value] of scrape) total.set(key, (total.get(key) ?? 0) + sign * value);
  };
  add(after, 1);
  add(before, -1);
  return total;
}

export function memcachedVersion() {
  try {
    return execFileSync('memcached', ['-V'], { encoding: 'utf8' }).trim();
  } catch {
    return 'memcached (version unknown)';
  }
}
