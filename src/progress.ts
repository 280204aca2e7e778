/**
 * @module Progress of slow steps (fetching, parsing, validating a document): a step is reported only once
 * it has taken longer than half a second, so fast runs stay silent. Where it is shown (a terminal line, a
 * log line) is a sink's business.
 */
import type { Logger } from './log.js';

export interface Progress {
  /**
   * Starts a step. `expectSlow` shows it at once: for synchronous work (parsing a large text) no timer
   * can fire until it is over.
   */
  start(task: string, options?: { expectSlow?: boolean }): ProgressStep;
}

export interface ProgressStep {
  /** What has been done so far, e.g. "4.2 MB". */
  update(detail: string): void;
  end(): void;
}

/** Where reports go. */
export interface ProgressSink {
  /** The step is slow: show it (again, with the latest detail and elapsed time). */
  show(task: string, detail: string | undefined, elapsedMs: number): void;
  /** The step ended; `shown` says whether it was ever shown. */
  done(task: string, elapsedMs: number, shown: boolean): void;
}

const silentStep: ProgressStep = { update: () => {}, end: () => {} };
export const noProgress: Progress = { start: () => silentStep };

/** Steps longer than this are reported. */
export const slowStepMs = 500;

/**
 * Reports a step to the sink once it has run `delayMs`, then again every `repeatMs` and when its detail
 * changes (at most every 100 ms). Timers never keep the process alive.
 */
export function delayedProgress(sink: ProgressSink, options: { delayMs?: number; repeatMs?: number } = {}): Progress {
  const { delayMs = slowStepMs, repeatMs = 1000 } = options;
  return {
    start(task, { expectSlow = false } = {}) {
      const started = performance.now();
      let detail: string | undefined;
      let shown = false;
      let lastShown = 0;
      let ended = false;
      const show = () => {
        if (ended) return;
        shown = true;
        lastShown = performance.now();
        sink.show(task, detail, lastShown - started);
      };
      const delay = setTimeout(() => {
        show();
        repeat.refresh();
      }, delayMs).unref();
      const repeat = setInterval(() => shown && show(), repeatMs).unref();
      if (expectSlow) show();
      return {
        update(next) {
          detail = next;
          // Checked here too: a loop that never yields to the event loop gives timers no chance to fire.
          const now = performance.now();
          if (shown ? now - lastShown >= 100 : now - started >= delayMs) show();
        },
        end() {
          if (ended) return;
          ended = true;
          clearTimeout(delay);
          clearInterval(repeat);
          sink.done(task, performance.now() - started, shown);
        },
      };
    },
  };
}

/** "12.3 MB", "850 kB", "120 B" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} B`;
}

/** For servers: a log line when a step turns out slow, and one when it ends. */
export function logProgress(logger: Logger): Progress {
  const announced = new Set<string>();
  return delayedProgress({
    show(task) {
      if (announced.has(task)) return;
      announced.add(task);
      logger.info(`${task}...`);
    },
    done(task, elapsedMs, shown) {
      announced.delete(task);
      if (shown) logger.info(`${task}: done in ${(elapsedMs / 1000).toFixed(1)} s.`);
    },
  });
}
