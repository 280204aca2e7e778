// A real nginx (Debian package `nginx`) round-robin in front of local replicas, for tests. It runs the
// deployment's own deploy/nginx/mcp-proxy.conf inside a generated wrapper, with everything it writes
// (pid, logs, temp files) under a temporary prefix: nothing in /etc/nginx, /var/log/nginx or /var/lib/nginx.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './memcached.js';

/** The server-block include that deploy/nginx/nginx.conf (compose) uses too. */
export const mcpProxyConf = fileURLToPath(new URL('../../deploy/nginx/mcp-proxy.conf', import.meta.url));

export const nginxBin = '/usr/sbin/nginx';

export interface Nginx {
  /** `http://127.0.0.1:<port>`, proxying /mcp, /healthz, /readyz and /metrics to the upstream ports. */
  url: string;
  stop(): Promise<void>;
}

/** Starts nginx on a free loopback port, round-robin over 127.0.0.1:<port> for each of `upstreamPorts`. */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  if (!upstreamPorts.length) throw new Error('startNginx needs at least one upstream port.');
  const prefix = await mkdtemp(join(tmpdir(), 'odm-nginx-'));
  // Run as root, nginx's workers switch to `nobody`: they must reach the temp directories below.
  await chmod(prefix, 0o755);
  const port = await freePort();
  const errorLog = join(prefix, 'error.log');
  await writeFile(join(prefix, 'nginx.conf'), wrapperConf(prefix, port, upstreamPorts));

  // -e: the compiled-in error log is opened before the configuration is read; keep even that in the prefix.
  const child = spawn(nginxBin, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', errorLog], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let failure: Error | undefined;
  child.once('error', (error) => (failure = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (failure ??= new Error(`nginx exited with ${child.signalCode ?? `code ${child.exitCode}`}`)));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // SIGTERM is nginx's fast shutdown: open SSE streams and keep-alive connections do not hold it up.
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(prefix, { recursive: true, force: true });
  };

  for (let i = 0; !(await accepts(port)); i++) {
    if (failure || i >= 100) {
      const log = await readFile(errorLog, 'utf8').catch(() => '');
      await stop();
      const reason = !failure
        ? `nginx did not listen on 127.0.0.1:${port} within 5 s`
        : (failure as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${nginxBin} not found: install it with apt-get install -y nginx`
          : failure.message;
      throw new Error(`${reason}.\n${stderr}${log}`.trimEnd(), failure ? { cause: failure } : undefined);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

function wrapperConf(prefix: string, port: number, upstreamPorts: number[]): string {
  const temp = (name: string) => join(prefix, `${name}_temp`);
  return `daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    upstream mcp_replicas {
${upstreamPorts.map((p) => `        server 127.0.0.1:${p};`).join('\n')}
    }
    server {
        listen 127.0.0.1:${port};
        include ${mcpProxyConf};
    }
}
`;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}
