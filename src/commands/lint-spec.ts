/** @module The lint command's checks: strict OpenAPI validation plus what matters for serving (servers, ids, refs, media types, schemas). */
import { compileInputSchema } from '../arguments/validate-arguments.js';
import { describeError, SpecLoadError } from '../errors.js';
import { resolveBaseUrl } from '../http/base-url.js';
import { noProgress } from '../progress.js';
import { buildCatalog } from '../openapi/build-catalog.js';
import type { Catalog } from '../openapi/catalog.js';
import { displayLocation } from '../openapi/document-reader.js';
import type { ServerObject } from '../openapi/openapi-types.js';
import { inputSchemaOf } from '../arguments/input-schema.js';
import { loadReadSpec, readSpec, type LoadSpecOptions } from '../openapi/load-spec.js';
import { validateStrictly } from '../openapi/strict-validation.js';
import { summarizeResponses } from '../schema/response-shape.js';

export interface LintFinding {
  level: 'error' | 'warning';
  where: string;
  message: string;
}

const supportedRequestTypes =
  /^(application\/([\w.+-]*\+)?json|application\/x-www-form-urlencoded|multipart\/form-data|text\/[\w.+-]+|application\/octet-stream)\b/i;

/** Strict validation is always part of lint: `options.validate` is ignored. */
export async function lintSpec(source: string, options: LoadSpecOptions): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  let read;
  let spec;
  try {
    read = await readSpec(source, options);
    spec = await loadReadSpec(read, options);
  } catch (error) {
    return [{ level: 'error', where: source, message: describeError(error) }];
  }
  const progress = options.progress ?? noProgress;
  const validating = progress.start(`Validating ${displayLocation(spec.url)} strictly`);
  try {
    await validateStrictly(read.raw, read.reader.root, read.readerOptions, spec);
  } catch (error) {
    if (error instanceof SpecLoadError) findings.push({ level: 'warning', where: 'document', message: describeError(error).replace(/\n/g, ' ') });
    else findings.push({ level: 'error', where: 'document', message: `Strict validation: ${describeError(error)}` });
  } finally {
    validating.end();
  }

  const catalog = buildCatalog(spec);
  for (const warning of catalog.warnings) findings.push({ level: /operationId/.test(warning) ? 'error' : 'warning', where: 'document', message: warning });
  findings.push(...serverFindings(catalog));
  const checking = progress.start(`Checking ${catalog.operations.length} operations`);
  let checked = 0;
  for (const op of catalog.operations) {
    checking.update(`${checked++} done`);
    const at = `${op.method.toUpperCase()} ${op.path}`;
    if (!op.operationId) findings.push({ level: 'warning', where: at, message: `No operationId; it is served as "${op.id}".` });
    for (const type of Object.keys(op.requestBody?.content ?? {})) {
      if (!supportedRequestTypes.test(type))
        findings.push({ level: 'warning', where: at, message: `Request media type "${type}" is sent as given, without encoding.` });
    }
    const input = inputSchemaOf(op, catalog);
    summarizeResponses(op, catalog);
    for (const problem of new Set([...op.problems, ...input.problems]))
      findings.push({ level: /\$ref/.test(problem) ? 'error' : 'warning', where: at, message: problem });
    try {
      await compileInputSchema(input.schema);
    } catch (error) {
      findings.push({ level: 'error', where: at, message: `Its input schema does not compile: ${describeError(error)}` });
    }
  }
  checking.end();
  return findings;
}

/**
 * Whether requests have somewhere to go without --base-url: no servers, a relative server URL in a
 * local file, or a variable without a default leave every call failing until --base-url is given.
 */
function serverFindings(catalog: Catalog): LintFinding[] {
  const { document, url } = catalog.spec;
  if (!document.servers?.length && !catalog.operations.some((op) => op.servers.length)) {
    return [{ level: 'warning', where: 'servers', message: 'No servers are declared: requests need --base-url.' }];
  }
  const findings = new Map<string, LintFinding>();
  const lists = new Set<readonly ServerObject[]>([document.servers ?? [], ...catalog.operations.map((op) => op.servers)]);
  for (const servers of lists) {
    if (!servers.length) continue;
    try {
      resolveBaseUrl(servers, url);
    } catch (error) {
      const message = `${describeError(error).split('\n')[0]} Every call fails until --base-url (or OPENAPI_MCP_BASE_URL) is given.`;
      findings.set(message, { level: 'warning', where: 'servers', message });
    }
  }
  return [...findings.values()];
}
