import { afterEach, describe, expect, test } from 'vitest';
import { filterCatalog } from '../../src/openapi/filter-catalog.js';
import { searchIndexOf } from '../../src/search/search-index-of.js';
import { catalogOf, connectInMemory, sample, textOf, type Connected } from '../support/connect.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

describe('read-only mode and filters, identical for all three tools', () => {
  test('read-only: list, describe and execute see only GET/HEAD/OPTIONS, and execute is annotated read-only', async () => {
    const catalog = filterCatalog(await catalogOf(sample), { readOnly: true });
    connected = await connectInMemory({ catalog, readOnly: true });
    const { tools } = await connected.client.listTools();
    expect(tools.find((t) => t.name === 'execute_endpoint')!.annotations).toMatchObject({ readOnlyHint: true });
    const listed = await connected.call('list_endpoints', { limit: 100 });
    const methods = new Set((listed.structuredContent as { endpoints: { method: string }[] }).endpoints.map((e) => e.method));
    expect([...methods]).toEqual(['GET']);
    for (const tool of ['describe_endpoint', 'execute_endpoint']) {
      const result = await connected.call(tool, tool === 'describe_endpoint' ? { ids: ['addPet'] } : { id: 'POST /pet', arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(
        'Endpoint "addPet" exists in the API but is not available on this server: the server runs read-only (--read-only): only GET, HEAD and OPTIONS are exposed.',
      );
    }
  });

  test.each([
    [{ tags: ['store'] }, ['getInventory', 'placeOrder', 'getOrderById', 'deleteOrder']],
    [{ excludeTags: ['pet', 'user'] }, ['getInventory', 'placeOrder', 'getOrderById', 'deleteOrder']],
    [{ operations: ['get*ById'] }, ['getPetById', 'getOrderById']],
    [{ operations: ['GET /user*'] }, ['loginUser', 'getUserByName']],
    [{ methods: ['delete'], excludeOperations: ['deleteUser'] }, ['deletePet', 'deleteOrder']],
  ])('%j keeps exactly %j', async (filter, ids) => {
    const catalog = filterCatalog(await catalogOf(sample), filter);
    expect(catalog.operations.map((op) => op.id)).toEqual(ids);
    expect(
      searchIndexOf(catalog)
        .search('pet order user')
        .every((hit) => ids.includes(hit.operation.id)),
    ).toBe(true);
  });
});
