/** @module The Config type and resolveConfig(): every default is decided here, once. */
import { existsSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { ConfigError } from './errors.js';
import type { LogLevel } from './log.js';
import type { OperationFilter } from './spec/filter-catalog.js';

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
}

export const defaults = {
  timeoutMs: 30_000,
  maxSpecBytes: 64 * 1024 * 1024,
  maxResponseBytes: 40_000,
  maxBinaryBytes: 1_048_576,
  continuationTtlSeconds: 600,
  logLevel: 'info' as LogLevel,
};

const logLevels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function resolveConfig(raw: RawConfig): Config {
  if (!raw.spec) {
    throw new ConfigError('No OpenAPI document given.', 'Pass its path or URL: openapi-dynamic-mcp ./openapi.yaml (or set OPENAPI_MCP_SPEC).');
  }
  const logLevel = (raw.logLevel ?? defaults.logLevel).toLowerCase() as LogLevel;
  if (!logLevels.includes(logLevel)) throw new ConfigError(`--log-level must be one of ${logLevels.join(', ')}; got "${raw.logLevel}".`);
  const logFormat = (raw.logFormat ?? 'text').toLowerCase();
  if (logFormat !== 'text' && logFormat !== 'json') throw new ConfigError(`--log-format must be text or json; got "${raw.logFormat}".`);
  const filter: Config['filter'] = { readOnly: toBoolean(raw.readOnly, '--read-only') };
  for (const key of ['tags', 'excludeTags', 'operations', 'excludeOperations', 'methods'] as const) {
    const list = toList(raw[key]);
    if (list.length) filter[key] = list;
  }
  const config: Config = {
    spec: raw.spec,
    serverVariables: toPairs(raw.serverVariable ?? [], '=', '--server-variable', 'name=value'),
    validate: toBoolean(raw.validate, '--validate'),
    allowRemoteRefs: toBoolean(raw.allowRemoteRefs, '--allow-remote-refs'),
    allowRefDirs: toFolders(raw.allowRefDir ?? []),
    maxSpecBytes: toPositiveInteger(raw.maxSpecBytes, defaults.maxSpecBytes, '--max-spec-bytes'),
    timeoutMs: toPositiveInteger(raw.timeout, defaults.timeoutMs, '--timeout'),
    maxResponseBytes: toPositiveInteger(raw.maxResponseBytes, defaults.maxResponseBytes, '--max-response-bytes'),
    maxBinaryBytes: toPositiveInteger(raw.maxBinaryBytes, defaults.maxBinaryBytes, '--max-binary-bytes'),
    continuationTtlSeconds: toPositiveInteger(raw.continuationTtl, defaults.continuationTtlSeconds, '--continuation-ttl'),
    headers: toPairs((raw.header ?? []).flatMap((h) => h.split(/\r?\n/)), ':', '--header', 'Name: value'),
    auth: raw.auth ?? [],
    filter,
    transport: toTransport(raw.transport),
    http: resolveHttp(raw),
    logLevel,
    logJson: logFormat === 'json',
  };
  for (const name of Object.keys(config.headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigError(`--header "${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(config.headers[name]!)) throw new ConfigError(`--header "${name}" has a line break in its value.`);
    if (/[\u0100-\uffff]/.test(config.headers[name]!)) throw new ConfigError(`--header "${name}" has characters beyond Latin-1 in its value, which an HTTP header cannot carry.`);
  }
  if (raw.baseUrl) config.baseUrl = raw.baseUrl;
  return config;
}

function resolveHttp(raw: RawConfig): HttpConfig {
  const port = toPositiveInteger(raw.port, 3000, '--port');
  if (port > 65535) throw new ConfigError(`--port must be at most 65535; got ${port}.`);
  const http: HttpConfig = {
    host: raw.host ?? '127.0.0.1',
    port,
    memcached: toList(raw.memcached),
    sessionTtlSeconds: toPositiveInteger(raw.sessionTtl, 3600, '--session-ttl'),
    sessionMaxAgeSeconds: toPositiveInteger(raw.sessionMaxAge, 86_400, '--session-max-age'),
    authTokens: (raw.authToken ?? []).flatMap((t) => toList(t)),
    allowedHosts: toList(raw.allowedHosts),
    allowedOrigins: toList(raw.allowedOrigins).map((o) => o.toLowerCase().replace(/\/$/, '')),
    maxBodyBytes: toPositiveInteger(raw.maxBodyBytes, 1_048_576, '--max-body-bytes'),
    credentialHeaders: toPairs(raw.credentialHeader ?? [], '=', '--credential-header', 'scheme=Header-Name'),
    jsonResponses: toBoolean(raw.jsonResponses, '--json-responses'),
  };
  if (raw.sessionSecret) {
    if (raw.sessionSecret.length < 32) throw new ConfigError('--session-secret must be at least 32 characters.', 'Generate one with: openssl rand -base64 48');
    http.sessionSecret = raw.sessionSecret;
  }
  for (const token of http.authTokens) {
    if (token.length < 16) throw new ConfigError('Every --auth-token must be at least 16 characters.', 'Generate one with: openssl rand -base64 32');
  }
  if (http.authTokens.length && Object.values(http.credentialHeaders).some((h) => h.toLowerCase() === 'authorization')) {
    throw new ConfigError('--credential-header cannot map Authorization while --auth-token is set: the client\'s own token is never forwarded upstream.', 'Map another header, e.g. X-Api-Key.');
  }
  return http;
}

function toTransport(value: string | undefined): Config['transport'] {
  const transport = (value ?? 'stdio').toLowerCase();
  if (transport !== 'stdio' && transport !== 'http') throw new ConfigError(`--transport must be stdio or http; got "${value}".`);
  return transport;
}

function toBoolean(value: boolean | string | undefined, flag: string): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  const text = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
  throw new ConfigError(`${flag} must be true or false; got "${value}".`);
}

function toPositiveInteger(value: string | number | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const number = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(number) || number <= 0) throw new ConfigError(`${flag} must be a positive whole number; got "${value}".`);
  return number;
}

/** Existing folders as absolute paths; the environment variable lists several separated like PATH. */
function toFolders(entries: string[]): string[] {
  return entries.flatMap((entry) => entry.split(delimiter)).filter((entry) => entry.trim()).map((entry) => {
    const folder = resolve(entry.trim());
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ConfigError(`--allow-ref-dir "${entry}" is not a folder.`, 'Give a folder that exists; its files (and those below it) may then be referenced.');
    return folder;
  });
}

/** "a, b,c" -> ["a", "b", "c"] */
function toList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** ["Name: value", ...] -> { Name: "value" }; blank entries are skipped. */
function toPairs(entries: string[], separator: string, flag: string, shape: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const entry of entries.flatMap((e) => (separator === '=' ? e.split(',') : [e]))) {
    if (!entry.trim()) continue;
    const at = entry.indexOf(separator);
    if (at <= 0) throw new ConfigError(`${flag} takes ${shape}; got "${entry}".`);
    pairs[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return pairs;
}
