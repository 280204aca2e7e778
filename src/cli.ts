/**
 * @module The command line: flags and environment variables to Config, the stdio server by default,
 * and list / describe / lint / call for people at a terminal and for scripts. Command modules load on demand.
 */
import { Command, CommanderError, Option } from 'commander';
import { documentOptions, httpOptions, rawConfig, requestOptions, resultOptions } from './cli/options.js';
import { looksLikeDocument, splitSpec } from './cli/spec-argument.js';
import { errorLine, formatCommanderError, helpLine, programName } from './cli/usage-error.js';
import { defaults, ranges, resolveCallOptions, resolveConfig, resolveListOptions } from './config.js';
import { ConfigError, DynamicMcpError, describeError } from './errors.js';
import { closestWords } from './base/edit-distance.js';
import { endQuietlyOnClosedPipe } from './terminal/terminal.js';
import { packageVersion } from './version.js';

/**
 * Exit codes: 0 done; 1 failed (unreadable document, lint errors, unknown id, invalid arguments, no
 * response); 2 bad usage (unknown command or flag, bad flag value, no document); for `call`, 4 when the
 * API answered 4xx and 5 when it answered 5xx (as `http --check-status` does).
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, httpClientError: 4, httpServerError: 5 } as const;

const commandNames = ['list', 'describe', 'lint', 'call'];
const specHelp = 'path or http(s) URL of an OpenAPI 3.x or Swagger 2.0 document, JSON or YAML (or set OPENAPI_MCP_SPEC)';

/** The command whose --help a usage error points to. */
let activeCommand: string | undefined;

function subcommand(program: Command, name: string, description: string, usage: string): Command {
  return program.command(name).description(description).usage(usage).showHelpAfterError(helpLine(name));
}

export function buildProgram(): Command {
  const program = new Command(programName)
    .description('An MCP server for any OpenAPI document, with three tools: list_endpoints, describe_endpoint, execute_endpoint.')
    .version(packageVersion)
    .usage('[options] <spec>  |  <command> <spec> ...')
    .argument('[spec]', specHelp)
    .configureOutput({ outputError: (text, write) => write(formatCommanderError(text)) })
    .showHelpAfterError(helpLine(undefined))
    // The root takes one document; extra words are checked in its action, where a mistyped command can be named.
    .allowExcessArguments()
    // Root options only before a subcommand: list, describe, lint and call have their own copies.
    .enablePositionalOptions()
    .exitOverride()
    .hook('preAction', (_program, action) => {
      activeCommand = action === program ? undefined : action.name();
    });
  httpOptions(resultOptions(requestOptions(documentOptions(program)))).action(async (spec: string | undefined, _options: unknown, command: Command) => {
    checkRootWords(spec, command.args.slice(1));
    const config = resolveConfig(rawConfig(command, spec === undefined ? fromEnvironment() : { value: spec, fromEnv: false }));
    if (config.transport === 'http') {
      const { runHttpServer } = await import('./commands/serve-http.js');
      await runHttpServer(config);
    } else {
      const { runStdioServer } = await import('./commands/serve-stdio.js');
      await runStdioServer(config);
    }
  });
  for (const add of [addListCommand, addDescribeCommand, addLintCommand, addCallCommand]) add(program);
  return program;
}

/** `list <spec> [query...]` */
function addListCommand(program: Command): void {
  documentOptions(
    subcommand(program, 'list', 'list or search the endpoints of a document', '[options] <spec> [query...]')
      .argument('[spec]', specHelp)
      .argument('[query...]', 'search words'),
  )
    .option('--tag <tag>', 'only endpoints with this tag')
    .option('--method <method>', 'only endpoints with this HTTP method')
    .option('--limit <n>', `most rows shown, 1 to ${ranges.limit.max} (default ${defaults.listLimit})`)
    .option('--json', 'print one JSON document instead of the table')
    .action(async (first: string | undefined, words: string[], _options: unknown, command: Command) => {
      const spec = requireSpec(splitSpec([first, ...words]), 'list', ' [query...]');
      const options = resolveListOptions(command.opts());
      const config = resolveConfig(rawConfig(command, spec));
      const { runList } = await import('./commands/list.js');
      process.exitCode = await runList(config, spec.rest.join(' '), options);
    });
}

