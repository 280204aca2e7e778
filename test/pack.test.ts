import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectStdio, root } from './support/connect.js';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'odm-pack-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', join(folder, tarball)], { cwd: folder, stdio: 'ignore' });
}, 300_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the published package', () => {
  test('installs from its tarball and serves over stdio through npx, as an MCP client would launch it', async () => {
    const spec = join(folder, 'node_modules', 'openapi-dynamic-mcp', 'specs', 'petstore.yaml');
    const session = await connectStdio([spec], {}, { command: 'npx', args: ['--no-install', 'openapi-dynamic-mcp'], cwd: folder });
    try {
      const result = await session.call('list_endpoints', { query: 'inventory' });
      expect((result.structuredContent as { endpoints: { id: string }[] }).endpoints[0]!.id).toBe('getInventory');
    } finally {
      await session.close();
    }
  });
});
