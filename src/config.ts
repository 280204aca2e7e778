/**
 * @module The Config type and resolveConfig(): flags, environment variables and defaults merged in one
 * place into parsed values (a URL, milliseconds, enums). Every default is decided here, once; a layer that
 * needs less takes a Pick<Config> of it.
 */
import { existsSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { httpMethods } from './base/http-methods.js';
import { ConfigError, describeError } from './errors.js';
import { toBoolean, toChoice, toChoiceList, toHttpUrl, toInteger, toList, toPairs, type IntegerRange } from './flag-values.js';
import { logFormats, logLevels, type LogFormat, type LogLevel } from './log.js';
import { sessionBackends, type SessionStoreChoice } from './session/create-session-store.js';

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

export const transports = ['stdio', 'http'] as const;
export type Transport = (typeof transports)[number];

export interface Config {
  /** Path or http(s) URL of the OpenAPI document. */
  spec: string;
  /** Where requests go instead of the document's servers: absolute http(s), without query, fragment or trailing slash. */
  baseUrl?: URL;
  /** Values for server URL `{variables}`, over their defaults. */
  serverVariables: Record<string, string>;
  /** Validate the document strictly at startup. */
  validate: boolean;
  /** Follow `$ref`s to other hosts. */
  allowRemoteRefs: boolean;
  /** Folders, as absolute paths, a local document's refs may read besides its own. */
  allowRefDirs: string[];
  /** Bytes the document and every file it refers to may take together. */
  maxSpecBytes: number;
  /** Timeout of each upstream request and of each download of the document or a remote ref, in ms. */
  timeoutMs: number;
  /** Largest response body returned in one result, in bytes (about a quarter as many tokens). */
  maxResponseBytes: number;
  /** Largest binary body returned inline (image or resource), in bytes. */
  maxBinaryBytes: number;
  /** How long the rest of a long response stays available, in seconds. */
  continuationTtlSeconds: number;
  /** Largest upstream body read, in bytes: larger answers are refused rather than held (no flag). */
  maxDownloadBytes: number;
  /** Upstream body bytes all calls together may hold at once (no flag). */
  maxBodyBytesInFlight: number;
  /** Static headers sent with every request. */
  headers: Record<string, string>;
  /** Query parameters sent with every request (a key a document declares as a parameter, not as auth). */
  query: Record<string, string>;
  /** `scheme=secret` pairs from --auth; environment variables are read once the schemes are known. */
  auth: string[];
  /** How far argument validation trusts the document. */
  validation: ValidationPolicy;
  /** Which operations are exposed: read-only mode and allow/deny filters. */
  filter: OperationFilter;
  /** Signs session handles; the same on every replica. None: a random one per process. */
  sessionSecret?: string;
  /** Idle seconds before a conversation's state expires (sliding). */
  sessionTtlSeconds: number;
  /** Absolute lifetime of a session handle or id, in seconds. */
  sessionMaxAgeSeconds: number;
  /** A shared store for session state (`--memcached`); none means the in-memory store, one replica only. */
  sessionStore?: SessionStoreChoice;
  /** How MCP is served. */
  transport: Transport;
  http: HttpConfig;
  logLevel: LogLevel;
  logFormat: LogFormat;
}

export interface HttpConfig {
  /** Reachable from this machine only unless told otherwise. */
  host: string;
  port: number;
  /** Bearer tokens clients must present; none means no client authentication. */
  authTokens: string[];
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Incoming header per security scheme, for per-user upstream credentials. */
  credentialHeaders: Record<string, string>;
  jsonResponses: boolean;
  /** Serve /metrics without the bearer token. */
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
  query?: string[] | undefined;
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
  /** By session backend name (`memcached`): the value of its flag. */
  sessionStores?: Record<string, string | undefined> | undefined;
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

const mebibytes = (n: number) => n * 1_048_576;
/** memcached reads a TTL over 30 days as a date, so no TTL may exceed it. */
const thirtyDays = 2_592_000;

/** What a setting is when no flag or variable gives it. Help texts and the README name these. */
export const defaults = {
  timeoutMs: 30_000,
  maxSpecBytes: mebibytes(64),
  maxResponseBytes: 40_000,
  maxBinaryBytes: mebibytes(1),
  continuationTtlSeconds: 600,
  /** The most of one upstream answer ever read; also what the calls of one HTTP request may hold together. */
  maxDownloadBytes: mebibytes(64),
  /** Two of the largest answers read: each costs several times its size while it is shaped. */
  maxBodyBytesInFlight: mebibytes(128),
  /**
   * Refuse what the document says consistently, let through what it contradicts: strict refuses values real
   * APIs take (Vercel's mangled enums), off sends requests the document already shows to be wrong.
   */
  validation: 'lenient' as ValidationPolicy,
  sessionTtlSeconds: 3600,
  sessionMaxAgeSeconds: 86_400,
  transport: 'stdio' as Transport,
  host: '127.0.0.1',
  port: 3000,
  maxBodyBytes: mebibytes(1),
  logLevel: 'info' as LogLevel,
  /** For people reading a terminal; log collectors read stderr through a pipe and want JSON. */
  logFormat: { terminal: 'text', other: 'json' } satisfies Record<string, LogFormat>,
  /** Redirects followed, by requests and by document downloads (no flag). */
  maxRedirects: 5,
  /** Rows `list` shows. */
  listLimit: 50,
};

/** The accepted range of every number a flag takes. */
export const ranges = {
  timeout: { min: 1, max: 3_600_000, unit: 'ms' },
  // No more of a response body is ever read.
  maxResponseBytes: { min: 1, max: defaults.maxDownloadBytes, unit: 'bytes' },
  maxBinaryBytes: { min: 1, max: defaults.maxDownloadBytes, unit: 'bytes' },
  continuationTtl: { min: 1, max: thirtyDays, unit: 'seconds' },
  port: { min: 1, max: 65_535 },
  sessionTtl: { min: 1, max: thirtyDays, unit: 'seconds' },
  sessionMaxAge: { min: 1, max: 31_536_000, unit: 'seconds' },
  maxBodyBytes: { min: 1, max: mebibytes(100), unit: 'bytes' },
  limit: { min: 1, max: 100_000 },
  maxSpecBytes: { min: 1, max: mebibytes(4096), unit: 'bytes' },
} satisfies Record<string, IntegerRange>;

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
  query: ['--query', 'OPENAPI_MCP_QUERY'],
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
  ...Object.fromEntries(sessionBackends.map((b) => [b.name, [b.flags.split(' ')[0]!, b.env]])),
};

type Label = (key: string) => string;

/** Names a raw value in messages: its flag, or its environment variable when it came from there. */
function labeler(raw: RawConfig): Label {
  const fromEnv = new Set(raw.fromEnv ?? []);
  return (key) => {
    const [flag, env] = names[key] ?? [`--${key}`, ''];
    return fromEnv.has(key) && env ? env : flag;
  };
}

/** Where the process runs, for the defaults that depend on it. */
export interface Surroundings {
  /** Whether stderr, where logs go, is a terminal. */
  stderrIsTerminal: boolean;
}

/** Checks every value; a bad one is a ConfigError (a usage error, exit 2) naming its flag or variable. */
export function resolveConfig(raw: RawConfig, surroundings: Surroundings = { stderrIsTerminal: process.stderr.isTTY === true }): Config {
  if (!raw.spec) {
    throw new ConfigError('No OpenAPI document given.', { hint: 'Pass its path or URL: openapi-dynamic-mcp ./openapi.yaml (or set OPENAPI_MCP_SPEC).' });
  }
  const label = labeler(raw);
  const integer = (key: keyof RawConfig & keyof typeof ranges, fallback: number) =>
    toInteger(raw[key] as string | number | undefined, fallback, label(key), ranges[key]);
  const sessionStore = resolveSessionStore(raw, label);
  const config: Config = {
    spec: raw.spec,
    serverVariables: toPairs(raw.serverVariable ?? [], '=', label('serverVariable'), 'name=value'),
    validate: toBoolean(raw.validate, label('validate')),
    allowRemoteRefs: toBoolean(raw.allowRemoteRefs, label('allowRemoteRefs')),
    allowRefDirs: toFolders(raw.allowRefDir ?? [], label('allowRefDir')),
    maxSpecBytes: integer('maxSpecBytes', defaults.maxSpecBytes),
    timeoutMs: integer('timeout', defaults.timeoutMs),
    maxResponseBytes: integer('maxResponseBytes', defaults.maxResponseBytes),
    maxBinaryBytes: integer('maxBinaryBytes', defaults.maxBinaryBytes),
    continuationTtlSeconds: integer('continuationTtl', defaults.continuationTtlSeconds),
    maxDownloadBytes: defaults.maxDownloadBytes,
    maxBodyBytesInFlight: defaults.maxBodyBytesInFlight,
    headers: toHeaders(raw.header ?? [], label('header')),
    query: toQuery(raw.query ?? [], label('query')),
    auth: toAuthEntries(raw.auth ?? []),
    validation: toChoice(raw.validation, defaults.validation, label('validation'), validationPolicies),
    filter: resolveFilter(raw, label),
    sessionTtlSeconds: integer('sessionTtl', defaults.sessionTtlSeconds),
    sessionMaxAgeSeconds: integer('sessionMaxAge', defaults.sessionMaxAgeSeconds),
    transport: toChoice(raw.transport, defaults.transport, label('transport'), transports),
    http: resolveHttp(raw, label),
    logLevel: toChoice(raw.logLevel, defaults.logLevel, label('logLevel'), logLevels),
    logFormat: toChoice(raw.logFormat, surroundings.stderrIsTerminal ? defaults.logFormat.terminal : defaults.logFormat.other, label('logFormat'), logFormats),
  };
  if (raw.sessionSecret) {
    if (raw.sessionSecret.length < 32)
      throw new ConfigError(`${label('sessionSecret')} must be at least 32 characters.`, { hint: 'Generate one with: openssl rand -base64 48' });
    config.sessionSecret = raw.sessionSecret;
  }
  if (sessionStore) config.sessionStore = sessionStore;
  if (raw.baseUrl) config.baseUrl = toBaseUrl(raw.baseUrl, label('baseUrl'));
  return config;
}

/** An absolute http(s) URL, without query or fragment and without a trailing slash: paths are appended to it. */
function toBaseUrl(value: string, label: string): URL {
  const url = toHttpUrl(value, label);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function resolveFilter(raw: RawConfig, label: Label): OperationFilter {
  const filter: OperationFilter = { readOnly: toBoolean(raw.readOnly, label('readOnly')) };
  for (const key of ['tags', 'excludeTags', 'operations', 'excludeOperations'] as const) {
    const list = toList(raw[key]);
    if (list.length) filter[key] = list;
  }
  const methods = toChoiceList(raw.methods, label('methods'), httpMethods);
  if (methods.length) filter.methods = methods;
  return filter;
}

/** `Name: value` lines: names HTTP allows, values on one line and within Latin-1. */
function toHeaders(entries: readonly string[], label: string): Record<string, string> {
  const headers = toPairs(
    entries.flatMap((h) => h.split(/\r?\n/)),
    ':',
    label,
    '"Name: value"',
  );
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigError(`${label} "${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(value)) throw new ConfigError(`${label} "${name}" has a line break in its value.`);
    if (/[\u0100-\uffff]/.test(value))
      throw new ConfigError(`${label} "${name}" has characters beyond Latin-1 in its value, which an HTTP header cannot carry.`);
  }
  return headers;
}

/** `name=value` lines: the value may hold "=" or ","; names and values on one line, without control characters. */
function toQuery(entries: readonly string[], label: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const entry of entries.flatMap((e) => e.split(/\r?\n/))) {
    if (!entry.trim()) continue;
    const at = entry.indexOf('=');
    const name = entry.slice(0, at).trim();
    if (at <= 0 || !name) throw new ConfigError(`${label} takes name=value; got "${entry}".`);
    if ([...entry].some((c) => c < ' ' || c === '\u007f')) throw new ConfigError(`${label} "${name}" has a control character in it.`);
    query[name] = entry.slice(at + 1).trim();
  }
  return query;
}

/** The first shared backend whose flag is set, its entries checked by the backend. */
function resolveSessionStore(raw: RawConfig, label: Label): SessionStoreChoice | undefined {
  for (const backend of sessionBackends) {
    const entries = toList(raw.sessionStores?.[backend.name]);
    if (!entries.length) continue;
    for (const entry of entries) backend.checkEntry(entry, label(backend.name));
    return { backend: backend.name, entries };
  }
  return undefined;
}

/** `scheme=secret` entries; a malformed one is refused without echoing it, since it may be the secret itself. */
function toAuthEntries(entries: readonly string[]): string[] {
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) {
      throw new ConfigError(`--auth takes scheme=secret${at > 0 ? `; "${entry.slice(0, at)}" has an empty secret` : '; one entry has no "="'}.`, {
        hint: 'For example: --auth api_key=$API_KEY (or set OPENAPI_MCP_AUTH_API_KEY).',
      });
    }
  }
  return [...entries];
}

function resolveHttp(raw: RawConfig, label: Label): HttpConfig {
  const http: HttpConfig = {
    host: raw.host ?? defaults.host,
    port: toInteger(raw.port, defaults.port, label('port'), ranges.port),
    authTokens: (raw.authToken ?? []).flatMap((t) => toList(t)),
    allowedHosts: toList(raw.allowedHosts),
    allowedOrigins: toList(raw.allowedOrigins).map((o) => o.toLowerCase().replace(/\/$/, '')),
    maxBodyBytes: toInteger(raw.maxBodyBytes, defaults.maxBodyBytes, label('maxBodyBytes'), ranges.maxBodyBytes),
    credentialHeaders: toPairs(raw.credentialHeader ?? [], '=', label('credentialHeader'), 'scheme=Header-Name'),
    jsonResponses: toBoolean(raw.jsonResponses, label('jsonResponses')),
    metricsPublic: toBoolean(raw.metricsPublic, label('metricsPublic')),
  };
  for (const origin of http.allowedOrigins) {
    if (toHttpUrl(origin, label('allowedOrigins'), 'https://app.example.com').origin !== origin) {
      throw new ConfigError(`${label('allowedOrigins')} takes origins (scheme, host and port, no path) such as https://app.example.com; got "${origin}".`);
    }
  }
  for (const token of http.authTokens) {
    if (token.length < 16)
      throw new ConfigError(`Every ${label('authToken')} must be at least 16 characters.`, { hint: 'Generate one with: openssl rand -base64 32' });
  }
  if (http.authTokens.length && Object.values(http.credentialHeaders).some((h) => h.toLowerCase() === 'authorization')) {
    throw new ConfigError("--credential-header cannot map Authorization while --auth-token is set: the client's own token is never forwarded upstream.", {
      hint: 'Map another header, e.g. X-Api-Key.',
    });
  }
  return http;
}

/** What `list` shows, besides the document's filters. */
export interface ListOptions {
  tag?: string;
  /** Lower case. */
  method?: string;
  /** Rows shown. */
  limit: number;
  json: boolean;
}

export function resolveListOptions(raw: { tag?: string; method?: string; limit?: string; json?: boolean }): ListOptions {
  const options: ListOptions = { limit: toInteger(raw.limit, defaults.listLimit, '--limit', ranges.limit), json: raw.json ?? false };
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
  return entries
    .flatMap((entry) => entry.split(delimiter))
    .filter((entry) => entry.trim())
    .map((entry) => {
      const folder = resolve(entry.trim());
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new ConfigError(`${flag} "${entry}" is not a folder.`, {
          hint: 'Give a folder that exists; its files (and those below it) may then be referenced.',
        });
      return folder;
    });
}

export function resolveCallOptions(raw: { args?: string; select?: string; contentType?: string; json?: boolean; raw?: boolean }): CallOptions {
  let args: unknown = {};
  if (raw.args?.trim()) {
    try {
      args = JSON.parse(raw.args);
    } catch (error) {
      throw new ConfigError(`--args is not valid JSON: ${describeError(error)}.`, { hint: `Example: --args '{"petId": 1}'` });
    }
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new ConfigError(`--args must be a JSON object of the endpoint's arguments; got ${Array.isArray(args) ? 'an array' : JSON.stringify(args)}.`, {
      hint: `Example: --args '{"petId": 1}'`,
    });
  }
  if (raw.json && raw.raw)
    throw new ConfigError('--json and --raw cannot be combined: --json prints status, headers and body as one JSON document, --raw the body alone.');
  const options: CallOptions = { args: args as Record<string, unknown>, json: raw.json ?? false, raw: raw.raw ?? false };
  if (raw.select?.trim()) options.select = raw.select;
  if (raw.contentType?.trim()) options.contentType = raw.contentType.trim();
  return options;
}
