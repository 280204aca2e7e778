/** @module The Config type and resolveConfig(): every default is decided here, once. */
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
  /** Default info. */
  logLevel: LogLevel;
  /** One JSON object per log line. Default false. */
  logJson: boolean;
}

/** Raw values as they come from flags or environment variables. */
export interface RawConfig {
  spec?: string | undefined;
  baseUrl?: string | undefined;
  serverVariable?: string[] | undefined;
  validate?: boolean | string | undefined;
  allowRemoteRefs?: boolean | string | undefined;
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
}

export const defaults = {
  timeoutMs: 30_000,
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
    timeoutMs: toPositiveInteger(raw.timeout, defaults.timeoutMs, '--timeout'),
    maxResponseBytes: toPositiveInteger(raw.maxResponseBytes, defaults.maxResponseBytes, '--max-response-bytes'),
    maxBinaryBytes: toPositiveInteger(raw.maxBinaryBytes, defaults.maxBinaryBytes, '--max-binary-bytes'),
    continuationTtlSeconds: toPositiveInteger(raw.continuationTtl, defaults.continuationTtlSeconds, '--continuation-ttl'),
    headers: toPairs((raw.header ?? []).flatMap((h) => h.split(/\r?\n/)), ':', '--header', 'Name: value'),
    auth: raw.auth ?? [],
    filter,
    logLevel,
    logJson: logFormat === 'json',
  };
  for (const name of Object.keys(config.headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigError(`--header "${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(config.headers[name]!)) throw new ConfigError(`--header "${name}" has a line break in its value.`);
  }
  if (raw.baseUrl) config.baseUrl = raw.baseUrl;
  return config;
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
