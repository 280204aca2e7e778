// Long inputs come back cut in messages, and cursors are checked: shape, size, offset within range.
import { describe, expect, test } from 'vitest';
import { catalogOf, sample, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';

const harness = useToolHarness();
const long = 'x'.repeat(10_000);
const cut = `${'x'.repeat(120)}…(10000 characters)`;
const connect = async () => harness.connect({ catalog: await catalogOf(sample), baseUrl: harness.upstream.url });
const cursorOf = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) params.append(key, one);
  return params.toString();
};

describe('long inputs are cut where they are echoed', () => {
  test.each([
    ['list_endpoints query', 'list_endpoints', { query: long }, `No endpoints of the Swagger Petstore API matching "${cut}".`],
    ['list_endpoints tag', 'list_endpoints', { tag: long }, `Unknown tag "${cut}". Call list_endpoints without arguments to see the tags.`],
    ['list_endpoints method', 'list_endpoints', { method: long }, `got "${cut}".`],
    ['describe_endpoint id', 'describe_endpoint', { ids: [long] }, `Unknown endpoint "${cut}".`],
    [
      'describe_endpoint part',
      'describe_endpoint',
      { ids: [`addPet#/${long}`] },
      `"/${'x'.repeat(119)}…(10001 characters)" is not a part of addPet's arguments schema.`,
    ],
    ['execute_endpoint id', 'execute_endpoint', { id: long }, `Unknown endpoint "${cut}".`],
    ['execute_endpoint contentType', 'execute_endpoint', { id: 'addPet', contentType: long }, `"${cut}" is not one of them.`],
    ['an enum value', 'execute_endpoint', { id: 'findPetsByStatus', arguments: { status: long } }, `got a string "${'x'.repeat(40)}…"`],
    [
      'argument names',
      'execute_endpoint',
      { id: 'getPetById', arguments: { petId: 1 }, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${long}${i}`, 1])) },
      ' and 20 more were given beside "arguments"; moved inside it.',
    ],
  ])('%s', async (_name, tool, input, want) => {
    const { call } = await connect();
    const started = performance.now();
    const result = await call(tool, input);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(textOf(result)).toContain(want);
    expect(textOf(result).length).toBeLessThan(3000);
  });

  test('a query longer than 10,000 characters is refused', async () => {
    const { call } = await connect();
    const result = await call('list_endpoints', { query: `${long}y` });
    expect(textOf(result)).toBe('"query" is longer than 10000 characters; say what you want in fewer words.');
  });

  test('invalid arguments list the first 20 problems and count the rest', async () => {
    const { call } = await connect();
    const result = await call('execute_endpoint', { id: 'addPet', arguments: { body: { name: 'x', photoUrls: Array.from({ length: 100 }, () => 1) } } });
    expect(textOf(result)).toContain('- /body/photoUrls/19: expected string; got number 1\n- and 80 more problems.');
  });
});

describe('cursors are checked', () => {
  test.each([
    ['an offset of 1e308', cursorOf({ o: '1e308' })],
    ['a negative offset', cursorOf({ o: '-1' })],
    ['a fractional offset', cursorOf({ o: '1.5' })],
    ['an offset beyond any API', cursorOf({ o: '100000000' })],
    ['no offset', cursorOf({ q: 'pets' })],
    ['an offset given twice', cursorOf({ o: ['20', '40'] })],
    ['an unknown field', cursorOf({ o: '20', x: '1' })],
    ['more context than a ranking takes', cursorOf({ o: '0', c: ['a', 'b', 'c', 'd'] })],
    ['not a cursor of ours', 'eyJvIjoyMH0=!'],
    ['too long', 'A'.repeat(200_001)],
  ])('%s is not valid', async (_name, cursor) => {
    const { call } = await connect();
    const result = await call('list_endpoints', { cursor });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('The cursor is not valid. Pass nextCursor exactly as returned, or call list_endpoints without a cursor.');
  });

  test('an offset past the end says so', async () => {
    const { call } = await connect();
    const result = await call('list_endpoints', { cursor: cursorOf({ o: '5000' }) });
    expect(textOf(result)).toBe('The cursor points past the end of the results (15 endpoints). Call list_endpoints without a cursor to start again.');
  });

  test('a cursor as returned still pages', async () => {
    const { call } = await connect();
    const first = await call('list_endpoints', { limit: 5 });
    const next = await call('list_endpoints', { cursor: (first.structuredContent as { nextCursor: string }).nextCursor, limit: 5 });
    expect(textOf(next)).toContain('showing 6-10.');
  });
});
