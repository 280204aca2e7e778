// @module Installs the official MCP conformance suites and the Node 22 they need, pinned, on demand, into
// a cache folder, so that a plain `npm install` stays light and the Node 20 toolchain stays as it is.
// Run directly to install and print the paths, or to run a suite:
// `node test/support/conformance.mjs 2026-07-28 server --url ... --requirements 2026-07-28`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, 'node_modules', '.cache', 'conformance');

/**
 * Pinned versions, one suite per protocol era: a change here is a deliberate change of what we are held to.
 * Each suite has its own install prefix: two versions of one package cannot share one.
 */
export const conformanceSuites = {
  '2025-11-25': { name: '@modelcontextprotocol/conformance', version: '0.1.16', prefix: 'suite-0.1.16', args: [] },
  '2026-07-28': {
    name: '@modelcontextprotocol/conformance',
    version: '0.2.0-alpha.12',
    prefix: 'suite-0.2.0-alpha.12',
    args: ['--requirements', '2026-07-28'],
  },
};
/** The suites' CLI needs Node 22 (fs.globSync); the `node` package ships the binary. */
export const nodeRuntime = { name: 'node', version: '22.23.3', prefix: 'node-22' };

/** @param {{ name: string, prefix: string }} pkg */
const packageDir = (pkg) => join(cacheDir, pkg.prefix, 'node_modules', ...pkg.name.split('/'));

/** @param {{ name: string, version: string, prefix: string }} pkg */
function install(pkg) {
  const manifest = join(packageDir(pkg), 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === pkg.version) return;
  process.stderr.write(`Installing ${pkg.name}@${pkg.version} into ${join(cacheDir, pkg.prefix)} (once)...\n`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', join(cacheDir, pkg.prefix), `${pkg.name}@${pkg.version}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/**
 * Returns the Node 22 binary and the CLI entry of the suite for `revision`, installing both with
 * `npm install --no-save` into the cache folder the first time (or when a pin changes).
 * @param {keyof typeof conformanceSuites} revision
 * @returns {{ node: string, cli: string, args: string[] }}
 */
export function conformancePaths(revision) {
  const suite = conformanceSuites[revision];
  install(nodeRuntime);
  install(suite);
  const node = join(packageDir(nodeRuntime), 'bin', 'node');
  if (!existsSync(node)) {
    throw new Error(
      `The Node ${nodeRuntime.version} binary is missing at ${node}: the "node" package's install script must run (check npm's ignore-scripts setting).`,
    );
  }
  const manifest = JSON.parse(readFileSync(join(packageDir(suite), 'package.json'), 'utf8'));
  const cli = join(packageDir(suite), manifest.bin.conformance);
  if (!existsSync(cli)) throw new Error(`The conformance CLI is missing at ${cli} after install into ${cacheDir}`);
  return { node, cli, args: suite.args };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [revision = '2025-11-25', ...args] = process.argv.slice(2);
  if (!(revision in conformanceSuites)) throw new Error(`Unknown revision ${revision}: one of ${Object.keys(conformanceSuites).join(', ')}`);
  const { node, cli } = conformancePaths(/** @type {keyof typeof conformanceSuites} */ (revision));
  if (!args.length) process.stdout.write(`${node}\n${cli}\n`);
  else process.exitCode = spawnSync(node, [cli, ...args], { stdio: 'inherit' }).status ?? 1;
}
