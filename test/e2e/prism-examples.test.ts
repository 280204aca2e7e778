// End to end against Prism: every operation of ReadMe's OpenAPI example documents, with arguments sampled from
// describe_endpoint's schema, executed through the real server; Prism validates each request against the document.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogOf, root } from '../support/connect.js';
import {
  credentialsFor,
  patchedCopy,
  problemsOf,
  recordingFetch,
  startPrism,
  summarize,
  sweepOperations,
  violationsOf,
  type OperationOutcome,
  type PrismMisreading,
  type PrismMock,
} from '../support/prism.js';

const examples = join(root, 'node_modules', '@readme', 'oas-examples');

interface ExampleCase {
  /** Path inside @readme/oas-examples. */
  file: string;
  /** Applied to a copy that both Prism and our server read, where Prism reads the document differently. */
  patch?: (spec: Record<string, unknown>) => void;
  /** Operations not executed at all, because the request makes Prism crash. */
  prismCrashes?: { ids: string[]; reason: string };
  /** Default both: every argument, then only the required ones. */
  fills?: { only: 'all' | 'required'; reason: string };
  /** Violations that are Prism's reading, not our request's fault. */
  prismMisreadings?: PrismMisreading[];
  /** Features our server does not implement yet: expected to fail until they are. */
  notImplemented?: { ids: string[]; reason: string }[];
}

const styleCrashes = {
  ids: [
    'paths_standard',
    'paths_matrix_nonExploded',
    'paths_matrix_exploded',
    'paths_label_nonExploded',
    'paths_label_exploded',
    'paths_simple_nonExploded',
    'paths_simple_exploded',
    'query_spaceDelimited_nonExploded',
    'query_pipeDelimited_nonExploded',
    'formData_spaceDelimited_nonExploded',
  ],
  reason: 'Prism 5.16 crashes (TypeError in its deserializers) on array/object path parameters and on spaceDelimited/pipeDelimited objects',
};
const styleCrashes31 = {
  ids: [...styleCrashes.ids, 'form_data_pipeDelimited_nonExploded'],
  reason: `${styleCrashes.reason}, and on a pipeDelimited object part, which an OpenAPI 3.1 multipart body sends by its style`,
};
const styleFills = { only: 'all', reason: 'Prism 5.16 crashes when an optional array or object header is absent' } as const;
const multipartStyleMisreading: PrismMisreading = {
  ids: ['formData_standard', 'form_data_form_exploded', 'formData_form_nonExploded', 'form_data_pipeDelimited_nonExploded', 'form_data_deepObject_exploded'],
  message: /^Request body property (array must be array|object must be object)$|^Reserved characters used in request body$/,
  reason: 'Prism keeps only the last of repeated multipart parts, does not parse JSON parts, and rejects "," or "{" in a part as if it were urlencoded',
};

// OpenAPI 3.1 sends the exploded and deepObject parts by their style, which Prism reads; it still misreads the rest.
const multipartStyleMisreading31: PrismMisreading = { ...multipartStyleMisreading, ids: ['formData_standard', 'formData_form_nonExploded'] };

