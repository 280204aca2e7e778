// End to end against Prism on GitHub's 13 MB document: every GET operation, with arguments sampled from
// describe_endpoint's schema, executed through the real server; Prism validates each request against the document.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Catalog } from '../../src/openapi/catalog.js';
import { catalogOf } from '../support/connect.js';
import { problemsOf, startPrism, summarize, sweepOperations, type OperationOutcome, type PrismMisreading, type PrismMock } from '../support/prism.js';
import { realSpecPath } from '../support/real-specs.mjs';

/** Violations that are Prism's reading of GitHub's document, not our request's fault. */
const misreadings: PrismMisreading[] = [
  {
    ids: ['actions/get-workflow', 'actions/list-workflow-runs', 'actions/get-workflow-usage', 'repos/get-pages-deployment'],
    message: /^Request path parameter \w+ must match exactly one schema in oneOf$/,
    reason: 'the id is `oneOf: [integer, string]`; Prism coerces path text, so a number matches both branches (any numeric id fails)',
  },
];

let prism: PrismMock | undefined;
let catalog: Catalog;
let outcomes: OperationOutcome[];

beforeAll(async () => {
  const document = realSpecPath('github');
  // Prism takes ~20 s on this document; read our catalog meanwhile. Assigned as soon as it is up, so afterAll stops it.
  [prism, catalog] = await Promise.all([startPrism(document).then((p) => (prism = p)), catalogOf(document)]);
  const ids = catalog.operations.filter((o) => o.method === 'get').map((o) => o.id);
  const started = performance.now();
  outcomes = await sweepOperations({ catalog, baseUrl: prism.url, ids, fill: 'all', concurrency: 16 });
  console.log(`GitHub: Prism started in ${prism.startupMs} ms; ${ids.length} GET operations swept in ${Math.round(performance.now() - started)} ms`);
  console.log(summarize('GitHub GET (all arguments)', outcomes, misreadings));
}, 240_000);

afterAll(() => prism?.stop());

test('every GET operation of GitHub is sent as the document says', () => {
  expect(prism?.exitStatus(), 'Prism must survive the sweep').toBeUndefined();
  expect(outcomes.length).toBeGreaterThan(600);
  expect(problemsOf(outcomes, misreadings)).toEqual([]);
});
