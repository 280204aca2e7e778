/**
 * @module The official MCP conformance suites (@modelcontextprotocol/conformance) against the real bin over
 * Streamable HTTP, one per protocol era: 0.1.16's active server scenarios (2025-11-25) and 0.2.0-alpha.12's
 * `--requirements 2026-07-28`. Every scenario must pass, except those in expected-failures-<revision>.json
 * (they need fixture tools, resources or prompts a three-tool server cannot have); a scenario listed with
 * `checks` may fail only those checks, and every listed scenario must still fail, so the lists cannot rot.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sample } from '../support/connect.js';
import { conformancePaths, conformanceSuites } from '../support/conformance.mjs';
import { startMemcached, type Memcached } from '../support/memcached.js';
import { startReplica, type Replica } from '../support/replicas.js';

type Revision = keyof typeof conformanceSuites;

interface ExpectedFailure {
  reason: string;
  /** When only some checks of the scenario may fail. */
  checks?: string[];
  /** Passes on some runs: not reported as stale when it does. */
  flaky?: boolean;
}

async function expectedFailuresOf(revision: Revision): Promise<Record<string, ExpectedFailure>> {
  const file = join(dirname(fileURLToPath(import.meta.url)), `expected-failures-${revision}.json`);
  const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, string | ExpectedFailure>;
  return Object.fromEntries(Object.entries(raw).map(([name, entry]) => [name, typeof entry === 'string' ? { reason: entry } : entry]));
}

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  errorMessage?: string;
  details?: unknown;
}

interface ScenarioResult {
  scenario: string;
  /** The checks that failed (FAILURE or WARNING), as the suite's own --expected-failures check counts them. */
  failing: Check[];
}

interface SuiteRun {
  results: ScenarioResult[];
  exitCode: number | null;
  output: string;
}

let memcached: Memcached;

beforeAll(async () => {
  // First use installs the pinned suites and Node 22 (about 30 s); later runs find them in the cache.
  for (const revision of Object.keys(conformanceSuites) as Revision[]) conformancePaths(revision);
  memcached = await startMemcached();
}, 600_000);
afterAll(async () => {
  await memcached?.stop();
});

/** Runs one suite; the CLI also checks our baseline, as a second opinion on our parsing. */
async function runSuite(revision: Revision, url: string, expected: Record<string, ExpectedFailure>): Promise<SuiteRun> {
  const { node, cli, args } = conformancePaths(revision);
  const dir = await mkdtemp(join(tmpdir(), 'mcp-conformance-'));
  try {
    const baseline = join(dir, 'baseline.yml');
    await writeFile(
      baseline,
      `server:\n${Object.keys(expected)
        .map((name) => `  - ${name}\n`)
        .join('')}`,
    );
    const out = join(dir, 'results');
    const { exitCode, output } = await run(node, [cli, 'server', '--url', url, '--output-dir', out, '--expected-failures', baseline, ...args]);

    // Results land in <out>/server-<scenario>-<ISO timestamp>/checks.json.
    const checksBy = new Map<string, Check[]>();
    for (const entry of await readdir(out).catch(() => [])) {
      const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(entry)?.[1];
      if (scenario) checksBy.set(scenario, JSON.parse(await readFile(join(out, entry, 'checks.json'), 'utf8')) as Check[]);
    }
    const scenarios = [...output.matchAll(/=== Running scenario: (\S+) ===/g)].map((m) => m[1]!);
    const results = scenarios.map((scenario) => {
      // A scenario whose runner threw leaves no results folder: that is a failure too.
      const checks = checksBy.get(scenario) ?? [
        { id: scenario, status: 'FAILURE', errorMessage: 'no checks.json: the scenario runner failed (see the CLI output)' },
      ];
      return { scenario, failing: checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING') };
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
    .flatMap((r) => r.failing.map((c) => `${r.scenario} / ${c.id} ${c.status}: ${c.errorMessage ?? ''} ${JSON.stringify(c.details ?? {}).slice(0, 600)}`))
    .join('\n');
}

const setups: { name: string; args: () => string[] }[] = [
  { name: 'in-memory session store, SSE responses', args: () => [] },
  { name: 'memcached session store, SSE responses', args: () => ['--memcached', memcached.address] },
  { name: 'in-memory session store, JSON responses', args: () => ['--json-responses'] },
];

const runs = (Object.keys(conformanceSuites) as Revision[]).flatMap((revision) => setups.map((setup) => ({ revision, ...setup })));

describe('MCP conformance suites against the Streamable HTTP server', () => {
  test.each(runs)(
    '$revision: every scenario passes except the expected failures ($name)',
    async ({ revision, args }) => {
      const expected = await expectedFailuresOf(revision);
      const replica: Replica = await startReplica([sample, ...args()]);
      const started = performance.now();
      let suite: SuiteRun;
      try {
        suite = await runSuite(revision, `${replica.url}/mcp`, expected);
      } finally {
        await replica.kill();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { results, exitCode, output } = suite;
      const failed = results.filter((r) => r.failing.length);
      const expectedCount = failed.filter((r) => r.scenario in expected).length;
      console.log(
        `conformance ${revision}: ${results.length} scenarios, ${results.length - failed.length} passed, ${failed.length} failed (${expectedCount} expected), ${seconds} s`,
      );

      expect(results.length, `no scenarios ran; CLI output:\n${output}`).toBeGreaterThan(0);
      const unexpected = failed
        .map((r) => {
          const allowed = expected[r.scenario];
          if (!allowed) return r;
          return { ...r, failing: allowed.checks ? r.failing.filter((c) => !allowed.checks!.includes(c.id)) : [] };
        })
        .filter((r) => r.failing.length);
      expect(
        unexpected.map((r) => r.scenario),
        `unexpected failures:\n${explain(unexpected)}`,
      ).toEqual([]);
      const stale = Object.entries(expected)
        .filter(([scenario, entry]) => !entry.flaky && !failed.some((r) => r.scenario === scenario))
        .map(([scenario]) => scenario);
      expect(stale, `listed in expected-failures-${revision}.json but passing or no longer in the suite: remove them`).toEqual([]);
      expect(exitCode, `the suite's own baseline check disagrees:\n${output}`).toBe(0);
    },
    120_000,
  );
});
