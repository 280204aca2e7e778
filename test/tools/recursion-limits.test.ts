// Self-referencing, very deep and very long-chained schemas and arguments: every tool answers with a
// message naming the place and the limit, never with a stack overflow.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import { lintSpec } from '../../src/commands/lint-spec.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { textOf } from '../support/connect.js';
import { documentWith } from '../support/hostile.js';
import { useToolHarness } from '../support/tool-harness.js';
import { settings } from '../support/settings.js';

const harness = useToolHarness();
const chain = 5000;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function hostileSchemas(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Self: ref('Self'),
    A: { allOf: [ref('B')] },
    B: { allOf: [ref('A')], description: 'B' },
    C: { anyOf: [{ oneOf: [ref('C')] }, { type: 'string' }] },
    Contrary: { not: ref('Contrary') },
    Node: { type: 'object', properties: { name: { type: 'string' }, child: ref('Node') } },
  };
  for (let i = 0; i < chain; i++) {
    schemas[`Shared${i}`] = { type: 'object', properties: { a: ref(`Shared${i + 1}`), b: ref(`Shared${i + 1}`) } };
    schemas[`All${i}`] = { allOf: [ref(`All${i + 1}`)] };
    schemas[`Any${i}`] = { anyOf: [ref(`Any${i + 1}`), { type: 'string' }] };
    schemas[`Items${i}`] = { type: 'array', items: ref(`Items${i + 1}`) };
    schemas[`Ref${i}`] = ref(`Ref${i + 1}`);
  }
  for (const kind of ['Shared', 'All', 'Any', 'Items', 'Ref']) schemas[`${kind}${chain}`] = { type: 'string' };
  let deep: unknown = { type: 'string' };
  for (let i = 0; i < 120; i++) deep = { type: 'object', properties: { a: deep } };
  schemas.Deep = deep;
  return schemas;
}

const ids = ['Self', 'A', 'C', 'Contrary', 'Node', 'Shared0', 'All0', 'Any0', 'Items0', 'Ref0', 'Deep'];
let dir: string;
let file: string;
let catalog: Catalog;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recursion-'));
  file = join(dir, 'recursion.json');
  const bodies = Object.fromEntries(ids.map((id) => [id, ref(id)]));
  const document = documentWith(bodies, { components: { schemas: hostileSchemas() } });
  for (const [path, item] of Object.entries(document.paths as Record<string, { post: { responses: Record<string, unknown> } }>)) {
    item.post.responses = { 200: { description: 'ok', content: { 'application/json': { schema: ref(path.slice(1)) } } } };
  }
  writeFileSync(file, JSON.stringify(document));
  catalog = buildCatalog(await loadSpec(file, settings()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const overflow = /Maximum call stack|failed unexpectedly/;
const connect = () => harness.connect({ catalog, baseUrl: harness.upstream.url });

describe('no stack overflow, whatever the schema', () => {
  test.each(ids)('%s: described, listed and executed', async (id) => {
    const { call } = await connect();
    const described = await call('describe_endpoint', { ids: [id] });
    expect(described.isError).toBeFalsy();
    expect(textOf(described)).not.toMatch(overflow);
    const executed = await call('execute_endpoint', { id, arguments: { body: id === 'Items0' ? [[['x']]] : { name: 'x', child: { name: 'y' } } } });
    expect(textOf(executed)).not.toMatch(overflow);
    const listed = await call('list_endpoints', { limit: 100 });
    expect((listed.structuredContent as { endpoints: { id: string }[] }).endpoints.map((e) => e.id)).toContain(id);
  });

  test('lint goes through every operation and strict validation', async () => {
    const findings = await lintSpec(file, settings());
    expect(JSON.stringify(findings)).not.toMatch(/Maximum call stack|RangeError/);
  });
});

describe('the messages name the place and the limit', () => {
  const problemsOf = async (id: string): Promise<string> => {
    const { call } = await connect();
    return JSON.stringify((await call('describe_endpoint', { ids: [id] })).structuredContent);
  };

  test.each([
    [
      'Self',
      'The schema at #/components/schemas/Self refers back to #/components/schemas/Self through allOf, anyOf, oneOf or not alone, without nesting, so checking it would never end; that $ref is ignored.',
    ],
    ['A', 'The schema at #/components/schemas/B refers back to #/components/schemas/A through allOf, anyOf, oneOf or not alone'],
    ['C', 'The schema at #/components/schemas/C refers back to #/components/schemas/C'],
    ['Ref0', 'Cannot resolve $ref \\"#/components/schemas/Ref64\\" used at #/components/schemas/Ref63: the $ref chain is longer than 64 refs'],
  ])('%s', async (id, want) => {
    expect(await problemsOf(id)).toContain(want);
  });

  test('a cycle under not is ignored as a cycle: the schema accepts anything', async () => {
    const { call } = await connect();
    expect((await call('describe_endpoint', { ids: ['Contrary'] })).structuredContent).toMatchObject({
      endpoints: [{ inputSchema: { $defs: { Contrary: { not: false } } } }],
    });
    const executed = await call('execute_endpoint', { id: 'Contrary', arguments: { body: { any: 'thing' } } });
    expect(executed.structuredContent).toMatchObject({ status: 200 });
  });

  test('arguments nested past the limit are refused before anything walks them, and nothing is sent', async () => {
    const { call } = await connect();
    let body: unknown = { name: 'leaf' };
    for (let i = 0; i < 200_000; i++) body = { name: 'n', child: body };
    const result = await call('execute_endpoint', { id: 'Node', arguments: { body } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      'The arguments are nested more than 128 levels deep (at /body/child/child/child/child/child/…(118 more)…/child/child/child/child); no endpoint takes that. Send a flatter value. Nothing was sent.',
    );
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('a recursive schema still checks arguments nested within the limit', async () => {
    const { call } = await connect();
    let body: Record<string, unknown> = { name: 'leaf', child: { name: 7 } };
    for (let i = 0; i < 100; i++) body = { name: 'n', child: body };
    const result = await call('execute_endpoint', { id: 'Node', arguments: { body } });
    expect(textOf(result)).toContain('- /body/child/child/child/child/child/…(93 more)…/child/child/child/name: expected string; got number 7');
  });

  test('an upstream answer nested past the limit comes back as text, with a note', async () => {
    harness.upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    });
    const { call } = await connect();
    const result: CallToolResult = await call('execute_endpoint', { id: 'Node', arguments: { body: { name: 'x' } }, select: 'length(@)' });
    expect(result.structuredContent).toMatchObject({
      status: 200,
      notes: ['The JSON body is nested more than 256 levels deep, so it is returned as text.', 'select "length(@)" was not applied: the body is not JSON.'],
    });
    expect(typeof (result.structuredContent as { body: unknown }).body).toBe('string');
  });
});
