/** @module `lint <spec>`: strict validation plus serving checks, as text or one JSON document; exit 1 on errors. */
import type { Config } from '../config.js';
import { lintSpec } from './lint-spec.js';
import { terminalProgress } from '../terminal/terminal-progress.js';
import { colorEnabled, createStyle } from '../terminal/terminal.js';

/** Returns the exit code: 1 when there are errors. */
export async function runLint(config: Config, json: boolean): Promise<number> {
  const findings = await lintSpec(config.spec, { ...config, progress: terminalProgress() });
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  if (json) {
    process.stdout.write(`${JSON.stringify({ spec: config.spec, errors, warnings, findings }, null, 2)}\n`);
  } else {
    const style = createStyle(colorEnabled(process.stdout));
    for (const f of findings)
      process.stdout.write(`${(f.level === 'error' ? style.red : style.yellow)(f.level.padEnd(7))} ${style.bold(`${f.where}:`)} ${f.message}\n`);
    process.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  }
  return errors ? 1 : 0;
}
