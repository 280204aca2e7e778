// Tests for how a request names operations outright: by id, method and path, path, or summary.
import { describe, expect, test } from 'vitest';
import type { HttpMethod } from '../../src/base/http-methods.js';
import { namedBy, OperationNames } from '../../src/search/operation-names.js';
import { operationOf } from '../support/operation.js';

const op = (id: string, method: HttpMethod, path: string, summary?: string) => operationOf({ id, method, path, summary });
const operations = [
  op('listPets', 'get', '/pets', 'List pets'),
  op('createPet', 'post', '/pets', 'Create a pet'),
  op('GET /pets/{petId}', 'get', '/pets/{petId}', 'Info for a pet'),
  op('drives.drive.sharedWithMe', 'get', '/drives/{drive-id}/sharedWithMe()'),
];
const names = new OperationNames(operations);
const ids = (query: string) => [...names.named(query)].map((doc) => operations[doc]!.id);

describe('OperationNames', () => {
  test.each([
    { query: 'listPets', want: ['listPets'] },
    { query: 'LISTPETS', want: ['listPets'] },
    { query: 'sharedWithMe', want: ['drives.drive.sharedWithMe'] },
    { query: 'POST /pets', want: ['createPet'] },
    { query: 'get /pets/{id}/', want: ['GET /pets/{petId}'] },
    { query: '/pets', want: ['listPets', 'createPet'] },
    { query: 'pets/{petId}', want: ['GET /pets/{petId}'] },
    { query: 'list pets', want: [] },
    { query: 'DELETE /pets', want: [] },
  ])('"$query" names $want', ({ query, want }) => {
    expect(ids(query)).toEqual(want);
  });

  test('a summary said word for word names its operation, after those named by name', () => {
    const naming = names.namingOf(names.named('Create a pet'), 'Create a pet');
    expect(operations.map((_, doc) => naming(doc))).toEqual([namedBy.none, namedBy.summary, namedBy.none, namedBy.none]);
    // Stop words count: "create pet" is no summary's words.
    const loose = names.namingOf(names.named('create pet'), 'create pet');
    expect(operations.map((_, doc) => loose(doc))).toEqual([0, 0, 0, 0]);
    const byName = names.namingOf(names.named('listPets'), 'listPets');
    expect(byName(0)).toBe(namedBy.name);
  });
});
