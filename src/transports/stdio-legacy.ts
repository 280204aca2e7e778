/** @module A 2025-era stdio connection on @modelcontextprotocol/sdk 1.x: the connection is one conversation. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createLegacyServer } from '../protocol/legacy-server.js';
import type { Runtime } from '../runtime.js';
import type { StdioConnection } from './stdio.js';

export async function serveLegacyStdio(runtime: Runtime, connection: StdioConnection): Promise<void> {
  // Calls that pass no `session` share this connection's handle, as they shared the connection's state before.
  const server = createLegacyServer(runtime, { principal: '', transportKey: runtime.handles.mint('') });
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  await server.connect(new StdioServerTransport(connection.input, connection.output));
  await Promise.race([connection.ended, closed]);
  await server.close();
}
