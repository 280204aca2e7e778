// A real memcached process on 127.0.0.1 (Debian package `memcached`), on a free port, for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket } from 'node:net';

export interface Memcached {
  address: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (as after a restart). */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`memcached exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`memcached did not listen on ${port} within 5 s`);
}

export async function startMemcached(port?: number): Promise<Memcached> {
  const chosen = port ?? (await freePort());
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('memcached', ['-l', '127.0.0.1', '-p', String(chosen), '-U', '0', '-m', '64', '-u', 'root'], { stdio: 'ignore' });
    const spawnFailed = new Promise<never>((_, reject) =>
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'ENOENT' ? 'memcached not found: install it with apt-get install -y memcached' : `memcached did not start: ${error.message}`,
          ),
        ),
      ),
    );
    await Promise.race([waitForPort(chosen, child), spawnFailed]);
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    address: `127.0.0.1:${chosen}`,
    port: chosen,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
