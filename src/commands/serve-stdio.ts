/** @module The default command: serve MCP over stdio, either protocol era. */
import type { Config } from '../config.js';
import { createLogger } from '../log.js';
import { createRuntime } from '../runtime.js';
import { prepareRuntime } from './prepare-runtime.js';

export async function runStdioServer(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel, json: config.logJson });
  // The MCP SDKs load while the document is read: the two overlap instead of adding up.
  const [options, { serveStdio }] = await Promise.all([prepareRuntime(config, logger), import('../transports/stdio.js')]);
  logger.info(`Serving ${options.catalog.title} (${options.catalog.operations.length} endpoints) over stdio.`);
  if (process.stdin.isTTY) logger.info('Waiting for an MCP client on stdin; configure it in your MCP client, or press Ctrl-C to stop.');
  await serveStdio(createRuntime(options));
}