/** `describe <spec> <ids...>` */
function addDescribeCommand(program: Command): void {
  requestOptions(
    documentOptions(
      subcommand(program, 'describe', 'show the inputs, auth and responses of endpoints', '[options] <spec> <ids...>')
        .argument('[spec]', specHelp)
        .argument('[ids...]', 'endpoint ids or "METHOD /path"'),
    ),
  )
    .option('--json', 'print one JSON document instead of text')
    .action(async (first: string | undefined, words: string[], _options: unknown, command: Command) => {
      const spec = requireSpec(splitSpec([first, ...words]), 'describe', ' <ids...>');
      if (!spec.rest.length)
        throw new ConfigError('describe needs at least one endpoint id.', {
          hint: `For example: ${programName} describe ./openapi.yaml getPetById (ids come from "${programName} list").`,
        });
      const config = resolveConfig(rawConfig(command, spec));
      const { runDescribe } = await import('./commands/describe.js');
      process.exitCode = await runDescribe(config, spec.rest, (command.opts() as { json?: boolean }).json ?? false);
    });
}

/** `lint <spec>` */
function addLintCommand(program: Command): void {
  documentOptions(
    subcommand(program, 'lint', 'validate a document strictly and check what matters for serving it', '[options] <spec>').argument('[spec]', specHelp),
  )
    .option('--json', 'print one JSON document instead of text')
    .action(async (first: string | undefined, _options: unknown, command: Command) => {
      const config = resolveConfig(rawConfig(command, requireSpec(splitSpec([first]), 'lint')));
      const { runLint } = await import('./commands/lint.js');
      process.exitCode = await runLint(config, (command.opts() as { json?: boolean }).json ?? false);
    });
}

/** `call <spec> <id> --args '<json>'` */
function addCallCommand(program: Command): void {
  requestOptions(
    documentOptions(
      subcommand(program, 'call', 'call one endpoint: the body to stdout, the status to stderr', "[options] <spec> <id> --args '<json>'")
        .argument('[spec]', specHelp)
        .argument('[id]', 'endpoint id or "METHOD /path"'),
    ),
  )
    .option('--args <json>', 'the arguments as a JSON object, as describe shows them')
    .option('--select <jmespath>', 'narrow a JSON response, e.g. "items[].name"')
    .option('--content-type <type>', 'request body media type, when the endpoint accepts several')
    .addOption(new Option('--json', 'print one JSON document: status, headers and body').conflicts('raw'))
    .option('--raw', 'print the body exactly as received, even on a terminal')
    .action(async (first: string | undefined, second: string | undefined, _options: unknown, command: Command) => {
      const spec = requireSpec(splitSpec([first, second]), 'call', " <id> --args '<json>'");
      if (!spec.rest.length)
        throw new ConfigError('call needs an endpoint id after the document.', {
          hint: `For example: ${programName} call ./openapi.yaml getPetById --args '{"petId": 1}'`,
        });
      const options = resolveCallOptions(command.opts());
      const config = resolveConfig(rawConfig(command, spec));
      const { runCall } = await import('./commands/call.js');
      process.exitCode = await runCall(config, spec.rest[0]!, options);
    });
}

/** The document, or a usage error whose example is this command's. */
function requireSpec<T extends { value: string | undefined }>(spec: T, command: string, after = ''): T & { value: string } {
  if (spec.value === undefined)
    throw new ConfigError('No OpenAPI document given.', {
      hint: `Pass its path or URL: ${programName} ${command} ./openapi.yaml${after} (or set OPENAPI_MCP_SPEC).`,
    });
  return spec as T & { value: string };
}

function fromEnvironment(): { value: string | undefined; fromEnv: boolean } {
  const value = process.env.OPENAPI_MCP_SPEC || undefined;
  return { value, fromEnv: value !== undefined };
}

/** `lsit spec.yaml` is a mistyped command, not a document named "lsit" with a stray word. */
function checkRootWords(spec: string | undefined, extra: string[]): void {
  if (spec !== undefined && !looksLikeDocument(spec)) {
    const close = closestWords(spec, commandNames, 1);
    if (close.length) throw new ConfigError(`unknown command "${spec}" (did you mean ${close[0]}?)`);
  }
  if (extra.length) {
    throw new ConfigError(`unexpected argument "${extra[0]}": the server takes one document.`, {
      hint: `To look at an API, use a command first: ${commandNames.join(', ')} (e.g. ${programName} list ./openapi.yaml).`,
    });
  }
}

/** Runs the CLI; never prints a stack trace, and sets the exit code. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  const command = argv[2];
  if (command !== undefined && commandNames.includes(command)) endQuietlyOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
      return;
    }
    const usage = error instanceof DynamicMcpError && error.code === 'CONFIG';
    const lines = [errorLine(error instanceof DynamicMcpError ? error.message : describeError(error))];
    if (error instanceof DynamicMcpError && error.hint) lines.push(error.hint);
    if (usage) lines.push(helpLine(activeCommand));
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exitCode = usage ? exitCodes.usage : exitCodes.failed;
  }
}
