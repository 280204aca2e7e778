/** @module The command line: flags and environment variables to Config, the stdio server by default, and list / describe / lint for people at a terminal. */
import { Command, CommanderError, Option } from 'commander';
import { resolveConfig, type Config, type RawConfig } from './config.js';
import { DynamicMcpError, describeError } from './errors.js';
import { createLogger } from './log.js';
import { buildCatalog } from './spec/build-catalog.js';
import type { Catalog } from './spec/catalog.js';
import { requiredArguments } from './spec/input-schema.js';
import { lintSpec } from './spec/lint-spec.js';
import { loadSpec } from './spec/load-spec.js';
import { describeOperation, renderEndpoint } from './tools/describe-endpoint.js';
import { serveStdio } from './transports/stdio.js';
import { packageVersion } from './version.js';

/** Exit codes: 0 done, 1 failed (bad document, lint errors, runtime error), 2 bad usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Boolean environment twins: commander would treat OPENAPI_MCP_VALIDATE=false as set, so they are read in withEnvironment(). */
const booleanEnv: Record<string, keyof RawConfig> = { OPENAPI_MCP_VALIDATE: 'validate', OPENAPI_MCP_ALLOW_REMOTE_REFS: 'allowRemoteRefs' };

function booleanOption(flags: string, description: string, env: string): Option {
  return new Option(flags, `${description} (env: ${env})`);
}

/** Fills boolean flags not given on the command line from their environment variables ("true", "1", "false", "0"...). */
function withEnvironment<T extends RawConfig>(options: T): T {
  const merged: T = { ...options };
  for (const [env, key] of Object.entries(booleanEnv)) {
    const value = process.env[env];
    if (merged[key] === undefined && value !== undefined) (merged as RawConfig)[key] = value as never;
  }
  return merged;
}

function specOptions(command: Command): Command {
  return command
    .addOption(new Option('--base-url <url>', "base URL for requests, instead of the document's servers").env('OPENAPI_MCP_BASE_URL'))
    .addOption(booleanOption('--allow-remote-refs', 'follow $refs to other hosts', 'OPENAPI_MCP_ALLOW_REMOTE_REFS'))
    .addOption(new Option('--log-level <level>', 'debug, info, warn, error or silent').env('OPENAPI_MCP_LOG_LEVEL').default('info'))
    .addOption(new Option('--log-format <format>', 'text or json').env('OPENAPI_MCP_LOG_FORMAT').default('text'));
}

