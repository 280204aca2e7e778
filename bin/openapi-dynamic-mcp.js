#!/usr/bin/env node
// Runs the built CLI. A clone has no dist/ until `npm run build` (npm pack builds it for the package).
import module from 'node:module';

// Node 22 keeps compiled code between runs (in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off): a stdio server is started by every client session, and this takes a few percent off that.
// Node 20 has no such cache and goes on without it.
module.enableCompileCache?.();
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const root = decodeURIComponent(new URL('..', import.meta.url).pathname).replace(/\/$/, '');
  const notBuilt = String(error.message).includes('/dist/cli.js');
  process.stderr.write(
    notBuilt
      ? `openapi-dynamic-mcp is not built yet: run "npm run build" in ${root}\n`
      : `openapi-dynamic-mcp is missing a dependency (${error.message.split('\n')[0]}): run "npm install" in ${root}\n`,
  );
  process.exit(1);
}
await cli.runCli();
