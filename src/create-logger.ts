/**
 * @module The process logger (pino) on stderr, never stdout: stdout belongs to the protocol in stdio mode.
 * JSON lines for machines, or one readable line per record for people (a small formatter of pino's own
 * lines rather than pino-pretty and its dependencies); fields under credential-like names are redacted.
 */
import { pino } from 'pino';
import type { LogFormat, Logger, LogLevel } from './log.js';

/**
 * Fields whose values are never written, at the top level and one level down (`headers.authorization`).
 * Messages never carry credentials; this keeps a field added later from leaking one.
 */
export const redactedFields = ['authorization', 'cookie', 'token', 'secret', 'password', 'credentials', 'apiKey'].flatMap((name) => [name, `*.${name}`]);

export interface LoggerOptions {
  /** Lowest level written. Default `info`. */
  level?: LogLevel;
  /** `json`: one JSON object per line. Default text. */
  format?: LogFormat;
  /** Where lines go. Default process.stderr. */
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', format = 'text', write = (line: string) => process.stderr.write(line) } = options;
  const logger = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedFields, censor: '[redacted]' },
    },
    { write: format === 'json' ? write : (line: string) => write(textLine(line)) },
  );
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}

/** `[openapi-dynamic-mcp] warn: message {"field":"value"}` from one of pino's JSON lines. */
function textLine(json: string): string {
  const record = JSON.parse(json) as Record<string, unknown>;
  const fields = Object.entries(record).filter(([key]) => key !== 'level' && key !== 'time' && key !== 'msg');
  const extra = fields.length ? ` ${JSON.stringify(Object.fromEntries(fields))}` : '';
  return `[openapi-dynamic-mcp] ${String(record.level)}: ${String(record.msg)}${extra}\n`;
}
