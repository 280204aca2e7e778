// Runs the real bin as people and scripts do: with pipes, or inside a pseudo-terminal made by `script`
// (util-linux), so that isTTY, the terminal's width and colour are real.
import { execFile, spawn } from 'node:child_process';
import { bin } from './connect.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables that would change what the CLI prints, cleared so that each test says what it sets. */
const neutral = { OPENAPI_MCP_SPEC: '', COLUMNS: '', NO_COLOR: '', FORCE_COLOR: '' };

/** The bin with pipes for stdout and stderr (neither is a terminal). */
export function runBin(args: string[], env: Record<string, string> = {}, options: { input?: string; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...neutral, ...env }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

export const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The bin in a pseudo-terminal `columns` wide. Returns what the terminal showed (stdout and stderr, in
 * order, line ends as \n) unless `stderrToFile` sends stderr elsewhere; `code` is the bin's exit code.
 */
export function runInTerminal(args: string[], options: { columns?: number; env?: Record<string, string>; stderr?: 'terminal' | 'pipe' } = {}): Promise<Ran> {
  const command = [process.execPath, bin, ...args].map(shellQuote).join(' ');
  const stty = `stty cols ${options.columns ?? 80} rows 50`;
  const redirect = options.stderr === 'pipe' ? ' 2>&3' : '';
  return new Promise((resolve, reject) => {
    // script -q: no banner; -e: its exit code is the command's; -c: the command. fd 3 carries stderr out when asked.
    const child = spawn('script', ['-qec', `${stty}; ${command}${redirect}`, '/dev/null'], {
      env: { ...process.env, ...neutral, TERM: 'xterm-256color', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stdout.replace(/\r\n/g, '\n'), stderr }));
    child.stdin.end();
  });
}

/** Text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}
