/** @module The CLI's option groups, each flag with its environment-variable twin, shared by the commands that need them. */
import { type Command, Option } from 'commander';
import { defaults, ranges, type RawConfig } from '../config.js';
import { sessionBackends } from '../session/create-session-store.js';

/** Boolean environment twins: commander would treat OPENAPI_MCP_VALIDATE=false as set, so they are read by rawConfig. */
const booleanEnv: Record<string, keyof RawConfig> = {
  OPENAPI_MCP_VALIDATE: 'validate',
  OPENAPI_MCP_ALLOW_REMOTE_REFS: 'allowRemoteRefs',
  OPENAPI_MCP_READ_ONLY: 'readOnly',
  OPENAPI_MCP_JSON_RESPONSES: 'jsonResponses',
  OPENAPI_MCP_METRICS_PUBLIC: 'metricsPublic',
};

export function booleanOption(flags: string, description: string, env: string): Option {
  return new Option(flags, `${description} (env: ${env})`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The command's options as RawConfig: boolean environment twins filled in, and which values came from the environment. */
export function rawConfig(command: Command, spec: { value: string | undefined; fromEnv: boolean }): RawConfig {
  const options = command.opts() as RawConfig;
  const merged: RawConfig = { ...options };
  const fromEnv = Object.keys(options).filter((key) => command.getOptionValueSource(key) === 'env');
  for (const [env, key] of Object.entries(booleanEnv)) {
    const value = process.env[env];
    if (merged[key] === undefined && value !== undefined) {
      (merged as Record<string, unknown>)[key] = value;
      fromEnv.push(key);
    }
  }
  if (spec.fromEnv) fromEnv.push('spec');
  const sessionStores = Object.fromEntries(sessionBackends.map((b) => [b.name, (options as Record<string, string | undefined>)[b.name]]));
  return { ...merged, spec: spec.value, sessionStores, fromEnv };
}

/** Options every command that loads a document shares. */
export function documentOptions(command: Command): Command {
  return command
    .addOption(new Option('--base-url <url>', "base URL for requests, instead of the document's servers").env('OPENAPI_MCP_BASE_URL'))
    .addOption(
      new Option('--server-variable <name=value>', 'value for a {variable} of the server URL (repeatable)')
        .env('OPENAPI_MCP_SERVER_VARIABLES')
        .argParser(collect),
    )
    .addOption(booleanOption('--validate', 'validate the document strictly first (seconds on big APIs)', 'OPENAPI_MCP_VALIDATE'))
    .addOption(booleanOption('--allow-remote-refs', 'follow $refs to other hosts (public addresses only)', 'OPENAPI_MCP_ALLOW_REMOTE_REFS'))
    .addOption(
      new Option('--allow-ref-dir <dir>', "a folder a local document's $refs may read besides its own (repeatable)")
        .env('OPENAPI_MCP_ALLOW_REF_DIR')
        .argParser(collect),
    )
    .addOption(
      new Option(
        '--max-spec-bytes <bytes>',
        `largest size of the document and the files it refers to, together (default ${mebibytes(defaults.maxSpecBytes)})`,
      ).env('OPENAPI_MCP_MAX_SPEC_BYTES'),
    )
    .addOption(booleanOption('--read-only', 'expose only GET, HEAD and OPTIONS endpoints', 'OPENAPI_MCP_READ_ONLY'))
    .addOption(
      new Option(
        '--validation <policy>',
        `argument validation: strict (every constraint as written), lenient (not those the document contradicts) or off (default ${defaults.validation})`,
      ).env('OPENAPI_MCP_VALIDATION'),
    )
    .addOption(new Option('--tags <list>', 'expose only endpoints with one of these tags (comma-separated)').env('OPENAPI_MCP_TAGS'))
    .addOption(new Option('--exclude-tags <list>', 'hide endpoints with one of these tags').env('OPENAPI_MCP_EXCLUDE_TAGS'))
    .addOption(
      new Option('--operations <globs>', 'expose only endpoints whose id or "METHOD /path" matches (e.g. "repos/*,GET /users*")').env('OPENAPI_MCP_OPERATIONS'),
    )
    .addOption(new Option('--exclude-operations <globs>', 'hide endpoints whose id or "METHOD /path" matches').env('OPENAPI_MCP_EXCLUDE_OPERATIONS'))
    .addOption(new Option('--methods <list>', 'expose only these HTTP methods (e.g. GET,POST)').env('OPENAPI_MCP_METHODS'))
    .addOption(
      new Option('--timeout <ms>', `timeout for downloading the document and for requests, 1 to ${ranges.timeout.max} ms (default ${defaults.timeoutMs})`).env(
        'OPENAPI_MCP_TIMEOUT',
      ),
    )
    .addOption(new Option('--log-level <level>', `debug, info, warn, error or silent (default ${defaults.logLevel})`).env('OPENAPI_MCP_LOG_LEVEL'))
    .addOption(
      new Option('--log-format <format>', `text or json (default ${defaults.logFormat.terminal} on a terminal, else ${defaults.logFormat.other})`).env(
        'OPENAPI_MCP_LOG_FORMAT',
      ),
    );
}

/** Credentials: for the commands that send requests, and for describe, which says which schemes are configured. */
function authOption(command: Command): Command {
  return command.addOption(
    new Option('--auth <scheme=secret>', 'credential for a security scheme of the document (repeatable; env: OPENAPI_MCP_AUTH_<SCHEME>)').argParser(collect),
  );
}

/** Options of the commands that send requests, and of describe: a header or query parameter sent with every request is no argument. */
export function requestOptions(command: Command): Command {
  return authOption(command)
    .addOption(new Option('--header <"Name: value">', 'header sent with every request (repeatable)').env('OPENAPI_MCP_HEADERS').argParser(collect))
    .addOption(
      new Option('--query <name=value>', 'query parameter sent with every request, e.g. a key the document declares as a parameter (repeatable)')
        .env('OPENAPI_MCP_QUERY')
        .argParser(collect),
    );
}

/** Options that shape tool results for a model: how much body one result holds, and for how long the rest is kept. */
export function resultOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--max-response-bytes <bytes>',
        `largest response body in one tool result, 1 to ${ranges.maxResponseBytes.max} (default ${defaults.maxResponseBytes}); the rest comes by continuation`,
      ).env('OPENAPI_MCP_MAX_RESPONSE_BYTES'),
    )
    .addOption(
      new Option(
        '--max-binary-bytes <bytes>',
        `largest binary body returned as image or resource, 1 to ${ranges.maxBinaryBytes.max} (default ${defaults.maxBinaryBytes})`,
      ).env('OPENAPI_MCP_MAX_BINARY_BYTES'),
    )
    .addOption(
      new Option(
        '--continuation-ttl <seconds>',
        `how long the rest of a long response stays available, 1 to ${ranges.continuationTtl.max} s (default ${defaults.continuationTtlSeconds})`,
      ).env('OPENAPI_MCP_CONTINUATION_TTL'),
    );
}