export function buildProgram(): Command {
  const program = new Command('openapi-dynamic-mcp')
    .description('An MCP server for any OpenAPI document, with three tools: list_endpoints, describe_endpoint, execute_endpoint.')
    .version(packageVersion)
    .argument('[spec]', 'path or http(s) URL of an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML)')
    .addOption(booleanOption('--validate', 'validate the document strictly before serving (slow on big APIs)', 'OPENAPI_MCP_VALIDATE'))
    .addOption(new Option('--timeout <ms>', 'upstream request timeout in milliseconds').env('OPENAPI_MCP_TIMEOUT').default('30000'))
    .addOption(new Option('--max-response-bytes <bytes>', 'largest response body returned in one tool result').env('OPENAPI_MCP_MAX_RESPONSE_BYTES').default('40000'))
    .showHelpAfterError()
    .exitOverride();
  specOptions(program).action(async (spec: string | undefined, options: RawConfig) => {
    const config = resolveConfig({ ...withEnvironment(options), spec: spec ?? process.env.OPENAPI_MCP_SPEC });
    await runServer(config);
  });

  specOptions(program.command('list').description('list or search the endpoints of a document').argument('<spec>').argument('[query...]', 'search words'))
    .option('--tag <tag>', 'only endpoints with this tag')
    .option('--method <method>', 'only endpoints with this HTTP method')
    .option('--limit <n>', 'most rows shown', '50')
    .action(async (spec: string, query: string[], options: RawConfig & { tag?: string; method?: string; limit: string }) => {
      const catalog = await loadCatalog(resolveConfig({ ...withEnvironment(options), spec }));
      printList(catalog, query.join(' '), options);
    });

  specOptions(program.command('describe').description('show the inputs, auth and responses of endpoints').argument('<spec>').argument('<ids...>', 'endpoint ids or "METHOD /path"'))
    .option('--json', 'print the structured description as JSON')
    .action(async (spec: string, ids: string[], options: RawConfig & { json?: boolean }) => {
      const catalog = await loadCatalog(resolveConfig({ ...withEnvironment(options), spec }));
      let missing = false;
      const described = ids.flatMap((id) => {
        const op = catalog.find(id);
        if (op) return [describeOperation(op, catalog)];
        const suggestions = catalog.suggest(id);
        process.stderr.write(`Unknown endpoint "${id}".${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}\n`);
        missing = true;
        return [];
      });
      process.stdout.write(options.json ? `${JSON.stringify(described, null, 2)}\n` : `${described.map(renderEndpoint).join('\n\n')}\n`);
      if (missing) process.exitCode = exitCodes.failed;
    });

  specOptions(program.command('lint').description('validate a document strictly and check what matters for serving it').argument('<spec>')).action(
    async (spec: string, options: RawConfig) => {
      const config = resolveConfig({ ...withEnvironment(options), spec });
      const findings = await lintSpec(config.spec, { allowRemoteRefs: config.allowRemoteRefs });
      for (const f of findings) process.stdout.write(`${f.level.padEnd(7)} ${f.where}: ${f.message}\n`);
      const errors = findings.filter((f) => f.level === 'error').length;
      process.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}.\n`);
      if (errors) process.exitCode = exitCodes.failed;
    },
  );
  return program;
}

async function loadCatalog(config: Config): Promise<Catalog> {
  const spec = await loadSpec(config.spec, { allowRemoteRefs: config.allowRemoteRefs, validate: config.validate });
  return buildCatalog(spec);
}

async function runServer(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel, json: config.logJson });
  const catalog = await loadCatalog(config);
  if (catalog.warnings.length) {
    logger.warn(`${catalog.warnings.length} problem(s) in the document; the rest of the API is served. Run \`openapi-dynamic-mcp lint\` for details.`);
    for (const warning of catalog.warnings) logger.debug(warning);
  }
  logger.info(`Serving ${catalog.title} (${catalog.operations.length} endpoints) over stdio.`);
  if (process.stdin.isTTY) logger.info('Waiting for an MCP client on stdin; configure it in your MCP client, or press Ctrl-C to stop.');
  await serveStdio({
    catalog,
    logger,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  });
}

function printList(catalog: Catalog, query: string, options: { tag?: string; method?: string; limit: string }): void {
  const filters = { ...(options.tag ? { tag: options.tag } : {}), ...(options.method ? { method: options.method.toLowerCase() } : {}) };
  const index = catalog.search();
  const all = query ? index.search(query, filters).map((h) => h.operation) : index.browse(filters);
  const rows = all.slice(0, Math.max(1, Number(options.limit) || 50));
  const width = process.stdout.columns || 160;
  const idWidth = Math.min(48, Math.max(2, ...rows.map((op) => op.id.length)));
  const pathWidth = Math.min(60, Math.max(4, ...rows.map((op) => op.path.length)));
  const line = (id: string, method: string, path: string, rest: string) =>
    `${id.padEnd(idWidth)}  ${method.padEnd(7)} ${path.padEnd(pathWidth)}  ${rest}`.slice(0, width).trimEnd();
  process.stdout.write(`${line('ID', 'METHOD', 'PATH', 'SUMMARY [required]')}\n`);
  for (const op of rows) {
    const required = requiredArguments(op);
    process.stdout.write(`${line(op.id, op.method.toUpperCase(), op.path, `${op.summary ?? ''}${required.length ? ` [${required.join(', ')}]` : ''}`)}\n`);
  }
  process.stdout.write(`${all.length} endpoint${all.length === 1 ? '' : 's'}${all.length > rows.length ? `, first ${rows.length} shown` : ''}.\n`);
}

/** Runs the CLI; never prints a stack trace, and sets the exit code. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
      return;
    }
    const message = error instanceof DynamicMcpError ? error.toText() : describeError(error);
    process.stderr.write(`openapi-dynamic-mcp: ${message}\n`);
    process.exitCode = error instanceof DynamicMcpError && error.code === 'CONFIG' ? exitCodes.usage : exitCodes.failed;
  }
}
