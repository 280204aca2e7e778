// A document is input, not trusted code: its refs reach only what its origin may, every read is bounded,
// and YAML aliases cannot make it explode. Loopback servers only: a spec server, and a "forbidden" one that
// records every hit it gets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { describeOperation, renderEndpoint } from '../../src/tools/describe-endpoint.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import { loadSpec, type LoadSpecOptions } from '../../src/openapi/load-spec.js';
import { lintSpec } from '../../src/commands/lint-spec.js';
import { aliasBomb, documentWith, endlessBody } from '../support/hostile.js';
import { startUpstream, type Upstream } from '../support/upstream.js';
import { settings } from '../support/settings.js';

const secret = 'TOPSECRET-FILE-CONTENT';
let dir: string;
let specs: Upstream;
let forbidden: Upstream;
/** What the spec server serves, by path. */
const served = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  writeFileSync(join(dir, 'secret.json'), JSON.stringify({ type: 'string', description: secret, default: 'hunter2' }));
  writeFileSync(join(dir, 'secret.txt'), `${secret} is not JSON {\n`);
  [specs, forbidden] = await Promise.all([startUpstream(), startUpstream()]);
  forbidden.respond((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...documentWith({ taken: { type: 'string', description: 'FORBIDDEN' } }), Pet: { description: 'FORBIDDEN' } }));
  });
  specs.respond((request, response) => {
    const path = request.url.split('?')[0]!;
    if (path === '/endless.json') return endlessBody(response);
    const location = path === '/to-forbidden' ? `${forbidden.url}/schema.json` : path === '/to-file' ? `file://${join(dir, 'secret.json')}` : undefined;
    if (location) {
      response.writeHead(302, { location });
      response.end();
      return;
    }
    const body = served.get(path);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': path.endsWith('.yaml') ? 'application/yaml' : 'application/json' });
    response.end(body ?? 'not found');
  });
});
afterAll(async () => {
  await Promise.all([specs.close(), forbidden.close()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  forbidden.requests.length = 0;
});

/** Serves a document at `path` and returns its URL. */
function serve(path: string, document: unknown): string {
  served.set(path, typeof document === 'string' ? document : JSON.stringify(document));
  return `${specs.url}${path}`;
}

/** The describe text of one operation, as describe_endpoint shows it. */
async function describeText(source: string, id: string, options: Partial<LoadSpecOptions> = {}): Promise<string> {
  const catalog = buildCatalog(await loadSpec(source, settings(options)));
  return renderEndpoint(describeOperation(catalog.find(id)!, catalog));
}

describe('a document from a URL never reads local files', () => {
  test.each([
    ['a file:// ref', `file://${'{dir}'}/secret.json`, 'a document from a URL never reads local files'],
    ['a file:// ref to a file that is not JSON', `file://${'{dir}'}/secret.txt`, 'a document from a URL never reads local files'],
    ['a file:///dev/zero ref', 'file:///dev/zero', 'a document from a URL never reads local files'],
    ['an absolute path, which is a path on the same host', `${'{dir}'}/secret.json`, 'HTTP 404 Not Found: not found, there is no document at that URL'],
  ])('%s: nothing of the file comes back, and the problem says why', async (_name, ref, reason) => {
    const url = serve('/file-ref.json', documentWith({ leak: { $ref: ref.replace('{dir}', dir) } }));
    const text = await describeText(url, 'leak');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('hunter2');
    expect(text).toContain(`used at leak request body (application/json): Cannot `);
    expect(text).toContain(reason);
  });

  test('lint (which also validates strictly) reads no local file either', async () => {
    const url = serve('/lint-file-ref.json', documentWith({ leak: { $ref: `file://${join(dir, 'secret.json')}` } }));
    const findings = JSON.stringify(await lintSpec(url, settings()));
    expect(findings).not.toContain(secret);
    expect(findings).toContain('a document from a URL never reads local files');
  });

  test('a redirect to a file is not followed', async () => {
    const url = serve('/redirect-to-file.json', documentWith({ leak: { $ref: '/to-file' } }));
    const text = await describeText(url, 'leak');
    expect(text).not.toContain(secret);
    expect(text).toContain('it redirects to a file: location, which is never followed');
  });
});

describe('refs and redirects stay where the document may go', () => {
  test('a same-origin ref that redirects to another host is not followed, and that host is never asked', async () => {
    const url = serve('/redirect.json', documentWith({ taken: { $ref: '/to-forbidden' } }));
    const text = await describeText(url, 'taken');
    expect(text).not.toContain('FORBIDDEN');
    expect(text).toContain(
      `Cannot download the OpenAPI document from ${specs.url}/to-forbidden: it redirects to another host (${forbidden.url}), which is not followed`,
    );
    expect(forbidden.requests).toEqual([]);
  });

  test('the document URL itself is not followed to another host', async () => {
    served.delete('/spec');
    const redirecting = `${specs.url}/to-forbidden`;
    await expect(loadSpec(redirecting, settings())).rejects.toThrow(
      `Cannot download the OpenAPI document from ${redirecting}: it redirects to another host (${forbidden.url}), which is not followed`,
    );
    expect(forbidden.requests).toEqual([]);
  });

  test('a ref to another host stays off without --allow-remote-refs', async () => {
    const url = serve('/other-host.json', documentWith({ taken: { $ref: `${forbidden.url}/schema.json#/Pet` } }));
    expect(await describeText(url, 'taken')).toContain(
      `it points to another host (${forbidden.url}) and remote $refs are off; start with --allow-remote-refs to follow them`,
    );
    expect(forbidden.requests).toEqual([]);
  });

  test('with --allow-remote-refs, a local document cannot reach a loopback host, even by a name that resolves to it', async () => {
    const local = join(dir, 'remote-refs.json');
    const port = new URL(forbidden.url).port;
    writeFileSync(
      local,
      JSON.stringify(
        documentWith({
          byAddress: { $ref: `${forbidden.url}/schema.json#/Pet` },
          byName: { $ref: `http://localhost:${port}/schema.json#/Pet` },
          mapped: { $ref: `http://[::ffff:127.0.0.1]:${port}/schema.json#/Pet` },
        }),
      ),
    );
    for (const id of ['byAddress', 'byName', 'mapped']) {
      const text = await describeText(local, id, { allowRemoteRefs: true });
      expect(text).not.toContain('FORBIDDEN');
      expect(text).toMatch(
        /(127\.0\.0\.1 is|localhost resolves to (127\.0\.0\.1|::1),|::ffff:7f00:1 is) a loopback address, and a document from a local file may not reach loopback addresses/,
      );
    }
    expect(forbidden.requests).toEqual([]);
  });

  test('with --allow-remote-refs, a document from a loopback host may use other loopback hosts', async () => {
    const url = serve('/neighbour.json', documentWith({ taken: { $ref: `${forbidden.url}/schema.json#/Pet` } }));
    expect(await describeText(url, 'taken', { allowRemoteRefs: true })).toContain('FORBIDDEN');
    expect(forbidden.requests.map((r) => r.url)).toEqual(['/schema.json']);
  });

  test('a same-origin ref that is missing says it was not found', async () => {
    const url = serve('/missing-ref.json', documentWith({ missing: { $ref: '/nope.json' } }));
    const text = await describeText(url, 'missing');
    expect(text).toContain(
      `Cannot resolve $ref "/nope.json" used at missing request body (application/json): Cannot download the OpenAPI document from ${specs.url}/nope.json: HTTP 404 Not Found: not found, there is no document at that URL`,
    );
    expect(text).not.toContain('remote $refs are off');
  });
});

describe('a local document reads files under its own folder only', () => {
  let apiDir: string;
  beforeAll(() => {
    apiDir = join(dir, 'api');
    mkdirSync(join(dir, 'shared'), { recursive: true });
    mkdirSync(apiDir, { recursive: true });
    writeFileSync(join(dir, 'shared', 'pet.json'), JSON.stringify({ Pet: { type: 'object', description: 'shared pet' } }));
    writeFileSync(
      join(apiDir, 'openapi.json'),
      JSON.stringify(documentWith({ shared: { $ref: '../shared/pet.json#/Pet' }, secret: { $ref: '../secret.json' }, etc: { $ref: '/etc/hostname' } })),
    );
  });

  test('a file above its folder is refused with the flag to allow it; /etc is never reached', async () => {
    const text = await describeText(join(apiDir, 'openapi.json'), 'secret');
    expect(text).not.toContain(secret);
    expect(text).toContain(
      `${join(dir, 'secret.json')} is outside the document's folder (${apiDir}); start with --allow-ref-dir ${dir} to allow reading that folder`,
    );
    expect(await describeText(join(apiDir, 'openapi.json'), 'etc')).toContain("/etc/hostname is outside the document's folder");
  });

  test('--allow-ref-dir adds a folder', async () => {
    const text = await describeText(join(apiDir, 'openapi.json'), 'shared', { allowRefDirs: [join(dir, 'shared')] });
    expect(text).toContain('"description":"shared pet"');
    expect(await describeText(join(apiDir, 'openapi.json'), 'secret', { allowRefDirs: [join(dir, 'shared')] })).toContain("is outside the document's folder");
  });
});

describe('every read is bounded', () => {
  test.each([
    ['file:///dev/zero from a local document', () => join(dir, 'zero.json'), '/dev/zero is a device or system file, which is never read as a document'],
    [
      'an endless same-origin stream',
      () => serve('/endless-ref.json', documentWith({ zero: { $ref: '/endless.json#/x' } })),
      `Cannot download the OpenAPI document from ${'{specs}'}/endless.json: it would take the document and the files it refers to past 67108864 bytes in all (--max-spec-bytes), so it is not read`,
    ],
  ])('%s is refused quickly, saying why', async (_name, source, reason) => {
    writeFileSync(join(dir, 'zero.json'), JSON.stringify(documentWith({ zero: { $ref: 'file:///dev/zero' } })));
    const started = performance.now();
    const text = await describeText(source(), 'zero');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text).toContain(reason.replace('{specs}', specs.url));
  });

  test('--max-spec-bytes bounds the document and what it refers to, together', async () => {
    const big = serve('/big.json', documentWith({ big: { type: 'string', description: 'x'.repeat(5000) } }));
    await expect(loadSpec(big, settings({ maxSpecBytes: 1000 }))).rejects.toThrow(
      `Cannot download the OpenAPI document from ${big}: it is larger than 1000 bytes (--max-spec-bytes), so it is not read`,
    );
    const local = join(dir, 'big.json');
    writeFileSync(local, served.get('/big.json')!);
    await expect(loadSpec(local, settings({ maxSpecBytes: 1000 }))).rejects.toThrow(
      `Cannot read the OpenAPI document ${local}: it is larger than 1000 bytes (--max-spec-bytes)`,
    );
    const referring = serve('/refers-to-big.json', documentWith({ small: { $ref: '/big.json#/paths' } }));
    const limit = served.get('/refers-to-big.json')!.length + 1000;
    expect(await describeText(referring, 'small', { maxSpecBytes: limit })).toContain(
      `${big}: it would take the document and the files it refers to past ${limit} bytes in all (--max-spec-bytes), so it is not read`,
    );
  });
});

describe('YAML aliases cannot make a document explode', () => {
  test('an alias bomb is refused at load, naming the limit', async () => {
    const file = join(dir, 'bomb.yaml');
    writeFileSync(file, aliasBomb());
    const started = performance.now();
    await expect(loadSpec(file, settings())).rejects.toThrow(
      /bomb\.yaml uses YAML aliases that make it more than \d+ characters long written out \(at #\/x-bomb\/l\d\/properties\), over the limit of twice its size plus 10000000/,
    );
    await expect(loadSpec(serve('/bomb.yaml', aliasBomb()), settings())).rejects.toThrow('uses YAML aliases');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('an alias bomb in a file a ref points to is refused where the ref is used', async () => {
    writeFileSync(join(dir, 'bomb-part.yaml'), aliasBomb());
    const file = join(dir, 'refers-to-bomb.json');
    writeFileSync(file, JSON.stringify(documentWith({ boom: { $ref: './bomb-part.yaml#/x-bomb/l9' } })));
    const started = performance.now();
    const text = await describeText(file, 'boom');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text).toMatch(
      /Cannot resolve \$ref "\.\/bomb-part\.yaml#\/x-bomb\/l9" used at boom request body \(application\/json\): .*bomb-part\.yaml uses YAML aliases that make it more than \d+ characters long written out/,
    );
  });

  test('an alias inside the node it refers to is refused', async () => {
    const file = join(dir, 'cycle.yaml');
    writeFileSync(file, 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-loop: &loop\n  again: *loop\n');
    await expect(loadSpec(file, settings())).rejects.toThrow('has a YAML alias inside the node it refers to (at #/x-loop/again), which never ends');
  });

  test('a few shared aliases are fine', async () => {
    const file = join(dir, 'anchors.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'x-shared:',
        '  id: &id {type: integer, minimum: 1}',
        'paths:',
        '  /a:',
        '    post:',
        '      operationId: a',
        '      requestBody: {content: {application/json: {schema: {type: object, properties: {x: *id, y: *id}}}}}',
        "      responses: {'200': {description: ok}}",
        '',
      ].join('\n'),
    );
    expect(await describeText(file, 'a')).toContain('"x":{"type":"integer","minimum":1},"y":{"type":"integer","minimum":1}');
  });

  test('YAML nested deeper than 256 levels is refused as it is parsed, naming where', async () => {
    const yaml = join(dir, 'deep.yaml');
    writeFileSync(yaml, `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${'['.repeat(300)}${']'.repeat(300)}\n`);
    await expect(loadSpec(yaml, settings())).rejects.toThrow(/deep\.yaml is nested more than 256 levels deep at line 4, column \d+; no API needs that/);
  });
});

describe('deep JSON documents', () => {
  const deepSchemaText = (levels: number) => `${'{"type":"object","properties":{"a":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
  const deepSchema = (levels: number) => JSON.parse(deepSchemaText(levels)) as unknown;

  test('a schema nested 3,000 levels is served: expanded 24 levels, the rest named as not expanded', async () => {
    const file = join(dir, 'deep-schema.json');
    // Written as text: JSON.stringify itself cannot go 6,000 levels deep.
    writeFileSync(file, JSON.stringify(documentWith({ deep: '@deep' })).replace('"@deep"', deepSchemaText(3000)));
    const text = await describeText(file, 'deep');
    expect(text).toContain('"description":"Nested more than 24 levels deep: not expanded here; any value is accepted."');
    expect(text).toMatch(
      /problems in the document: The schema at deep request body \(application\/json\)\.properties\.a[^\n]{0,300} nests inline schemas more than 24 levels deep; below that any value is accepted\./,
    );
  });

  test('a Swagger 2.0 document nested past 256 levels is refused before it is converted, naming where', async () => {
    const file = join(dir, 'deep-swagger.json');
    writeFileSync(file, JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {}, definitions: { Deep: deepSchema(200) } }));
    await expect(loadSpec(file, settings())).rejects.toThrow(
      /deep-swagger\.json is nested more than 256 levels deep \(at #\/definitions\/Deep\/properties\/a\/properties\/a\/…\(\d+ more\)…\/properties\/a\/properties\/a\); no API needs that/,
    );
  });

  test('lint reports a JSON document nested past 256 levels instead of validating it', async () => {
    const file = join(dir, 'deep-lint.json');
    writeFileSync(file, JSON.stringify(documentWith({ deep: deepSchema(200) })));
    const findings = await lintSpec(file, settings());
    expect(findings).toContainEqual(
      expect.objectContaining({ level: 'warning', where: 'document', message: expect.stringMatching(/deep-lint\.json is nested more than 256 levels deep/) }),
    );
  });
});

describe('parse errors do not quote what was read', () => {
  test.each([
    ['JSON', '{"a": TOPSECRET-FILE-CONTENT}', /Cannot parse .*broken\.json as JSON near line 1: unexpected character\./],
    [
      'JSON with a position',
      '{"a": 1\n  "TOPSECRET-FILE-CONTENT": 2}',
      /Cannot parse .*broken\.json as JSON at line 2, column 3: Expected ',' or '}' after property value\./,
    ],
  ])('%s', async (_name, text, want) => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, text);
    const error = await loadSpec(file, settings()).catch((e: Error) => e);
    expect((error as Error).message).toMatch(want);
    expect((error as Error).message).not.toContain(secret);
  });
});

describe('response keys are data', () => {
  test('a response key that reads as a pattern neither throws nor backtracks, and a real status is stripped from its description', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'hostile', version: '1' },
      paths: {
        '/things': {
          get: {
            operationId: 'things',
            responses: {
              '200': { description: '200 Success - Things' },
              '(a+)+$': { description: `${'a'.repeat(40)}!` },
              '(': { description: 'open' },
            },
          },
        },
      },
    };
    const file = join(dir, 'response-keys.json');
    writeFileSync(file, JSON.stringify(document));
    const started = performance.now();
    const text = await describeText(file, 'things');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(text).toContain('200 Success - Things');
    expect(text).not.toContain('200 200');
    expect(text).toContain(`(a+)+$ ${'a'.repeat(40)}!`);
  });
});
