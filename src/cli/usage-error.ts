/** @module Usage errors in at most three lines: what was wrong, the closest valid word, where to read more. */
import { colorEnabled, createStyle } from '../terminal/terminal.js';

export const programName = 'openapi-dynamic-mcp';

/** `Run "openapi-dynamic-mcp list --help" for usage.` */
export function helpLine(command: string | undefined): string {
  return `Run "${programName}${command ? ` ${command}` : ''} --help" for usage.`;
}

/** The first line of any error the CLI prints, prefixed with the program's name. */
export function errorLine(message: string): string {
  const style = createStyle(colorEnabled(process.stderr));
  return `${style.red(style.bold(`${programName}:`))} ${message}`;
}

/**
 * Commander's `error: unknown option '--limt'\n(Did you mean --limit?)` as one line:
 * `openapi-dynamic-mcp: unknown option '--limt' (did you mean --limit?)`.
 */
export function formatCommanderError(text: string): string {
  const [first = '', ...rest] = text.trim().split('\n');
  const suggestion = rest
    .join(' ')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  const message = first.replace(/^error: /, '');
  return `${errorLine(suggestion ? `${message} (${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)})` : message)}\n`;
}
