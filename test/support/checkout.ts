// A copy of this checkout as a fresh clone would have it (tracked and new, not ignored, files: no
// node_modules, no dist), and the MCP client configurations the README gives, ready to launch.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './connect.js';

export function copyCheckout(destination: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(destination, file)), { recursive: true });
    try {
      copyFileSync(join(root, file), join(destination, file));
    } catch (error) {
      // A file deleted but not yet committed is listed and absent: a clone would not have it either.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

export const readme = () => readFileSync(join(root, 'README.md'), 'utf8');

export interface ClientConfig {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * The server entry of the README's `<!-- client-config: name -->` block, with its placeholders
 * replaced: the README's paths are examples, the test's are real.
 */
export function readmeClientConfig(name: string, paths: Record<string, string>): ClientConfig {
  const text = readme();
  const at = text.indexOf(`<!-- client-config: ${name} -->`);
  if (at === -1) throw new Error(`README has no client-config "${name}"`);
  const block = /```json\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
  const servers = (JSON.parse(block) as { mcpServers: Record<string, ClientConfig> }).mcpServers;
  const server = Object.values(servers)[0]!;
  const replace = (value: string) => Object.entries(paths).reduce((v, [placeholder, real]) => v.split(placeholder).join(real), value);
  return { command: server.command, args: server.args.map(replace), ...(server.env ? { env: server.env } : {}) };
}
