/** @module `lint <spec>`: strict validation plus serving checks; returns the number of errors. */
import type { Config } from '../config.js';
import { lintSpec } from '../spec/lint-spec.js';
import { specOptions } from '../spec/load-spec.js';

export async function runLint(config: Config): Promise<number> {
  const findings = await lintSpec(config.spec, specOptions(config));
  for (const f of findings) process.stdout.write(`${f.level.padEnd(7)} ${f.where}: ${f.message}\n`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  process.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  return errors;
}