const cases: ExampleCase[] = [
  {
    file: '2.0/json/petstore.json',
    // Prism accepts no body at all for a Swagger 2.0 body parameter without `consumes`; we send JSON, as swagger2openapi assumes.
    patch: (spec) => (spec.consumes = ['application/json']),
  },
  { file: '3.0/json/petstore.json' },
  { file: '3.1/json/petstore.json' },
  { file: '3.0/json/parameters-common.json' },
  { file: '3.0/json/parameters-cookies.json' },
  { file: '3.0/json/parameters-style.json', prismCrashes: styleCrashes, fills: styleFills, prismMisreadings: [multipartStyleMisreading] },
  { file: '3.1/json/parameters-style.json', prismCrashes: styleCrashes31, fills: styleFills, prismMisreadings: [multipartStyleMisreading31] },
  { file: '3.0/json/form-data.json' },
  {
    file: '3.0/json/file-uploads.json',
    prismMisreadings: [
      {
        ids: ['PUT /anything/multipart-formdata'],
        message: /^Request body property filename must be array$/,
        reason: 'Prism keeps only the last of repeated multipart parts',
      },
    ],
  },
  {
    file: '3.0/json/schema-encoding-style.json',
    prismMisreadings: [
      {
        ids: ['encoding_form'],
        message: /^Reserved characters used in request body$/,
        reason: 'Prism applies encoding.style to multipart, which OpenAPI 3.0.3 says to ignore there; the object goes as a JSON part',
      },
    ],
  },
  { file: '3.1/json/schema-encoding-style.json' },
  {
    file: '3.0/json/security-multiple.json',
    prismMisreadings: [
      {
        ids: ['POST /anything/and'],
        message: /^Invalid security scheme used$/,
        reason: 'basic AND oauth2 both need the one Authorization header: no request can satisfy it',
      },
    ],
  },
  { file: '3.0/json/security.json' },
  { file: '3.1/json/security.json' },
  { file: '3.1/json/train-travel.json' },
];

interface CaseRun {
  outcomes: OperationOutcome[];
  /** Set when Prism was not alive after the sweep. */
  prismExit?: string;
}

const runs = new Map<string, CaseRun>();
const running = new Set<PrismMock>();

async function runCase(c: ExampleCase): Promise<CaseRun> {
  const original = join(examples, c.file);
  const document = c.patch ? await patchedCopy(original, c.patch) : original;
  // Registered as soon as it is up, so afterAll stops it even if reading the catalog fails.
  const started = startPrism(document).then((p) => (running.add(p), p));
  const [prism, catalog] = await Promise.all([started, catalogOf(document)]).catch(async (error: unknown) => {
    await started.then(
      (p) => p.stop(),
      () => undefined,
    );
    throw error;
  });
  try {
    const crashes = new Set(c.prismCrashes?.ids ?? []);
    const ids = catalog.operations.map((o) => o.id).filter((id) => !crashes.has(id));
    const outcomes: OperationOutcome[] = [];
    for (const fill of c.fills ? [c.fills.only] : (['all', 'required'] as const)) {
      const swept = await sweepOperations({ catalog, baseUrl: prism.url, ids, fill, server: { credentials: credentialsFor(catalog) } });
      console.log(summarize(`${c.file} (${fill} arguments)`, swept, c.prismMisreadings));
      outcomes.push(...swept);
    }
    const run: CaseRun = { outcomes };
    const exit = prism.exitStatus();
    if (exit) run.prismExit = `${exit}\n${prism.output().slice(-2_000)}`;
    console.log(
      `${c.file}: Prism started in ${prism.startupMs} ms; ${ids.length} of ${catalog.operations.length} operations executed${c.fills ? ` with ${c.fills.only} arguments only (${c.fills.reason})` : ' twice'}${crashes.size ? `; ${crashes.size} left out (${c.prismCrashes!.reason})` : ''}`,
    );
    return run;
  } finally {
    await prism.stop();
    running.delete(prism);
    if (document !== original) await rm(dirname(document), { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const queue = [...cases];
  // Two Prism processes at once: each takes 2-3 s of CPU to start and ~150 MB.
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) runs.set(c.file, await runCase(c));
    }),
  );
}, 300_000);

afterAll(async () => {
  await Promise.all([...running].map((p) => p.stop()));
});

function outcomesFor(file: string, filter: (id: string) => boolean): OperationOutcome[] {
  const run = runs.get(file);
  if (!run) throw new Error(`${file} did not run; see the beforeAll error.`);
  return run.outcomes.filter((o) => filter(o.id));
}

