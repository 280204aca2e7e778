import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bin, sample } from './support/connect.js';
import { realSpecPath } from './support/real-specs.mjs';
import { runBin, runInTerminal, stripAnsi } from './support/run-bin.js';
import { startUpstream } from './support/upstream.js';

const github = realSpecPath('github');
const escape = '\x1b[';

/** Rows of a list table (without the header and the count line). */
const rowsOf = (text: string) => stripAnsi(text).trimEnd().split('\n').slice(1, -1);

describe('list in a terminal', () => {
  test('fits the terminal width: long cells end with an ellipsis, ids and methods stay whole', async () => {
    const ids = (
      JSON.parse((await runBin(['list', github, 'pull request review', '--limit', '15', '--json'])).stdout) as { endpoints: { id: string; method: string }[] }
    ).endpoints;
    const { code, stdout } = await runInTerminal(['list', github, 'pull request review', '--limit', '15'], { columns: 100 });
    expect(code).toBe(0);
    const lines = stripAnsi(stdout).trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    const rows = rowsOf(stdout);
    expect(rows).toHaveLength(15);
    rows.forEach((row, i) => expect(row).toMatch(new RegExp(`^${ids[i]!.id.replace(/[/.]/g, '\\$&')}\\s+${ids[i]!.method}\\s`)));
    expect(rows.some((row) => row.includes('…'))).toBe(true);
    // Every column keeps some of its text: the summary is cut, not dropped.
    for (const row of rows) expect(row.split(/\s{2,}/).length).toBe(4);
  });

  test('COLUMNS sets the width, also when piped; without it a pipe gets whole lines', async () => {
    const narrow = await runBin(['list', github, 'pull request review', '--limit', '15'], { COLUMNS: '80' });
    for (const line of narrow.stdout.trimEnd().split('\n').slice(1, -1)) expect(line.startsWith('pulls/') ? [...line].length : 0).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toContain('…');
    const whole = await runBin(['list', github, 'pull request review', '--limit', '15']);
    expect(whole.stdout).not.toContain('…');
    expect(Math.max(...whole.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(100);
  });

  test('colour on a terminal only, and not with NO_COLOR', async () => {
    expect((await runInTerminal(['list', sample])).stdout).toContain(escape);
    expect((await runInTerminal(['list', sample], { env: { NO_COLOR: '1' } })).stdout).not.toContain(escape);
    expect((await runBin(['list', sample])).stdout).not.toContain(escape);
  });
});

describe('describe in a terminal', () => {
  test('parameters as a table with wrapped descriptions, the body as an indented outline, within the width', async () => {
    const { code, stdout } = await runInTerminal(['describe', github, 'issues/create'], { columns: 80 });
    expect(code).toBe(0);
    const text = stripAnsi(stdout);
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^ {2}NAME +IN +TYPE +REQUIRED +DESCRIPTION$/m);
    expect(text).toMatch(/^ {2}owner +path +string +yes +The account owner of the repository\./m);
    expect(text).toMatch(/^Body \(application\/json, required\): object$/m);
    expect(text).toMatch(/^ {2}title: string \| integer \(required\) - The title of the issue\.$/m);
    expect(text).toMatch(/^ {2}labels: array of string \| object - Labels to associate/m);
    expect(text).toMatch(/^ {4}one of, option 2: object\n {6}id: integer\n {6}name: string$/m);
    expect(text).toMatch(/^Auth: none$/m);
    expect(text).toMatch(/^ {2}201 +Response \(application\/json\)$/m);
    // People's words, not the model's.
    expect(text).not.toMatch(/execute_endpoint|arguments schema|\{"type":"object"/);
  });
});

describe('call in a terminal', () => {
  test('indents a JSON body on a terminal; --raw prints it as received', async () => {
    const upstream = await startUpstream();
    try {
      upstream.respond((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id":5,"name":"Rex"}');
      });
      const pretty = await runInTerminal(['call', sample, 'getPetById', '--args', '{"petId": 5}', '--base-url', upstream.url], { env: { NO_COLOR: '1' } });
      expect(pretty.stdout).toContain('HTTP 200 OK from GET /pet/5 (application/json, 21 B)\n{\n  "id": 5,\n  "name": "Rex"\n}\n');
      const raw = await runInTerminal(['call', sample, 'getPetById', '--args', '{"petId": 5}', '--base-url', upstream.url, '--raw'], { stderr: 'pipe' });
      expect(raw.stdout).toBe('{"id":5,"name":"Rex"}');
    } finally {
      await upstream.close();
    }
  });
});

describe('progress of slow steps', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const body = readFileSync(sample);
    // Sends the document in pieces over about 1.5 seconds.
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/yaml', 'content-length': body.length });
      let at = 0;
      const timer = setInterval(() => {
        response.write(body.subarray(at, (at += Math.ceil(body.length / 6))));
        if (at >= body.length) {
          clearInterval(timer);
          response.end();
        }
      }, 250);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a slow download says what it is doing on a terminal, and the line is erased when done', async () => {
    const { code, stdout } = await runInTerminal(['list', url, '--limit', '1'], { env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Fetching ${url.replace(/[.?]/g, '\\$&')}\\.\\.\\. \\d+ kB of 12 kB`));
    expect(stdout).toContain('\r\x1b[K');
    expect(stdout).toMatch(/updatePet/);
  });

  test('nothing is said when stderr is not a terminal', async () => {
    const { code, stderr } = await runBin(['list', url, '--limit', '1']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  test('the stdio server says it in its log while it starts, as JSON lines since stderr is not a terminal', async () => {
    const child = spawn(process.execPath, [bin, url], { env: { ...process.env, OPENAPI_MCP_SPEC: '' } });
    let stderr = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Serving')) resolve();
        });
        child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
      });
    } finally {
      child.kill();
    }
    const records = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(records).toContainEqual(expect.objectContaining({ level: 'info', msg: `Fetching ${url}...` }));
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'info', msg: expect.stringMatching(new RegExp(`^Fetching ${url.replace(/[.?]/g, '\\$&')}: done in \\d+\\.\\d s\\.$`)) }),
    );
  });

  test('lint of a large document says what it is checking on a terminal', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'odm-lint-'));
    try {
      const paths: Record<string, unknown> = {};
      // Big enough that checking it takes seconds (about 0.4 ms an operation), so the step is slow on any machine.
      const thing = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } };
      for (let i = 0; i < 6000; i++) {
        paths[`/things${i}/{id}`] = {
          put: {
            operationId: `putThing${i}`,
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
            requestBody: thing,
            responses: { 200: { description: 'OK', ...thing } },
          },
        };
      }
      const schemas = {
        Thing: {
          type: 'object',
          required: ['name'],
          properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 100 }, tags: { type: 'array', items: { type: 'string' } } },
        },
      };
      const file = join(folder, 'many.json');
      writeFileSync(
        file,
        JSON.stringify({ openapi: '3.0.3', info: { title: 'Many', version: '1' }, servers: [{ url: 'https://x.test' }], paths, components: { schemas } }),
      );
      const { code, stdout } = await runInTerminal(['lint', file], { env: { NO_COLOR: '1' } });
      expect(code).toBe(0);
      expect(stdout).toMatch(/(Validating .*many\.json strictly|Checking 6000 operations)\.\.\./);
      expect(stdout).toContain('0 errors, 0 warnings.');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
