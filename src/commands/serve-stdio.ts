/** @module The default command: serve MCP over stdio, either protocol era. */
import type { Config } from '../config.js';
import { createLogger } from '../create-logger.js';
import { createRuntime } from '../runtime.js';
import { acceptStdio } from '../transports/stdio.js';
import { prepareRuntime } from './prepare-runtime.js';

export async function runStdioServer(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  // The client's opening message is read, and the SDK of its era loaded, while the document is read.
  const accepted = acceptStdio();
  let options;
  try {
    options = await prepareRuntime(config, logger);
  } catch (error) {
    process.stdin.destroy(); // stop waiting for a client: the process ends with the error
    throw error;
  }
  logger.info(`Serving ${options.catalog.title} (${options.catalog.operations.length} endpoints) over stdio.`);
  if (process.stdin.isTTY) logger.info('Waiting for an MCP client on stdin; configure it in your MCP client, or press Ctrl-C to stop.');
  await (await accepted)?.serve(createRuntime(options));
}
