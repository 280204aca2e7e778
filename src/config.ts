/** @module The Config type and resolveConfig(): every default is decided here, once. */
import { existsSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { toBoolean, toChoice, toChoiceList, toHttpUrl, toInteger, toList, toPairs, type IntegerRange } from './flag-values.js';
import type { LogLevel } from './log.js';
import { httpMethods } from './base/http-methods.js';

/**
 * How far execute_endpoint trusts the document's constraints. `strict`: every constraint as written.
 * `lenient`: constraints the document contradicts (values that are no plausible literal, a request enum its
 * own responses disagree with) are named and not enforced, and a value matching several `oneOf` branches
 * passes. `off`: arguments go as given; only what has nowhere to go is refused.
 */
export const validationPolicies = ['strict', 'lenient', 'off'] as const;
export type ValidationPolicy = (typeof validationPolicies)[number];

/** Which operations are exposed: the same for all three tools. */
export interface OperationFilter {
  /** Only GET, HEAD and OPTIONS. */
  readOnly?: boolean;
  /** Keep only operations with one of these tags. */
  tags?: string[];
  excludeTags?: string[];
  /** Keep only operations whose id or `METHOD /path` matches one of these globs (`*`, `?`). */
  operations?: string[];
  excludeOperations?: string[];
  /** Keep only these HTTP methods. */
  methods?: string[];
}

export interface Config {
  /** Path or http(s) URL of the OpenAPI document. */
  spec: string;
  /** Base URL for requests, overriding the document's servers. */
  baseUrl?: string;
  /** Values for server URL `{variables}`, over their defaults. */
  serverVariables: Record<string, string>;
  /** Validate the document strictly at startup. Default false. */
  validate: boolean;
  /** Follow `$ref`s to other hosts. Default false. */
  allowRemoteRefs: boolean;
  /** Folders, as absolute paths, a local document's refs may read besides its own. */
  allowRefDirs: string[];
  /** Bytes the document and every file it refers to may take together. Default 64 MiB. */
  maxSpecBytes: number;
  /** Upstream request timeout in ms. Default 30000. */
  timeoutMs: number;
  /** Largest response body returned in one result, in bytes. Default 40000 (about 10k tokens). */
  maxResponseBytes: number;
  /** Largest binary body returned inline, in bytes. Default 1 MiB. */
  maxBinaryBytes: number;
  /** How long the rest of a long response stays available, in seconds. Default 600. */
  continuationTtlSeconds: number;
  /** Static headers sent with every request. */
  headers: Record<string, string>;
  /** `scheme=secret` pairs from --auth; environment variables are read once the schemes are known. */
  auth: string[];
  /** How far argument validation trusts the document. Default lenient. */
  validation: ValidationPolicy;
  /** Which operations are exposed: read-only mode and allow/deny filters. */
  filter: OperationFilter;
  /** How MCP is served. Default stdio. */
  transport: 'stdio' | 'http';
  http: HttpConfig;
  /** Default info. */
  logLevel: LogLevel;
  /** One JSON object per log line. Default false. */
  logJson: boolean;
}

export interface HttpConfig {
  /** Default 127.0.0.1: reachable from this machine only unless told otherwise. */
  host: string;
  /** Default 3000. */
  port: number;
  /** memcached `host:port` entries; none means the in-memory store (one replica only). */
  memcached: string[];
  /** Shared by all replicas; a random one is made (and a warning logged) when absent. */
  sessionSecret?: string;
  /** Idle seconds before a session's state expires. Default 3600. */
  sessionTtlSeconds: number;
  /** Absolute session lifetime in seconds. Default 86400. */
  sessionMaxAgeSeconds: number;
  /** Bearer tokens clients must present; none means no client authentication. */
  authTokens: string[];
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Default 1 MiB. */
  maxBodyBytes: number;
  /** Incoming header per security scheme, for per-user upstream credentials. */
  credentialHeaders: Record<string, string>;
  jsonResponses: boolean;
  /** Serve /metrics without the bearer token. Default false. */
  metricsPublic: boolean;
}

/** Raw values as they come from flags or environment variables. */
export interface RawConfig {
  spec?: string | undefined;
  baseUrl?: string | undefined;
  serverVariable?: string[] | undefined;
  validate?: boolean | string | undefined;
  allowRemoteRefs?: boolean | string | undefined;
  allowRefDir?: string[] | undefined;
  maxSpecBytes?: string | number | undefined;
  timeout?: string | number | undefined;
  maxResponseBytes?: string | number | undefined;
  maxBinaryBytes?: string | number | undefined;
  continuationTtl?: string | number | undefined;
  header?: string[] | undefined;
  auth?: string[] | undefined;
  readOnly?: boolean | string | undefined;
  validation?: string | undefined;
  tags?: string | undefined;
  excludeTags?: string | undefined;
  operations?: string | undefined;
  excludeOperations?: string | undefined;
  methods?: string | undefined;
  logLevel?: string | undefined;
  logFormat?: string | undefined;
  transport?: string | undefined;
  host?: string | undefined;
  port?: string | number | undefined;
  memcached?: string | undefined;
  sessionSecret?: string | undefined;
  sessionTtl?: string | number | undefined;
  sessionMaxAge?: string | number | undefined;
  authToken?: string[] | undefined;
  allowedHosts?: string | undefined;
  allowedOrigins?: string | undefined;
  maxBodyBytes?: string | number | undefined;
  credentialHeader?: string[] | undefined;
  jsonResponses?: boolean | string | undefined;
  metricsPublic?: boolean | string | undefined;
  /** Keys whose value came from an environment variable, so messages name the variable rather than the flag. */
  fromEnv?: readonly string[] | undefined;
}

export const defaults = {
  timeoutMs: 30_000,
  maxSpecBytes: 64 * 1024 * 1024,
  maxResponseBytes: 40_000,
  maxBinaryBytes: 1_048_576,
  continuationTtlSeconds: 600,
  logLevel: 'info' as LogLevel,
  /**
   * Refuse what the document says consistently, let through what it contradicts: strict refuses values real
   * APIs take (Vercel's mangled enums), off sends requests the document already shows to be wrong.
   */
  validation: 'lenient' as ValidationPolicy,
};

const mebibytes = (n: number) => n * 1_048_576;
/** memcached reads a TTL over 30 days as a date, so no TTL may exceed it. */
const thirtyDays = 2_592_000;

/** The accepted range of every number a flag takes. */
export const ranges = {
  timeout: { min: 1, max: 3_600_000, unit: 'ms' },
  // 64 MiB is the most of a response body ever read (send-request's download limit).
  maxResponseBytes: { min: 1, max: mebibytes(64), unit: 'bytes' },
  maxBinaryBytes: { min: 1, max: mebibytes(64), unit: 'bytes' },
  continuationTtl: { min: 1, max: thirtyDays, unit: 'seconds' },
  port: { min: 1, max: 65_535 },
  sessionTtl: { min: 1, max: thirtyDays, unit: 'seconds' },
  sessionMaxAge: { min: 1, max: 31_536_000, unit: 'seconds' },
  maxBodyBytes: { min: 1, max: mebibytes(100), unit: 'bytes' },
  limit: { min: 1, max: 100_000 },
  maxSpecBytes: { min: 1, max: mebibytes(4096), unit: 'bytes' },
} satisfies Record<string, IntegerRange>;

const logLevels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Flag and environment variable of each raw value, for messages. */
const names: Record<string, [flag: string, env: string]> = {
  spec: ['<spec>', 'OPENAPI_MCP_SPEC'],
  baseUrl: ['--base-url', 'OPENAPI_MCP_BASE_URL'],
  serverVariable: ['--server-variable', 'OPENAPI_MCP_SERVER_VARIABLES'],
  validate: ['--validate', 'OPENAPI_MCP_VALIDATE'],
  allowRemoteRefs: ['--allow-remote-refs', 'OPENAPI_MCP_ALLOW_REMOTE_REFS'],
  allowRefDir: ['--allow-ref-dir', 'OPENAPI_MCP_ALLOW_REF_DIR'],
  maxSpecBytes: ['--max-spec-bytes', 'OPENAPI_MCP_MAX_SPEC_BYTES'],
  timeout: ['--timeout', 'OPENAPI_MCP_TIMEOUT'],
  maxResponseBytes: ['--max-response-bytes', 'OPENAPI_MCP_MAX_RESPONSE_BYTES'],
  maxBinaryBytes: ['--max-binary-bytes', 'OPENAPI_MCP_MAX_BINARY_BYTES'],
  continuationTtl: ['--continuation-ttl', 'OPENAPI_MCP_CONTINUATION_TTL'],
  header: ['--header', 'OPENAPI_MCP_HEADERS'],
  auth: ['--auth', 'OPENAPI_MCP_AUTH_<SCHEME>'],
  readOnly: ['--read-only', 'OPENAPI_MCP_READ_ONLY'],
  validation: ['--validation', 'OPENAPI_MCP_VALIDATION'],
  tags: ['--tags', 'OPENAPI_MCP_TAGS'],
  excludeTags: ['--exclude-tags', 'OPENAPI_MCP_EXCLUDE_TAGS'],
  operations: ['--operations', 'OPENAPI_MCP_OPERATIONS'],
  excludeOperations: ['--exclude-operations', 'OPENAPI_MCP_EXCLUDE_OPERATIONS'],
  methods: ['--methods', 'OPENAPI_MCP_METHODS'],
  logLevel: ['--log-level', 'OPENAPI_MCP_LOG_LEVEL'],
  logFormat: ['--log-format', 'OPENAPI_MCP_LOG_FORMAT'],
  transport: ['--transport', 'OPENAPI_MCP_TRANSPORT'],
  host: ['--host', 'OPENAPI_MCP_HOST'],
  port: ['--port', 'OPENAPI_MCP_PORT'],
  memcached: ['--memcached', 'OPENAPI_MCP_MEMCACHED'],
  sessionSecret: ['--session-secret', 'OPENAPI_MCP_SESSION_SECRET'],
  sessionTtl: ['--session-ttl', 'OPENAPI_MCP_SESSION_TTL'],
  sessionMaxAge: ['--session-max-age', 'OPENAPI_MCP_SESSION_MAX_AGE'],
  authToken: ['--auth-token', 'OPENAPI_MCP_AUTH_TOKENS'],
  allowedHosts: ['--allowed-hosts', 'OPENAPI_MCP_ALLOWED_HOSTS'],
  allowedOrigins: ['--allowed-origins', 'OPENAPI_MCP_ALLOWED_ORIGINS'],
  maxBodyBytes: ['--max-body-bytes', 'OPENAPI_MCP_MAX_BODY_BYTES'],
  credentialHeader: ['--credential-header', 'OPENAPI_MCP_CREDENTIAL_HEADERS'],
  jsonResponses: ['--json-responses', 'OPENAPI_MCP_JSON_RESPONSES'],
  metricsPublic: ['--metrics-public', 'OPENAPI_MCP_METRICS_PUBLIC'],
};

/** Names a raw value in messages: its flag, or its environment variable when it came from there. */
function labeler(raw: RawConfig): (key: keyof RawConfig) => string {
  const fromEnv = new Set(raw.fromEnv ?? []);
  return (key) => {
    const [flag, env] = names[key] ?? [`--${key}`, ''];
    return fromEnv.has(key) && env ? env : flag;
  };
}

export function resolveConfig(raw: RawConfig): Config {
  if (!raw.spec) {
    throw new ConfigError('No OpenAPI document given.', 'Pass its path or URL: openapi-dynamic-mcp ./openapi.yaml (or set OPENAPI_MCP_SPEC).');
  }
  const label = labeler(raw);
  const logLevel = toChoice(raw.logLevel, defaults.logLevel, label('logLevel'), logLevels);
  const logFormat = toChoice(raw.logFormat, 'text', label('logFormat'), ['text', 'json'] as const);
  const filter: Config['filter'] = { readOnly: toBoolean(raw.readOnly, label('readOnly')) };
  for (const key of ['tags', 'excludeTags', 'operations', 'excludeOperations'] as const) {
    const list = toList(raw[key]);
    if (list.length) filter[key] = list;
  }
  const methods = toChoiceList(raw.methods, label('methods'), httpMethods);
  if (methods.length) filter.methods = methods;
  const config: Config = {
    spec: raw.spec,
    serverVariables: toPairs(raw.serverVariable ?? [], '=', label('serverVariable'), 'name=value'),
    validate: toBoolean(raw.validate, label('validate')),
    allowRemoteRefs: toBoolean(raw.allowRemoteRefs, label('allowRemoteRefs')),
    allowRefDirs: toFolders(raw.allowRefDir ?? [], label('allowRefDir')),
    maxSpecBytes: toInteger(raw.maxSpecBytes, defaults.maxSpecBytes, label('maxSpecBytes'), ranges.maxSpecBytes),
    timeoutMs: toInteger(raw.timeout, defaults.timeoutMs, label('timeout'), ranges.timeout),
    maxResponseBytes: toInteger(raw.maxResponseBytes, defaults.maxResponseBytes, label('maxResponseBytes'), ranges.maxResponseBytes),
    maxBinaryBytes: toInteger(raw.maxBinaryBytes, defaults.maxBinaryBytes, label('maxBinaryBytes'), ranges.maxBinaryBytes),
    continuationTtlSeconds: toInteger(raw.continuationTtl, defaults.continuationTtlSeconds, label('continuationTtl'), ranges.continuationTtl),
    headers: toPairs((raw.header ?? []).flatMap((h) => h.split(/\r?\n/)), ':', label('header'), '"Name: value"'),
    auth: toAuthEntries(raw.auth ?? []),
    validation: toChoice(raw.validation, defaults.validation, label('validation'), validationPolicies),
    filter,
    transport: toChoice(raw.transport, 'stdio', label('transport'), ['stdio', 'http'] as const),
    http: resolveHttp(raw, label),
    logLevel,
    logJson: logFormat === 'json',
  };
  for (const name of Object.keys(config.headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigError(`${label('header')} "${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(config.headers[name]!)) throw new ConfigError(`${label('header')} "${name}" has a line break in its value.`);
    if (/[\u0100-\uffff]/.test(config.headers[name]!)) throw new ConfigError(`${label('header')} "${name}" has characters beyond Latin-1 in its value, which an HTTP header cannot carry.`);
  }
  if (raw.baseUrl) config.baseUrl = toHttpUrl(raw.baseUrl, label('baseUrl')).href;
  return config;
}

/** `scheme=secret` entries; a malformed one is refused without echoing it, since it may be the secret itself. */
function toAuthEntries(entries: readonly string[]): string[] {
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) {
      throw new ConfigError(`--auth takes scheme=secret${at > 0 ? `; "${entry.slice(0, at)}" has an empty secret` : '; one entry has no "="'}.`, 'For example: --auth api_key=$API_KEY (or set OPENAPI_MCP_AUTH_API_KEY).');
    }
  }
  return [...entries];
}

function resolveHttp(raw: RawConfig, label: (key: keyof RawConfig) => string): HttpConfig {
  const http: HttpConfig = {
    host: raw.host ?? '127.0.0.1',
    port: toInteger(raw.port, 3000, label('port'), ranges.port),
    memcached: toList(raw.memcached),
    sessionTtlSeconds: toInteger(raw.sessionTtl, 3600, label('sessionTtl'), ranges.sessionTtl),
    sessionMaxAgeSeconds: toInteger(raw.sessionMaxAge, 86_400, label('sessionMaxAge'), ranges.sessionMaxAge),
    authTokens: (raw.authToken ?? []).flatMap((t) => toList(t)),
    allowedHosts: toList(raw.allowedHosts),
    allowedOrigins: toList(raw.allowedOrigins).map((o) => o.toLowerCase().replace(/\/$/, '')),
    maxBodyBytes: toInteger(raw.maxBodyBytes, 1_048_576, label('maxBodyBytes'), ranges.maxBodyBytes),
    credentialHeaders: toPairs(raw.credentialHeader ?? [], '=', label('credentialHeader'), 'scheme=Header-Name'),
    jsonResponses: toBoolean(raw.jsonResponses, label('jsonResponses')),
    metricsPublic: toBoolean(raw.metricsPublic, label('metricsPublic')),
  };
  for (const server of http.memcached) {
    const match = /^(.+):(\d+)$/.exec(server);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65_535) throw new ConfigError(`${label('memcached')} takes host:port entries (port 1 to 65535); got "${server}".`);
  }
  for (const origin of http.allowedOrigins) {
    if (toHttpUrl(origin, label('allowedOrigins'), 'https://app.example.com').origin !== origin) {
      throw new ConfigError(`${label('allowedOrigins')} takes origins (scheme, host and port, no path) such as https://app.example.com; got "${origin}".`);
    }
  }
  if (raw.sessionSecret) {
    if (raw.sessionSecret.length < 32) throw new ConfigError(`${label('sessionSecret')} must be at least 32 characters.`, 'Generate one with: openssl rand -base64 48');
    http.sessionSecret = raw.sessionSecret;
  }
  for (const token of http.authTokens) {
    if (token.length < 16) throw new ConfigError(`Every ${label('authToken')} must be at least 16 characters.`, 'Generate one with: openssl rand -base64 32');
  }
  if (http.authTokens.length && Object.values(http.credentialHeaders).some((h) => h.toLowerCase() === 'authorization')) {
    throw new ConfigError('--credential-header cannot map Authorization while --auth-token is set: the client\'s own token is never forwarded upstream.', 'Map another header, e.g. X-Api-Key.');
  }
  return http;
}

/** What `list` shows, besides the document's filters. */
export interface ListOptions {
  tag?: string;
  /** Lower case. */
  method?: string;
  /** Rows shown. Default 50. */
  limit: number;
  json: boolean;
}

export function resolveListOptions(raw: { tag?: string; method?: string; limit?: string; json?: boolean }): ListOptions {
  const options: ListOptions = { limit: toInteger(raw.limit, 50, '--limit', ranges.limit), json: raw.json ?? false };
  if (raw.tag?.trim()) options.tag = raw.tag.trim();
  if (raw.method !== undefined) options.method = toChoice(raw.method, 'get', '--method', httpMethods);
  return options;
}

/** How `call` sends and prints. */
export interface CallOptions {
  /** The endpoint's arguments, parsed from --args. */
  args: Record<string, unknown>;
  select?: string;
  contentType?: string;
  /** Print one JSON document with status, headers and body. */
  json: boolean;
  /** Print the body exactly as received, even on a terminal. */
  raw: boolean;
}

/** Existing folders as absolute paths; the environment variable lists several separated like PATH. */
function toFolders(entries: string[], flag: string): string[] {
  return entries.flatMap((entry) => entry.split(delimiter)).filter((entry) => entry.trim()).map((entry) => {
    const folder = resolve(entry.trim());
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ConfigError(`${flag} "${entry}" is not a folder.`, 'Give a folder that exists; its files (and those below it) may then be referenced.');
    return folder;
  });
}

export function resolveCallOptions(raw: { args?: string; select?: string; contentType?: string; json?: boolean; raw?: boolean }): CallOptions {
  let args: unknown = {};
  if (raw.args?.trim()) {
    try {
      args = JSON.parse(raw.args);
    } catch (error) {
      throw new ConfigError(`--args is not valid JSON: ${(error as Error).message}.`, `Example: --args '{"petId": 1}'`);
    }
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new ConfigError(`--args must be a JSON object of the endpoint's arguments; got ${Array.isArray(args) ? 'an array' : JSON.stringify(args)}.`, `Example: --args '{"petId": 1}'`);
  }
  if (raw.json && raw.raw) throw new ConfigError('--json and --raw cannot be combined: --json prints status, headers and body as one JSON document, --raw the body alone.');
  const options: CallOptions = { args: args as Record<string, unknown>, json: raw.json ?? false, raw: raw.raw ?? false };
  if (raw.select?.trim()) options.select = raw.select;
  if (raw.contentType?.trim()) options.contentType = raw.contentType.trim();
  return options;
}
