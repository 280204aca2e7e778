/**
 * @module The command line: flags and environment variables to Config, the stdio server by default,
 * and list / describe / lint / call for people at a terminal. Command modules load on demand.
 */
import { Command, CommanderError, Option } from 'commander';
import { defaults, resolveConfig, type RawConfig } from './config.js';
import { DynamicMcpError, describeError } from './errors.js';
import { packageVersion } from './version.js';

/** Exit codes: 0 done, 1 failed (bad document, lint errors, failed call, unknown id), 2 bad usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Boolean environment twins: commander would treat OPENAPI_MCP_VALIDATE=false as set, so they are read here. */
const booleanEnv: Record<string, keyof RawConfig> = {
  OPENAPI_MCP_VALIDATE: 'validate',
  OPENAPI_MCP_ALLOW_REMOTE_REFS: 'allowRemoteRefs',
  OPENAPI_MCP_READ_ONLY: 'readOnly',
  OPENAPI_MCP_JSON_RESPONSES: 'jsonResponses',
};

function booleanOption(flags: string, description: string, env: string): Option {
  return new Option(flags, `${description} (env: ${env})`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Fills boolean flags not given on the command line from their environment variables. */
function withEnvironment<T extends RawConfig>(options: T): T {
  const merged: T = { ...options };
  for (const [env, key] of Object.entries(booleanEnv)) {
    const value = process.env[env];
    if (merged[key] === undefined && value !== undefined) (merged as RawConfig)[key] = value as never;
  }
  return merged;
}

/** Options every command that loads a document shares. */
function documentOptions(command: Command): Command {
  return command
    .addOption(new Option('--base-url <url>', "base URL for requests, instead of the document's servers").env('OPENAPI_MCP_BASE_URL'))
    .addOption(new Option('--server-variable <name=value>', 'value for a {variable} of the server URL (repeatable)').env('OPENAPI_MCP_SERVER_VARIABLES').argParser(collect))
    .addOption(booleanOption('--allow-remote-refs', 'follow $refs to other hosts (public addresses only)', 'OPENAPI_MCP_ALLOW_REMOTE_REFS'))
    .addOption(new Option('--allow-ref-dir <dir>', "a folder a local document's $refs may read besides its own (repeatable)").env('OPENAPI_MCP_ALLOW_REF_DIR').argParser(collect))
    .addOption(new Option('--max-spec-bytes <bytes>', 'largest size of the document and the files it refers to, together').env('OPENAPI_MCP_MAX_SPEC_BYTES').default(String(defaults.maxSpecBytes)))
    .addOption(booleanOption('--read-only', 'expose only GET, HEAD and OPTIONS endpoints', 'OPENAPI_MCP_READ_ONLY'))
    .addOption(new Option('--tags <list>', 'expose only endpoints with one of these tags (comma-separated)').env('OPENAPI_MCP_TAGS'))
    .addOption(new Option('--exclude-tags <list>', 'hide endpoints with one of these tags').env('OPENAPI_MCP_EXCLUDE_TAGS'))
    .addOption(new Option('--operations <globs>', 'expose only endpoints whose id or "METHOD /path" matches (e.g. "repos/*,GET /users*")').env('OPENAPI_MCP_OPERATIONS'))
    .addOption(new Option('--exclude-operations <globs>', 'hide endpoints whose id or "METHOD /path" matches').env('OPENAPI_MCP_EXCLUDE_OPERATIONS'))
    .addOption(new Option('--methods <list>', 'expose only these HTTP methods (e.g. GET,POST)').env('OPENAPI_MCP_METHODS'))
    .addOption(new Option('--log-level <level>', 'debug, info, warn, error or silent').env('OPENAPI_MCP_LOG_LEVEL').default('info'))
    .addOption(new Option('--log-format <format>', 'text or json').env('OPENAPI_MCP_LOG_FORMAT').default('text'));
}

/** Options of the commands that send requests. */
function requestOptions(command: Command): Command {
  return command
    .addOption(new Option('--auth <scheme=secret>', 'credential for a security scheme of the document (repeatable; env: OPENAPI_MCP_AUTH_<SCHEME>)').argParser(collect))
    .addOption(new Option('--header <"Name: value">', 'header sent with every request (repeatable)').env('OPENAPI_MCP_HEADERS').argParser(collect))
    .addOption(new Option('--timeout <ms>', 'upstream request timeout in milliseconds').env('OPENAPI_MCP_TIMEOUT').default('30000'))
    .addOption(new Option('--max-response-bytes <bytes>', 'largest response body in one tool result; the rest comes by continuation').env('OPENAPI_MCP_MAX_RESPONSE_BYTES').default('40000'))
    .addOption(new Option('--max-binary-bytes <bytes>', 'largest binary body returned as image or resource').env('OPENAPI_MCP_MAX_BINARY_BYTES').default('1048576'))
    .addOption(new Option('--continuation-ttl <seconds>', 'how long the rest of a long response stays available').env('OPENAPI_MCP_CONTINUATION_TTL').default('600'));
}

/** Options of the hosted HTTP server. */
function httpOptions(command: Command): Command {
  return command
    .addOption(new Option('--transport <stdio|http>', 'serve over stdio (one client) or Streamable HTTP (many)').env('OPENAPI_MCP_TRANSPORT').default('stdio'))
    .addOption(new Option('--host <address>', 'HTTP: address to bind').env('OPENAPI_MCP_HOST').default('127.0.0.1'))
    .addOption(new Option('--port <port>', 'HTTP: port to listen on').env('OPENAPI_MCP_PORT').default('3000'))
    .addOption(new Option('--memcached <servers>', 'HTTP: memcached host:port list for session state shared by replicas').env('OPENAPI_MCP_MEMCACHED'))
    .addOption(new Option('--session-secret <secret>', 'HTTP: secret that signs session ids; the same on every replica').env('OPENAPI_MCP_SESSION_SECRET'))
    .addOption(new Option('--session-ttl <seconds>', 'HTTP: idle time before a session state expires').env('OPENAPI_MCP_SESSION_TTL').default('3600'))
    .addOption(new Option('--session-max-age <seconds>', 'HTTP: absolute session lifetime').env('OPENAPI_MCP_SESSION_MAX_AGE').default('86400'))
    .addOption(new Option('--auth-token <token>', 'HTTP: bearer token clients must send (repeatable)').env('OPENAPI_MCP_AUTH_TOKENS').argParser(collect))
    .addOption(new Option('--allowed-hosts <list>', 'HTTP: Host names accepted besides loopback (DNS-rebinding protection)').env('OPENAPI_MCP_ALLOWED_HOSTS'))
    .addOption(new Option('--allowed-origins <list>', 'HTTP: browser Origins accepted').env('OPENAPI_MCP_ALLOWED_ORIGINS'))
    .addOption(new Option('--max-body-bytes <bytes>', 'HTTP: largest request body').env('OPENAPI_MCP_MAX_BODY_BYTES').default('1048576'))
    .addOption(new Option('--credential-header <scheme=Header>', 'HTTP: take a scheme\'s upstream credential from this request header (repeatable)').env('OPENAPI_MCP_CREDENTIAL_HEADERS').argParser(collect))
    .addOption(booleanOption('--json-responses', 'HTTP: answer with JSON instead of an SSE stream', 'OPENAPI_MCP_JSON_RESPONSES'));
}

export function buildProgram(): Command {
  const program = new Command('openapi-dynamic-mcp')
    .description('An MCP server for any OpenAPI document, with three tools: list_endpoints, describe_endpoint, execute_endpoint.')
    .version(packageVersion)
    .argument('[spec]', 'path or http(s) URL of an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML)')
    .addOption(booleanOption('--validate', 'validate the document strictly before serving (slow on big APIs)', 'OPENAPI_MCP_VALIDATE'))
    .showHelpAfterError()
    // Root options only before a subcommand: list, describe, lint and call have their own copies.
    .enablePositionalOptions()
    .exitOverride();
  httpOptions(requestOptions(documentOptions(program))).action(async (spec: string | undefined, options: RawConfig) => {
    const config = resolveConfig({ ...withEnvironment(options), spec: spec ?? process.env.OPENAPI_MCP_SPEC });
    if (config.transport === 'http') {
      const { runHttpServer } = await import('./commands/serve-http.js');
      await runHttpServer(config);
    } else {
      const { runStdioServer } = await import('./commands/serve-stdio.js');
      await runStdioServer(config);
    }
  });

  documentOptions(program.command('list').description('list or search the endpoints of a document').argument('<spec>').argument('[query...]', 'search words'))
    .option('--tag <tag>', 'only endpoints with this tag')
    .option('--method <method>', 'only endpoints with this HTTP method')
    .option('--limit <n>', 'most rows shown', '50')
    .action(async (spec: string, query: string[], options: RawConfig & { tag?: string; method?: string; limit: string }) => {
      const { runList } = await import('./commands/list.js');
      await runList(resolveConfig({ ...withEnvironment(options), spec }), query.join(' '), options);
    });

  documentOptions(program.command('describe').description('show the inputs, auth and responses of endpoints').argument('<spec>').argument('<ids...>', 'endpoint ids or "METHOD /path"'))
    .option('--json', 'print the structured description as JSON')
    .action(async (spec: string, ids: string[], options: RawConfig & { json?: boolean }) => {
      const { runDescribe } = await import('./commands/describe.js');
      if (!(await runDescribe(resolveConfig({ ...withEnvironment(options), spec }), ids, options.json ?? false))) process.exitCode = exitCodes.failed;
    });

  documentOptions(program.command('lint').description('validate a document strictly and check what matters for serving it').argument('<spec>')).action(
    async (spec: string, options: RawConfig) => {
      const { runLint } = await import('./commands/lint.js');
      if ((await runLint(resolveConfig({ ...withEnvironment(options), spec }))) > 0) process.exitCode = exitCodes.failed;
    },
  );

  requestOptions(documentOptions(program.command('call').description('call one endpoint and print the response').argument('<spec>').argument('<id>', 'endpoint id or "METHOD /path"')))
    .option('--args <json>', 'the arguments, as in execute_endpoint', '{}')
    .option('--select <jmespath>', 'narrow a JSON response')
    .option('--content-type <type>', 'request body media type, when the endpoint accepts several')
    .action(async (spec: string, id: string, options: RawConfig & { args: string; select?: string; contentType?: string }) => {
      const { runCall } = await import('./commands/call.js');
      const callOptions = { args: options.args, ...(options.select ? { select: options.select } : {}), ...(options.contentType ? { contentType: options.contentType } : {}) };
      if (!(await runCall(resolveConfig({ ...withEnvironment(options), spec }), id, callOptions))) process.exitCode = exitCodes.failed;
    });
  return program;
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