describe.each(cases)('$file against Prism', (c) => {
  const pending = new Set((c.notImplemented ?? []).flatMap((n) => n.ids));

  test('every supported operation is sent as the document says, with every argument and with only the required ones', () => {
    const run = runs.get(c.file);
    expect(run?.prismExit, 'Prism must survive the sweep').toBeUndefined();
    expect(run?.outcomes.length).toBeGreaterThan(0);
    expect(
      problemsOf(
        outcomesFor(c.file, (id) => !pending.has(id)),
        c.prismMisreadings,
      ),
    ).toEqual([]);
  });

  for (const gap of c.notImplemented ?? []) {
    test.fails(`not implemented yet: ${gap.reason}`, () => {
      expect(
        problemsOf(
          outcomesFor(c.file, (id) => gap.ids.includes(id)),
          c.prismMisreadings,
        ),
      ).toEqual([]);
    });
  }
});

/** The last multipart body sent for an operation (with every argument), as it went over the wire. */
function multipartBody(file: string, id: string): string {
  const outcome = outcomesFor(file, (i) => i === id).find((o) => o.exchanges.length);
  return outcome?.exchanges.at(-1)?.request.body ?? '';
}

// Prism cannot judge multipart parts (see multipartStyleMisreading), so these read the parts we sent.
describe('multipart parts as a server framework reads them', () => {
  test('a `format: binary` property given as text goes as a file part (filename, application/octet-stream)', () => {
    expect(multipartBody('3.0/json/file-uploads.json', 'POST /anything/multipart-formdata')).toMatch(
      /name="documentFile"; filename="[^"]+"\r\nContent-Type: application\/octet-stream\r\n/,
    );
  });

  test('an object property goes as a JSON field, without the filename="blob" that makes it a file', () => {
    const body = multipartBody('3.0/json/parameters-style.json', 'formData_standard');
    expect(body).toMatch(/name="object"\r\nContent-Type: application\/json\r\n/);
    expect(body).not.toContain('filename=');
  });

  test('OpenAPI 3.1 applies encoding.style to multipart: an object with style form goes one part per property', () => {
    const body = multipartBody('3.1/json/schema-encoding-style.json', 'encoding_form');
    expect(body).toMatch(/name="foo"\r\n\r\n/);
    expect(body).toMatch(/name="bar"\r\n\r\n/);
    expect(body).not.toContain('name="object"');
  });

  test('sanity: the parts checked above were sent', () => {
    expect(multipartBody('3.0/json/file-uploads.json', 'POST /anything/multipart-formdata')).toContain('name="documentFile"');
    expect(multipartBody('3.0/json/parameters-style.json', 'formData_standard')).toContain('name="object"');
    expect(multipartBody('3.1/json/schema-encoding-style.json', 'encoding_form')).toContain('name="primitive"');
  });
});

describe('the Prism harness', () => {
  let prism: PrismMock;
  beforeAll(async () => {
    prism = await startPrism(join(examples, '3.0/json/petstore.json'));
  });
  afterAll(() => prism?.stop());

  test('sees the violations of a request that breaks the document', async () => {
    const recorder = recordingFetch();
    await recorder.fetch(`${prism.url}/user/login?username=ann`, { method: 'GET' });
    await recorder.fetch(`${prism.url}/store/order`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"quantity":"many"}' });
    await recorder.fetch(`${prism.url}/pet/7`, { method: 'GET' });
    await recorder.fetch(`${prism.url}/no/such/path`, { method: 'GET' });
    const messages = recorder.exchanges.map((e) => violationsOf(e).map((v) => v.message));
    expect(messages[0]).toContain("Request query must have required property 'password'");
    expect(messages[1]).toContain('Request body property quantity must be integer');
    expect(messages[2]).toContain('Invalid security scheme used');
    expect(messages[3]?.[0]).toMatch(/^Route not resolved, no path matched/);
  });

  test('a document Prism cannot read fails to start with its output in the error', async () => {
    const broken = await patchedCopy(join(examples, '3.0/json/petstore.json'), (spec) => {
      delete spec.openapi;
      delete spec.paths;
    });
    await expect(startPrism(broken, { timeoutMs: 30_000 })).rejects.toThrow(/Prism mock for .* (exited|did not answer)[\s\S]*Its output:/);
    await rm(dirname(broken), { recursive: true, force: true });
  });
});
