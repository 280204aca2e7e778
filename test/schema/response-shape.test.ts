// Tests for the one-line shape of an operation's success body: fields one level deep, an envelope's contents too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { summarizeResponses } from '../../src/schema/response-shape.js';
import { settings } from '../support/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'response-shape-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const person = {
  type: 'object',
  properties: Object.fromEntries(
    ['id', 'firstName', 'lastName', ...Array.from({ length: 20 }, (_, i) => `extra${i}`)].map((name) => [name, { type: 'string' }]),
  ),
};

async function shapeOf(schema: unknown): Promise<string | undefined> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const document = {
    openapi: '3.0.3',
    info: { title: 'Shapes', version: '1' },
    paths: { '/things': { get: { operationId: 'getThing', responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } } } },
  };
  writeFileSync(file, JSON.stringify(document));
  const catalog = buildCatalog(await loadSpec(file, settings({ spec: file })));
  return summarizeResponses(catalog.find('getThing')!, catalog)[0]!.shape;
}

describe('summarizeResponses', () => {
  test('shows an object of more than four fields one level deep', async () => {
    const fields = { id: { type: 'integer' }, name: { type: 'string' }, kind: { type: 'string' }, size: { type: 'integer' }, owner: person };
    expect(await shapeOf({ type: 'object', required: ['id'], properties: fields })).toBe(
      '{ id: integer, name?: string, kind?: string, size?: integer, owner?: object }',
    );
  });

  test("shows what an envelope wraps, a glimpse of its fields (Loket's { version, messages, content })", async () => {
    const shape = await shapeOf({ type: 'object', properties: { version: { type: 'string' }, content: person } });
    expect(shape).toBe(
      '{ version?: string, content?: { id?: string, firstName?: string, lastName?: string, extra0?: string, extra1?: string, extra2?: string, extra3?: string, extra4?: string, extra5?: string, extra6?: string, extra7?: string, extra8?: string, extra9?: string, extra10?: string, extra11?: string, extra12?: string, …7 more } }',
    );
  });

  test('shows the items of a top-level list one level deep: a list is no envelope', async () => {
    const item = { type: 'object', properties: { id: { type: 'string' }, owner: person } };
    expect(await shapeOf({ type: 'array', items: item })).toBe('{ id?: string, owner?: object }[]');
  });

  test("shows the items of a list in an envelope, but not what they nest (Stripe's { data, has_more, object, url })", async () => {
    const item = { type: 'object', properties: { id: { type: 'string' }, address: person } };
    const shape = await shapeOf({
      type: 'object',
      properties: { data: { type: 'array', items: item }, has_more: { type: 'boolean' }, object: { type: 'string' }, url: { type: 'string' } },
    });
    expect(shape).toBe('{ data?: { id?: string, address?: object }[], has_more?: boolean, object?: string, url?: string }');
  });
});
