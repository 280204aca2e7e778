/** @module The Config type and resolveConfig(): every default is decided here, once. */
import { ConfigError } from './errors.js';
import type { LogLevel } from './log.js';

export interface Config {
  /** Path or http(s) URL of the OpenAPI document. */
  spec: string;
  /** Base URL for requests, overriding the document's servers. */
  baseUrl?: string;
  /** Validate the document strictly at startup. Default false. */
  validate: boolean;
  /** Follow `$ref`s to other hosts. Default false. */
  allowRemoteRefs: boolean;
  /** Upstream request timeout in ms. Default 30000. */
  timeoutMs: number;
  /** Largest response body returned in one result, in bytes. Default 40000 (about 10k tokens). */
  maxResponseBytes: number;
  /** Default info. */
  logLevel: LogLevel;
  /** One JSON object per log line. Default false. */
  logJson: boolean;
}

/** Raw values as they come from flags or environment variables. */
export interface RawConfig {
  spec?: string | undefined;
  baseUrl?: string | undefined;
  validate?: boolean | string | undefined;
  allowRemoteRefs?: boolean | string | undefined;
  timeout?: string | number | undefined;
  maxResponseBytes?: string | number | undefined;
  logLevel?: string | undefined;
  logFormat?: string | undefined;
}

export const defaults = {
  timeoutMs: 30_000,
  maxResponseBytes: 40_000,
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
  const config: Config = {
    spec: raw.spec,
    validate: toBoolean(raw.validate, '--validate'),
    allowRemoteRefs: toBoolean(raw.allowRemoteRefs, '--allow-remote-refs'),
    timeoutMs: toPositiveInteger(raw.timeout, defaults.timeoutMs, '--timeout'),
    maxResponseBytes: toPositiveInteger(raw.maxResponseBytes, defaults.maxResponseBytes, '--max-response-bytes'),
    logLevel,
    logJson: logFormat === 'json',
  };
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
