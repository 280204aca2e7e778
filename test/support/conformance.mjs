// @module Installs the official MCP conformance suite and the Node 22 it needs, pinned, on demand, into
// a cache folder, so that a plain `npm install` stays light and the Node 20 toolchain stays as it is.
// Run directly to install and print the paths, or to run the suite: `node test/support/conformance.mjs server --url ...`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, 'node_modules', '.cache', 'conformance');

/** Pinned versions: a change here is a deliberate change of the suite we are held to. */
export const conformancePackages = {
  suite: { name: '@modelcontextprotocol/conformance', version: '0.1.16' },
  // The suite's CLI needs Node 22 (fs.globSync); the `node` package ships the binary.
  node: { name: 'node', version: '22.23.3' },
};

/** @param {{ name: string }} pkg */
const packageDir = (pkg) => join(cacheDir, 'node_modules', ...pkg.name.split('/'));

/** @param {{ name: string, version: string }} pkg */
function installedVersion(pkg) {
  const manifest = join(packageDir(pkg), 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/**
 * Returns the Node 22 binary and the conformance CLI entry, installing both with
 * `npm install --no-save` into the cache folder the first time (or when a pin changes).
 * @returns {{ node: string, cli: string }}
 */
export function conformancePaths() {
  const node = join(packageDir(conformancePackages.node), 'bin', 'node');
  const pkgs = Object.values(conformancePackages);
  if (!existsSync(node) || pkgs.some((pkg) => installedVersion(pkg) !== pkg.version)) {
    const specs = pkgs.map((pkg) => `${pkg.name}@${pkg.version}`);
    process.stderr.write(`Installing ${specs.join(' and ')} into ${cacheDir} (once)...\n`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cacheDir, ...specs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(node)) {
    throw new Error(`The Node ${conformancePackages.node.version} binary is missing at ${node}: the "node" package's install script must run (check npm's ignore-scripts setting).`);
  }
  const manifest = JSON.parse(readFileSync(join(packageDir(conformancePackages.suite), 'package.json'), 'utf8'));
  const cli = join(packageDir(conformancePackages.suite), manifest.bin.conformance);
  if (!existsSync(cli)) throw new Error(`The conformance CLI is missing at ${cli} after install into ${cacheDir}`);
  return { node, cli };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { node, cli } = conformancePaths();
  const args = process.argv.slice(2);
  if (!args.length) process.stdout.write(`${node}\n${cli}\n`);
  else process.exitCode = spawnSync(node, [cli, ...args], { stdio: 'inherit' }).status ?? 1;
}
