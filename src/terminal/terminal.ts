/** @module What a CLI output stream allows: colour (a terminal, and no NO_COLOR), its width (COLUMNS or the terminal's), and a quiet end when the reader goes away. */

export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string | Uint8Array): boolean;
}

/** Colour only on a terminal; NO_COLOR (any non-empty value, https://no-color.org) and TERM=dumb turn it off. */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** COLUMNS when set to a positive number, else the terminal's width; undefined (no limit) for a pipe or file. */
export function outputWidth(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}

/**
 * `list ... | head` closes the pipe early: the next write fails with EPIPE. That is the reader's choice,
 * not a failure, so the process ends quietly instead of printing a stack trace.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => (text ? `\x1b[${open}m${text}\x1b[${close}m` : text);
const plain = (text: string) => text;

/** ANSI styles when `enabled`, identity functions otherwise. */
export function createStyle(enabled: boolean): Style {
  if (!enabled) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, blue: plain, cyan: plain, magenta: plain };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    cyan: sgr(36, 39),
    magenta: sgr(35, 39),
  };
}

/** A method in the colour people expect: reads green, writes yellow, deletes red. */
export function styleMethod(style: Style, method: string): string {
  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS') return style.green(method);
  if (upper === 'DELETE') return style.red(method);
  if (upper === 'POST' || upper === 'PUT' || upper === 'PATCH') return style.yellow(method);
  return style.magenta(method);
}