/** Options of the hosted HTTP server; the session store backends add theirs. */
export function httpOptions(command: Command): Command {
  command
    .addOption(
      new Option('--transport <stdio|http>', `serve over stdio (one client) or Streamable HTTP (many) (default ${defaults.transport})`).env(
        'OPENAPI_MCP_TRANSPORT',
      ),
    )
    .addOption(new Option('--host <address>', `HTTP: address to bind (default ${defaults.host})`).env('OPENAPI_MCP_HOST'))
    .addOption(new Option('--port <port>', `HTTP: port to listen on, 1 to ${ranges.port.max} (default ${defaults.port})`).env('OPENAPI_MCP_PORT'));
  for (const backend of sessionBackends) command.addOption(new Option(backend.flags, backend.description).env(backend.env));
  return command
    .addOption(
      new Option('--session-secret <secret>', 'secret that signs session handles and ids; the same on every replica (32+ characters)').env(
        'OPENAPI_MCP_SESSION_SECRET',
      ),
    )
    .addOption(
      new Option(
        '--session-ttl <seconds>',
        `idle time before a conversation's state expires, 1 to ${ranges.sessionTtl.max} s (default ${defaults.sessionTtlSeconds})`,
      ).env('OPENAPI_MCP_SESSION_TTL'),
    )
    .addOption(
      new Option(
        '--session-max-age <seconds>',
        `absolute lifetime of a session handle or id, 1 to ${ranges.sessionMaxAge.max} s (default ${defaults.sessionMaxAgeSeconds})`,
      ).env('OPENAPI_MCP_SESSION_MAX_AGE'),
    )
    .addOption(
      new Option('--auth-token <token>', 'HTTP: bearer token clients must send (repeatable; 16+ characters)').env('OPENAPI_MCP_AUTH_TOKENS').argParser(collect),
    )
    .addOption(new Option('--allowed-hosts <list>', 'HTTP: Host names accepted besides loopback (DNS-rebinding protection)').env('OPENAPI_MCP_ALLOWED_HOSTS'))
    .addOption(new Option('--allowed-origins <list>', 'HTTP: browser Origins accepted').env('OPENAPI_MCP_ALLOWED_ORIGINS'))
    .addOption(
      new Option('--max-body-bytes <bytes>', `HTTP: largest request body, 1 to ${ranges.maxBodyBytes.max} (default ${defaults.maxBodyBytes})`).env(
        'OPENAPI_MCP_MAX_BODY_BYTES',
      ),
    )
    .addOption(
      new Option('--credential-header <scheme=Header>', "HTTP: take a scheme's upstream credential from this request header (repeatable)")
        .env('OPENAPI_MCP_CREDENTIAL_HEADERS')
        .argParser(collect),
    )
    .addOption(booleanOption('--json-responses', 'HTTP: answer with JSON instead of an SSE stream', 'OPENAPI_MCP_JSON_RESPONSES'))
    .addOption(booleanOption('--metrics-public', 'HTTP: serve /metrics without the bearer token', 'OPENAPI_MCP_METRICS_PUBLIC'));
}

/** "64 MiB" */
function mebibytes(bytes: number): string {
  return `${bytes / 1_048_576} MiB`;
}
