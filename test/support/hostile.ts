// Hostile documents and how to watch a process reading them: time and peak memory, and a kill past a limit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bin, root } from './connect.js';

/** A YAML document whose request body is `width` aliases of `width` aliases ... `levels` deep: width^levels nodes written out. */
export function aliasBomb(levels = 9, width = 9): string {
  const lines = [
    'openapi: 3.0.3',
    'info: {title: bomb, version: "1"}',
    'servers: [{url: "http://127.0.0.1:9"}]',
    'x-bomb:',
    '  l0: &l0 {type: string, description: leaf}',
  ];
  for (let k = 1; k <= levels; k++) {
    lines.push(`  l${k}: &l${k} {type: object, properties: {${Array.from({ length: width }, (_, i) => `p${i}: *l${k - 1}`).join(', ')}}}`);
  }
  lines.push(
    'paths:',
    '  /boom:',
    '    post:',
    '      operationId: boom',
    '      requestBody:',
    '        content:',
    '          application/json:',
    `            schema: *l${levels}`,
    '      responses:',
    "        '200': {description: ok}",
  );
  return `${lines.join('\n')}\n`;
}

/** An OpenAPI 3.0 document with one POST operation per entry, each taking the given body schema. */
export function documentWith(bodies: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const paths = Object.fromEntries(
    Object.entries(bodies).map(([id, schema]) => [
      `/${id}`,
      { post: { operationId: id, requestBody: { content: { 'application/json': { schema } } }, responses: { 200: { description: 'ok' } } } },
    ]),
  );
  return { openapi: '3.0.3', info: { title: 'hostile', version: '1' }, servers: [{ url: 'http://127.0.0.1:9' }], paths, ...extra };
}

/** Answers with an endless body, 1 MiB at a time, as fast as it is read. */
export function endlessBody(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
  };
  response.on('drain', pump);
  pump();
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
  /** Why the process was killed, when it was. */
  killed?: string;
}

/** Peak resident memory of a running process so far, in MB (0 once it is gone). */
function polledPeakMb(pid: number): number {
  try {
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/**
 * Runs `node <preload> bin args`: the preload reports the process's own peak memory when it exits; while it
 * runs it is polled, and killed past `limitMb` or `limitSeconds` (then the polled peak is what is known).
 */
export interface MeasureLimits {
  /** Killed past this peak memory. Default 2000 MB. */
  limitMb?: number;
  /** Killed after this long. Default 30 s. */
  limitSeconds?: number;
  /** Environment variables besides this process's own. */
  env?: Record<string, string>;
}

function measuredProcess(limits: MeasureLimits) {
  const dir = mkdtempSync(join(tmpdir(), 'peak-rss-'));
  const file = join(dir, 'peak');
  const limitMb = limits.limitMb ?? 2000;
  const limitSeconds = limits.limitSeconds ?? 30;
  const started = performance.now();
  let polled = 0;
  let killed: string | undefined;
  let pid: () => number | undefined = () => undefined;
  const timer = setInterval(() => {
    const id = pid();
    if (!id) return;
    polled = Math.max(polled, polledPeakMb(id));
    const seconds = (performance.now() - started) / 1000;
    if (polled > limitMb || seconds > limitSeconds) {
      killed = polled > limitMb ? `over ${limitMb} MB` : `after ${limitSeconds} s`;
      try {
        process.kill(id, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 25);
  return {
    command: process.execPath,
    args: (rest: string[]) => ['--import', join(root, 'test', 'support', 'report-peak-rss.mjs'), bin, ...rest],
    env: { ...(process.env as Record<string, string>), ...limits.env, PEAK_RSS_FILE: file },
    follow: (get: () => number | undefined) => {
      pid = get;
    },
    finish: () => {
      clearInterval(timer);
      let reported = 0;
      try {
        reported = Math.round(Number(readFileSync(file, 'utf8')) / 1024);
      } catch {
        // killed before it could report
      }
      rmSync(dir, { recursive: true, force: true });
      return { seconds: (performance.now() - started) / 1000, peakMb: Math.max(reported, polled), ...(killed ? { killed } : {}) };
    },
  };
}

/** Runs the real bin to its end, measured. */
export function runBinMeasured(args: string[], limits: MeasureLimits = {}): Promise<Measured> {
  const measured = measuredProcess(limits);
  return new Promise((resolve) => {
    const child = spawn(measured.command, measured.args(args), { stdio: ['ignore', 'pipe', 'pipe'], env: measured.env });
    measured.follow(() => child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ...measured.finish() }));
  });
}

export interface MeasuredCall {
  result?: CallToolResult;
  error?: string;
  stderr: string;
  seconds: number;
  peakMb: number;
  killed?: string;
}

/** Starts the real bin as a stdio MCP server, calls one tool, stops it, and measures the whole run. */
export async function serveAndCallMeasured(args: string[], tool: string, input: Record<string, unknown>, limits: MeasureLimits = {}): Promise<MeasuredCall> {
  const measured = measuredProcess(limits);
  const transport = new StdioClientTransport({ command: measured.command, args: measured.args(args), env: measured.env, stderr: 'pipe' });
  measured.follow(() => transport.pid ?? undefined);
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'hostile-test', version: '1' });
  const exited = new Promise<void>((resolve) => (transport.onclose = () => resolve()));
  let outcome: { result?: CallToolResult; error?: string };
  try {
    await client.connect(transport);
    outcome = {
      result: (await client.callTool({ name: tool, arguments: input }, undefined, { timeout: (limits.limitSeconds ?? 30) * 1000 })) as CallToolResult,
    };
  } catch (error) {
    outcome = { error: (error as Error).message };
  }
  await client.close();
  await exited;
  return { ...outcome, stderr, ...measured.finish() };
}
