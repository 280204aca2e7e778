// Tests for telling a write to a whole collection from the same write to one of its items.
import { describe, expect, test } from 'vitest';
import type { HttpMethod } from '../../src/base/http-methods.js';
import { collectionWrites, singularTerms } from '../../src/search/collection-writes.js';
import { operationOf } from '../support/operation.js';

const op = (method: HttpMethod, path: string) => operationOf({ id: `${method} ${path}`, method, path });

describe('collectionWrites', () => {
  test('names the collection a write acts on as a whole when the API writes one of its items the same way', () => {
    const writes = collectionWrites([op('patch', '/dags'), op('patch', '/dags/{dag_id}'), op('get', '/dags'), op('delete', '/dags/{dag_id}')]);
    expect(writes).toEqual(['dag', undefined, undefined, undefined]);
  });

  test('names none when the item is written otherwise, or the path names no collection', () => {
    expect(collectionWrites([op('delete', '/bundles/{id}/tracks'), op('get', '/bundles/{id}/tracks/{track_id}')])).toEqual([undefined, undefined]);
    expect(collectionWrites([op('put', '/status'), op('put', '/status/{key}')])).toEqual([undefined, undefined]);
    expect(collectionWrites([op('delete', '/users/{id}/roles'), op('delete', '/users/{id}/roles/{role}/')])).toEqual(['role', undefined]);
  });
});

describe('singularTerms', () => {
  test('are the words said only in the singular', () => {
    expect(singularTerms('pause the DAG called etl_daily')).toContain('dag');
    expect(singularTerms('pause all DAGs')).not.toContain('dag');
    expect(singularTerms('copy a DAG to the other DAGs')).not.toContain('dag');
  });
});
