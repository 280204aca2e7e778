/** @module A 2026-07-28 stdio connection on @modelcontextprotocol/server 2.x: every request stands alone; state rides on the `session` handle. */
import { describeError } from '../errors.js';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createModernServer } from '../protocol/modern-server.js';
import type { Runtime } from '../runtime.js';
import type { StdioConnection } from './stdio.js';

export async function serveModernStdio(runtime: Runtime, connection: StdioConnection): Promise<void> {
  const handle = serveStdio(() => createModernServer(runtime, { principal: '' }), {
    legacy: 'reject',
    transport: new StdioServerTransport(connection.input, connection.output),
    onerror: (error) => runtime.logger.debug(`stdio: ${describeError(error)}`),
  });
  await connection.ended;
  await handle.close();
}
