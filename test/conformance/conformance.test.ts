/**
 * @module The official MCP conformance suite (@modelcontextprotocol/conformance, server scenarios of its
 * active suite) against the real bin over Streamable HTTP. Every scenario must pass, except those in
 * expected-failures.json (they need fixture tools, resources or prompts a three-tool server cannot
 * have), and every one listed there must still fail, so the list cannot rot.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sample } from '../support/connect.js';
import { conformancePackages, conformancePaths } from '../support/conformance.mjs';
import { startMemcached, type Memcached } from '../support/memcached.js';
import { startReplica, type Replica } from '../support/replicas.js';

const expectedFailures = JSON.parse(await readFile(join(dirname(fileURLToPath(import.meta.url)), 'expected-failures.json'), 'utf8')) as Record<string, string>;

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  errorMessage?: string;
  details?: unknown;
}

interface ScenarioResult {
  scenario: string;
  /** As the suite's own --expected-failures check counts it: any FAILURE or WARNING check. */
  failed: boolean;
  checks: Check[];
}

interface SuiteRun {
  results: ScenarioResult[];
  exitCode: number | null;
  output: string;
}

let paths: { node: string; cli: string };
let memcached: Memcached;

beforeAll(async () => {
  // First use installs the pinned suite and Node 22 (about 20 s); later runs find them in the cache.
  paths = conformancePaths();
  memcached = await startMemcached();
}, 600_000);
afterAll(async () => {
  await memcached?.stop();
});

/** Runs the suite's active server scenarios; the CLI also checks our baseline, as a second opinion on our parsing. */
async function runSuite(url: string): Promise<SuiteRun> {
  const dir = await mkdtemp(join(tmpdir(), 'mcp-conformance-'));
  try {
    const baseline = join(dir, 'baseline.yml');
    await writeFile(baseline, `server:\n${Object.keys(expectedFailures).map((name) => `  - ${name}\n`).join('')}`);
    const out = join(dir, 'results');
    const { exitCode, output } = await run(paths.node, [paths.cli, 'server', '--url', url, '--output-dir', out, '--expected-failures', baseline]);

    // Results land in <out>/server-<scenario>-<ISO timestamp>/checks.json.
    const checksBy = new Map<string, Check[]>();
    for (const entry of await readdir(out).catch(() => [])) {
      const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(entry)?.[1];
      if (scenario) checksBy.set(scenario, JSON.parse(await readFile(join(out, entry, 'checks.json'), 'utf8')) as Check[]);
    }
    const scenarios = [...output.matchAll(/=== Running scenario: (\S+) ===/g)].map((m) => m[1]!);
    const results = scenarios.map((scenario) => {
      // A scenario whose runner threw leaves no results folder: that is a failure too.
      const checks = checksBy.get(scenario) ?? [{ id: scenario, status: 'FAILURE', errorMessage: 'no checks.json: the scenario runner failed (see the CLI output)' }];
      return { scenario, checks, failed: checks.some((c) => c.status === 'FAILURE' || c.status === 'WARNING') };
    });
    return { results, exitCode, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.once('error', reject);
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}

/** One line per failing check, with what the suite saw, so a failure explains itself. */
function explain(results: ScenarioResult[]): string {
  return results
    .flatMap((r) => r.checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING').map((c) => `${r.scenario} / ${c.id} ${c.status}: ${c.errorMessage ?? ''} ${JSON.stringify(c.details ?? {}).slice(0, 600)}`))
    .join('\n');
}

const setups: { name: string; args: () => string[] }[] = [
  { name: 'in-memory session store, SSE responses', args: () => [] },
  { name: 'memcached session store, SSE responses', args: () => ['--memcached', memcached.address] },
  { name: 'in-memory session store, JSON responses', args: () => ['--json-responses'] },
];

describe(`MCP conformance suite ${conformancePackages.suite.version} against the Streamable HTTP server`, () => {
  test.each(setups)('every scenario passes except the expected failures ($name)', async ({ name, args }) => {
    const replica: Replica = await startReplica([sample, ...args()]);
    const started = performance.now();
    let suite: SuiteRun;
    try {
      suite = await runSuite(`${replica.url}/mcp`);
    } finally {
      await replica.kill();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { results, exitCode, output } = suite;
    const failed = results.filter((r) => r.failed);
    const expectedCount = failed.filter((r) => r.scenario in expectedFailures).length;
    console.log(`conformance (${name}): ${results.length} scenarios, ${results.length - failed.length} passed, ${failed.length} failed (${expectedCount} expected), ${seconds} s`);

    expect(results.length, `no scenarios ran; CLI output:\n${output}`).toBeGreaterThan(0);
    const unexpected = failed.filter((r) => !(r.scenario in expectedFailures));
    expect(unexpected.map((r) => r.scenario), `unexpected failures:\n${explain(unexpected)}`).toEqual([]);
    const stale = Object.keys(expectedFailures).filter((scenario) => !failed.some((r) => r.scenario === scenario));
    expect(stale, 'listed in expected-failures.json but passing or no longer in the suite: remove them').toEqual([]);
    expect(exitCode, `the suite's own baseline check disagrees:\n${output}`).toBe(0);
  }, 120_000);
});
