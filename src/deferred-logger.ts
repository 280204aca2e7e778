/**
 * @module A logger whose pino loads after startup: what is logged meanwhile is kept in order and written
 * once it has loaded. The stdio server answers its client's first requests without waiting for pino
 * (about 16 ms to load); a warning or an error loads it at once, so problems are never held back.
 */
import type { LoggerOptions } from './create-logger.js';
import type { Logger, LogLevel } from './log.js';

type Level = Exclude<LogLevel, 'silent'>;

export interface DeferredLogger extends Logger {
  /** Loads pino after `delayMs` (unless something loaded it first) and writes what was kept. */
  startAfter(delayMs: number): void;
  /** Loads pino now and writes what was kept: before the process ends on an error. */
  flush(): Promise<void>;
}

export function createDeferredLogger(options: LoggerOptions): DeferredLogger {
  const kept: [Level, string, Record<string, unknown> | undefined][] = [];
  let real: Logger | undefined;
  let loading: Promise<void> | undefined;
  const load = () => {
    loading ??= import('./create-logger.js').then(({ createLogger }) => {
      real = createLogger(options);
      for (const [level, message, fields] of kept.splice(0)) real[level](message, fields);
    });
    return loading;
  };
  const log = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (real) return real[level](message, fields);
    if (options.level === 'silent') return;
    kept.push([level, message, fields]);
    if (level === 'warn' || level === 'error') void load();
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    startAfter: (delayMs) => {
      if (options.level !== 'silent') setTimeout(() => void load(), delayMs).unref();
    },
    flush: async () => {
      if (kept.length) await load();
    },
  };
}
