// The package as people get it: packed from a fresh copy of the checkout (prepack builds it), then
// run the ways the README says, before and after publication.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyCheckout, readme, readmeClientConfig, type ClientConfig } from './support/checkout.js';
import { connectStdio, root } from './support/connect.js';

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const tarballName = `openapi-dynamic-mcp-${version}.tgz`;
/** npm takes packages from its cache when it has them rather than asking the registry again: the recipes are the same, only faster. */
const npmEnv = { ...process.env, npm_config_prefer_offline: 'true', OPENAPI_MCP_SPEC: '' };

let folder: string;
let tarball: string;
let packOutput: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'odm-pack-'));
  const source = join(folder, 'source');
  copyCheckout(source);
  // The copy builds with this checkout's TypeScript; it has no dist/ of its own, so prepack must make it.
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  packOutput = execFileSync('npm', ['pack', '--pack-destination', folder], { cwd: source, encoding: 'utf8' });
  tarball = join(folder, tarballName);
}, 300_000);
afterAll(() => {
  removeNpxCacheEntries(folder);
  rmSync(folder, { recursive: true, force: true });
});

/** An MCP client launched as the README's configuration says, listing the sample's inventory endpoint. */
async function expectServes(config: ClientConfig, options: { cwd?: string; env?: Record<string, string> } = {}): Promise<void> {
  const session = await connectStdio(
    [],
    { npm_config_prefer_offline: 'true', ...config.env, ...options.env },
    { command: config.command, args: config.args, ...(options.cwd ? { cwd: options.cwd } : {}) },
  );
  try {
    const result = await session.call('list_endpoints', { query: 'inventory' });
    expect((result.structuredContent as { endpoints: { id: string }[] }).endpoints[0]!.id).toBe('getInventory');
  } finally {
    await session.close();
  }
}

const sampleIn = (dir: string) => join(dir, 'specs', 'petstore.yaml');

describe('the package', () => {
  test('is built by prepack and ships dist/, bin, the sample, README and LICENSE, and no install script', () => {
    expect(packOutput.trim().split('\n').pop()).toBe(tarballName);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    for (const file of [
      'package/dist/cli.js',
      'package/dist/index.js',
      'package/bin/openapi-dynamic-mcp.js',
      'package/specs/petstore.yaml',
      'package/README.md',
      'package/LICENSE',
    ])
      expect(files).toContain(file);
    expect(files.filter((f) => /^package\/(src|test|bench)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' })) as {
      scripts: Record<string, string>;
      license: string;
    };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[script]).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    const license = execFileSync('tar', ['-xOzf', tarball, 'package/LICENSE'], { encoding: 'utf8' });
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} openapi-dynamic-mcp contributors\n/);
  });

  test('the README names the tarball npm pack makes', () => {
    expect(readme()).toContain(`npx -y --package=./${tarballName} openapi-dynamic-mcp ./openapi.yaml`);
    expect(readme()).toContain(`npm i -g ./${tarballName}`);
  });

  test('runs from the tarball with npx --package, on a terminal and as the README client config says', async () => {
    const sample = join(root, 'specs', 'petstore.yaml');
    // The README's terminal form, run next to the tarball.
    const listed = spawnSync('npx', ['-y', `--package=./${tarballName}`, 'openapi-dynamic-mcp', 'list', sample, 'inventory'], {
      cwd: folder,
      encoding: 'utf8',
      env: npmEnv,
    });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^getInventory\s+GET\s+\/store\/inventory/m);
    await expectServes(readmeClientConfig('tarball', { '/path/to/openapi-dynamic-mcp-0.1.0.tgz': tarball, '/absolute/path/to/openapi.yaml': sample }));
  });

  test('installs globally from the tarball without running a script, and serves from PATH', async () => {
    const prefix = join(folder, 'global');
    const install = spawnSync('npm', ['i', '-g', `./${tarballName}`, '--no-audit', '--no-fund'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...npmEnv, npm_config_prefix: prefix },
    });
    expect(install.status).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/allowScripts|prepare|npm run build/);
    const binDir = join(prefix, 'bin');
    expect(existsSync(join(binDir, 'openapi-dynamic-mcp'))).toBe(true);
    const installed = join(prefix, 'lib', 'node_modules', 'openapi-dynamic-mcp');
    await expectServes(readmeClientConfig('installed', { '/absolute/path/to/openapi.yaml': sampleIn(installed) }), {
      env: { PATH: `${binDir}:${process.env.PATH}` },
    });
  });

  test('the published form, npx -y openapi-dynamic-mcp, serves as the README client config says', async () => {
    // Until it is on the registry, npx finds it where a project has it installed, exactly as it would run it once published.
    const project = join(folder, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'ignore', env: npmEnv });
    const installed = join(project, 'node_modules', 'openapi-dynamic-mcp');
    const config = readmeClientConfig('published', { '/absolute/path/to/openapi.yaml': sampleIn(installed) });
    expect(config.args.slice(0, 2)).toEqual(['-y', 'openapi-dynamic-mcp']);
    await expectServes(config, { cwd: project });
  });
});

/** npx keeps what it installs for a --package in its cache; entries made for our temporary tarball are removed. */
function removeNpxCacheEntries(tarballFolder: string): void {
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const npx = join(cache, '_npx');
  if (!existsSync(npx)) return;
  for (const entry of readdirSync(npx)) {
    const manifest = join(npx, entry, 'package.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(tarballFolder)) rmSync(join(npx, entry), { recursive: true, force: true });
  }
}
