/** @module The lint command's checks: strict OpenAPI validation plus what matters for serving (servers, ids, refs, media types, schemas). */
import { compileInputSchema } from '../arguments/validate-arguments.js';
import { describeError, SpecLoadError } from '../errors.js';
import { buildCatalog } from './build-catalog.js';
import { inputSchemaOf } from '../schema/input-schema.js';
import { loadReadSpec, readSpec, type LoadSpecOptions } from './load-spec.js';
import { validateStrictly } from './strict-validation.js';
import { summarizeResponses } from '../schema/response-shape.js';

export interface LintFinding {
  level: 'error' | 'warning';
  where: string;
  message: string;
}

const supportedRequestTypes = /^(application\/([\w.+-]*\+)?json|application\/x-www-form-urlencoded|multipart\/form-data|text\/[\w.+-]+|application\/octet-stream)\b/i;

/** Strict validation is always part of lint: `options.validate` is ignored. */
export async function lintSpec(source: string, options: LoadSpecOptions = {}): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  let read;
  let spec;
  try {
    read = await readSpec(source, options);
    spec = await loadReadSpec(read, options);
  } catch (error) {
    return [{ level: 'error', where: source, message: describeError(error) }];
  }
  try {
    await validateStrictly(read.raw, read.reader.root, read.readerOptions, spec);
  } catch (error) {
    if (error instanceof SpecLoadError) findings.push({ level: 'warning', where: 'document', message: describeError(error).replace(/\n/g, ' ') });
    else findings.push({ level: 'error', where: 'document', message: `Strict validation: ${(error as Error).message}` });
  }

  const catalog = buildCatalog(spec);
  for (const warning of catalog.warnings) findings.push({ level: /operationId/.test(warning) ? 'error' : 'warning', where: 'document', message: warning });
  if (!spec.document.servers?.length && !catalog.operations.some((op) => op.servers.length)) {
    findings.push({ level: 'warning', where: 'servers', message: 'No servers are declared: requests need --base-url.' });
  }
  for (const op of catalog.operations) {
    const at = `${op.method.toUpperCase()} ${op.path}`;
    if (!op.operationId) findings.push({ level: 'warning', where: at, message: `No operationId; it is served as "${op.id}".` });
    for (const type of Object.keys(op.requestBody?.content ?? {})) {
      if (!supportedRequestTypes.test(type)) findings.push({ level: 'warning', where: at, message: `Request media type "${type}" is sent as given, without encoding.` });
    }
    const input = inputSchemaOf(op, catalog);
    summarizeResponses(op, catalog);
    for (const problem of new Set([...op.problems, ...input.problems])) findings.push({ level: /\$ref/.test(problem) ? 'error' : 'warning', where: at, message: problem });
    try {
      await compileInputSchema(input.schema);
    } catch (error) {
      findings.push({ level: 'error', where: at, message: `Its input schema does not compile: ${(error as Error).message}` });
    }
  }
  return findings;
}
