// The real bin against hostile documents: the alias bomb and endless reads are refused in under 10 s and
// 600 MB (each process's own peak memory, reported as it exits), by lint, describe and the server alike.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aliasBomb, documentWith, endlessBody, runBinMeasured, serveAndCallMeasured } from './support/hostile.js';
import { startUpstream, type Upstream } from './support/upstream.js';

const seconds = 10;
const megabytes = 600;
let dir: string;
let specs: Upstream;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
  writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
  writeFileSync(join(dir, 'zero.json'), JSON.stringify(documentWith({ zero: { $ref: 'file:///dev/zero' } })));
  specs = await startUpstream();
  specs.respond((request, response) => {
    if (request.url === '/endless.json') return endlessBody(response);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(documentWith({ endless: { $ref: '/endless.json#/x' } })));
  });
});
afterAll(async () => {
  await specs.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an alias bomb', () => {
  const refused =
    /bomb\.yaml uses YAML aliases that make it more than \d+ characters long written out \(at #\/x-bomb\/l\d\/properties\), over the limit of twice its size plus 10000000; it is not loaded\./;

  test.each([
    ['lint', () => ['lint', join(dir, 'bomb.yaml')], 'stdout'],
    ['describe', () => ['describe', join(dir, 'bomb.yaml'), 'boom'], 'stderr'],
  ] as const)('%s refuses it quickly, naming the limit', async (_name, args, stream) => {
    const run = await runBinMeasured(args(), { limitMb: 2 * megabytes, limitSeconds: 3 * seconds });
    expect(run.killed).toBeUndefined();
    expect(run.code).toBe(1);
    expect(run[stream]).toMatch(refused);
    expect(run.seconds).toBeLessThan(seconds);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(megabytes);
  });

  test('the server refuses to start on it quickly, naming the limit', async () => {
    const run = await serveAndCallMeasured(
      [join(dir, 'bomb.yaml')],
      'describe_endpoint',
      { ids: ['boom'] },
      { limitMb: 2 * megabytes, limitSeconds: 3 * seconds },
    );
    expect(run.killed).toBeUndefined();
    expect(run.result).toBeUndefined();
    expect(run.stderr).toMatch(refused);
    expect(run.seconds).toBeLessThan(seconds);
    expect(run.peakMb).toBeLessThan(megabytes);
  });
});

describe('endless refs', () => {
  test('file:///dev/zero is refused by name, by the server', async () => {
    const run = await serveAndCallMeasured(
      [join(dir, 'zero.json')],
      'describe_endpoint',
      { ids: ['zero'] },
      { limitMb: 2 * megabytes, limitSeconds: 3 * seconds },
    );
    expect(run.killed).toBeUndefined();
    expect(JSON.stringify(run.result)).toContain('/dev/zero is a device or system file, which is never read as a document');
    expect(run.seconds).toBeLessThan(seconds);
    expect(run.peakMb).toBeLessThan(megabytes);
  });

  test('an endless remote stream stops at --max-spec-bytes, in describe', async () => {
    const run = await runBinMeasured(['describe', `${specs.url}/openapi.json`, 'endless'], { limitMb: 2 * megabytes, limitSeconds: 3 * seconds });
    expect(run.killed).toBeUndefined();
    expect(run.stdout).toContain(
      `Cannot download the OpenAPI document from ${specs.url}/endless.json: it would take the document and the files it refers to past 67108864 bytes in all (--max-spec-bytes), so it is not read`,
    );
    expect(run.seconds).toBeLessThan(seconds);
    expect(run.peakMb).toBeLessThan(megabytes);
  });
});

describe('the flags of the trust boundary', () => {
  test('--allow-ref-dir takes an existing folder, and OPENAPI_MCP_ALLOW_REF_DIR does the same', async () => {
    const missing = await runBinMeasured(['describe', join(dir, 'zero.json'), 'zero', '--allow-ref-dir', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--allow-ref-dir "${join(dir, 'nowhere')}" is not a folder.`);
    const shared = join(dir, 'shared');
    const api = join(dir, 'api');
    mkdirSync(shared, { recursive: true });
    mkdirSync(api, { recursive: true });
    writeFileSync(join(shared, 'pet.json'), JSON.stringify({ type: 'string', description: 'from the shared folder' }));
    writeFileSync(join(api, 'openapi.json'), JSON.stringify(documentWith({ pet: { $ref: '../shared/pet.json' } })));
    const refused = await runBinMeasured(['describe', join(api, 'openapi.json'), 'pet']);
    expect(refused.stdout).toContain(`is outside the document's folder (${api}); start with --allow-ref-dir ${shared} to allow reading that folder`);
    const byFlag = await runBinMeasured(['describe', join(api, 'openapi.json'), 'pet', '--allow-ref-dir', shared]);
    expect(byFlag.stdout).toContain('from the shared folder');
    const byEnv = await runBinMeasured(['describe', join(api, 'openapi.json'), 'pet'], { env: { OPENAPI_MCP_ALLOW_REF_DIR: shared } });
    expect(byEnv.stdout).toContain('from the shared folder');
  });

  test('--max-spec-bytes and OPENAPI_MCP_MAX_SPEC_BYTES bound the document', async () => {
    const flag = await runBinMeasured(['describe', join(dir, 'zero.json'), 'zero', '--max-spec-bytes', '100']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('it is larger than 100 bytes (--max-spec-bytes), so it is not read');
    expect(flag.stderr).toContain('Raise --max-spec-bytes (OPENAPI_MCP_MAX_SPEC_BYTES) if the document really is that large.');
    const env = await runBinMeasured(['describe', join(dir, 'zero.json'), 'zero'], { env: { OPENAPI_MCP_MAX_SPEC_BYTES: '100' } });
    expect(env.stderr).toContain('it is larger than 100 bytes');
  });
});
