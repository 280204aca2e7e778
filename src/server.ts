/** @module createServer: one MCP server with the three tools for an in-process transport (2025-era SDK), built on a runtime of its own. */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { createLegacyServer } from './protocol/legacy-server.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';

export interface CreateServerOptions extends RuntimeOptions {
  /** The conversation this connection keys its state by when a call passes no `session`. Default: a fresh handle. */
  sessionId?: string;
}

/** For embedding and tests; the CLI's transports share one runtime between connections and requests instead. */
export function createServer(options: CreateServerOptions, runtime: Runtime = createRuntime(options)): Server {
  return createLegacyServer(runtime, { principal: '', transportKey: options.sessionId ?? runtime.handles.mint('') });
}
