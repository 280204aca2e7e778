/** @module The default command: serve MCP over stdio, either protocol era. */
import type { Config } from '../config.js';
import { createDeferredLogger } from '../deferred-logger.js';
import { createRuntime } from '../runtime.js';
import { acceptStdio } from '../transports/stdio.js';
import { prepareRuntime } from './prepare-runtime.js';

export async function runStdioServer(config: Config): Promise<void> {
  // pino loads once the client's first requests are answered; a person at a terminal gets it at once.
  const logger = createDeferredLogger({ level: config.logLevel, format: config.logFormat });
  logger.startAfter(process.stdin.isTTY ? 0 : 500);
  // The client's opening message is read, and the SDK of its era loaded, while the document is read.
  const accepted = acceptStdio();
  let options;
  try {
    options = await prepareRuntime(config, logger);
  } catch (error) {
    process.stdin.destroy(); // stop waiting for a client: the process ends with the error
    await logger.flush();
    throw error;
  }
  logger.info(`Serving ${options.catalog.title} (${options.catalog.operations.length} endpoints) over stdio.`);
  if (process.stdin.isTTY) logger.info('Waiting for an MCP client on stdin; configure it in your MCP client, or press Ctrl-C to stop.');
  await (await accepted)?.serve(createRuntime(options));
}
