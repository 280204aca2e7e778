// The README's quick start and clone recipes, run as written in a fresh copy of the checkout: `npm
// install` (which builds nothing), `npm start` (which builds, then serves), the quick start's commands,
// and the clone's client configurations by path and through `npm link`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyCheckout, readme, readmeClientConfig, type ClientConfig } from './support/checkout.js';
import { connectStdio } from './support/connect.js';

let folder: string;
let clone: string;
let install: { status: number | null; output: string };
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'odm-clone-'));
  clone = join(folder, 'openapi-dynamic-mcp');
  copyCheckout(clone);
  // `npm install` as the quick start says; --prefer-offline only takes packages from npm's cache when it has them.
  const ran = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, encoding: 'utf8' });
  install = { status: ran.status, output: `${ran.stdout}${ran.stderr}` };
}, 600_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `npm start` built it already when the tests run in order; alone, a test builds it itself. */
function build(): void {
  if (!existsSync(join(clone, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: clone, stdio: 'ignore' });
}

async function expectServes(config: ClientConfig, env: Record<string, string> = {}): Promise<void> {
  const session = await connectStdio([], { ...config.env, ...env }, { command: config.command, args: config.args });
  try {
    const result = await session.call('list_endpoints', { query: 'inventory' });
    expect((result.structuredContent as { endpoints: { id: string }[] }).endpoints[0]!.id).toBe('getInventory');
  } finally {
    await session.close();
  }
}

describe('the quick start', () => {
  test('the README says npm install && npm start', () => {
    expect(readme()).toContain('npm install && npm start   # builds, then serves the bundled sample (specs/petstore.yaml) over stdio');
  });

  test('npm install in a fresh clone runs no build', () => {
    expect(install.status).toBe(0);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
  });

  test('npm start builds, then serves the bundled sample over stdio', async () => {
    const child = spawn('npm', ['start'], { cwd: clone, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          // npm prints its "> openapi-dynamic-mcp@0.1.0 start" banner first; the protocol's lines are JSON.
          const reply = stdout.split('\n').find((line) => line.startsWith('{') && line.includes('"id":1'));
          if (reply) resolve(JSON.parse(reply) as Record<string, unknown>);
        });
        child.on('close', (code) => reject(new Error(`npm start exited (${code}): ${stderr}`)));
      });
      child.stdin.write(
        `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'quick-start', version: '1' } } })}\n`,
      );
      const reply = await answer;
      expect(reply).toMatchObject({ id: 1, result: { serverInfo: { name: 'openapi-dynamic-mcp' } } });
      // Logs are written once the first requests are answered.
      await expect.poll(() => stderr, { timeout: 5000 }).toContain('Serving Swagger Petstore (15 endpoints) over stdio.');
      expect(existsSync(join(clone, 'dist', 'cli.js'))).toBe(true);
    } finally {
      // npm start runs a shell and node below it: end the whole group it leads.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  }, 120_000);

  test("the quick start's terminal commands list and describe the sample", () => {
    build();
    for (const [args, want] of [
      [['list', 'specs/petstore.yaml', 'find pets by tag'], /^findPetsByTags\s+GET\s+\/pet\/findByTags/m],
      [['describe', 'specs/petstore.yaml', 'findPetsByTags'], /^findPetsByTags: GET \/pet\/findByTags - Finds pets by tags$/m],
    ] as const) {
      const command = `node bin/openapi-dynamic-mcp.js ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`;
      expect(readme()).toContain(command);
      expect(
        execFileSync(process.execPath, ['bin/openapi-dynamic-mcp.js', ...args], {
          cwd: clone,
          encoding: 'utf8',
          env: { ...process.env, OPENAPI_MCP_SPEC: '' },
        }),
      ).toMatch(want);
    }
  }, 60_000);
});

describe('a clone', () => {
  const sample = () => join(clone, 'specs', 'petstore.yaml');

  test('serves by the path of its bin, as the README client config says', async () => {
    build();
    await expectServes(readmeClientConfig('clone', { '/path/to/openapi-dynamic-mcp': clone, '/absolute/path/to/openapi.yaml': sample() }));
  }, 120_000);

  test('after npm link, serves from PATH as the README client config says', async () => {
    expect(readme()).toContain('npm install && npm run build && npm link');
    const prefix = join(folder, 'global');
    build();
    execFileSync('npm', ['link', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'ignore', env: { ...process.env, npm_config_prefix: prefix } });
    await expectServes(readmeClientConfig('installed', { '/absolute/path/to/openapi.yaml': sample() }), { PATH: `${join(prefix, 'bin')}:${process.env.PATH}` });
  }, 120_000);

  test('a clone that is not built says how to build it, without a stack trace', () => {
    const bare = join(folder, 'bare');
    copyCheckout(bare);
    const ran = spawnSync(process.execPath, [join(bare, 'bin', 'openapi-dynamic-mcp.js'), 'list', sample()], { encoding: 'utf8' });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe(`openapi-dynamic-mcp is not built yet: run "npm run build" in ${bare}\n`);
  });
});
