/** @module Progress of slow steps on a terminal's stderr: one line rewritten in place, erased when the step ends. */
import { delayedProgress, noProgress, type Progress } from '../progress.js';
import { createStyle, colorEnabled, type OutputStream } from './terminal.js';
import { cutText } from './fit-columns.js';

/** A progress line on `stream` when it is a terminal; nothing otherwise (logs and pipes stay clean). */
export function terminalProgress(stream: OutputStream & { isTTY?: boolean } = process.stderr): Progress {
  if (!stream.isTTY) return noProgress;
  const style = createStyle(colorEnabled(stream));
  return delayedProgress({
    show(task, detail, elapsedMs) {
      const line = `${task}... ${[detail, `${Math.floor(elapsedMs / 1000)} s`].filter(Boolean).join(', ')}`;
      stream.write(`\r\x1b[K${style.dim(cutText(line, (stream.columns || 80) - 1))}`);
    },
    done(_task, _elapsedMs, shown) {
      if (shown) stream.write('\r\x1b[K');
    },
  });
}
