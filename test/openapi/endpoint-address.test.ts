import { describe, expect, test } from 'vitest';
import { matchAddress } from '../../src/openapi/endpoint-address.js';
import type { ParameterObject } from '../../src/openapi/openapi-types.js';
import { operationOf } from '../support/operation.js';

const query = (...names: string[]): ParameterObject[] => names.map((name) => ({ name, in: 'query' }));
const operations = [
  operationOf({ id: 'getUser', method: 'get', path: '/users/{id}', servers: [{ url: 'https://api.example.com/v2' }] }),
  operationOf({ id: 'getMe', method: 'get', path: '/users/me', servers: [{ url: 'https://api.example.com/v2' }] }),
  operationOf({ id: 'listIssues', method: 'get', path: '/repos/{owner}/{repo}/issues/', parameters: query('labels', 'state') }),
  operationOf({ id: 'getFile', method: 'get', path: '/files/{name}.{ext}' }),
  operationOf({ id: 'deleteUser', method: 'delete', path: '/users/{id}' }),
  operationOf({ id: 'action', method: 'get', path: '/#Action=List' }),
];
const match = (method: string, target: string) => {
  const found = matchAddress(operations, method, target);
  return found && { id: found.operation.id, ...found.values };
};

describe('an endpoint by an address it answers at', () => {
  test.each([
    ['a path filling a template', 'GET', '/users/42', { id: 'getUser', path: { id: '42' } }],
    ['the template fixing more characters', 'GET', '/users/me', { id: 'getMe', path: {} }],
    ["a URL under the server's path, host ignored", 'GET', 'https://elsewhere.example/v2/users/7', { id: 'getUser', path: { id: '7' } }],
    ['the method', 'DELETE', '/users/7', { id: 'deleteUser', path: { id: '7' } }],
    ['a trailing slash either way', 'GET', '/repos/o/r/issues', { id: 'listIssues', path: { owner: 'o', repo: 'r' } }],
    ['two parameters in one segment', 'GET', '/files/report.csv', { id: 'getFile', path: { name: 'report', ext: 'csv' } }],
    ['percent-encoding decoded', 'GET', '/users/a%20b', { id: 'getUser', path: { id: 'a b' } }],
    [
      "a literal in another case, when nothing matches as written (Azure's resourcegroups)",
      'GET',
      '/Repos/o/r/ISSUES',
      { id: 'listIssues', path: { owner: 'o', repo: 'r' } },
    ],
    ['values keep their case', 'GET', '/users/Me', { id: 'getUser', path: { id: 'Me' } }],
  ])('%s', (_name, method, target, expected) => {
    expect(match(method, target)).toMatchObject(expected);
  });

  test('declared query parameters by name, every value of a repeated one; the rest as written; another case of a declared name left out', () => {
    expect(match('GET', '/repos/o/r/issues?labels=a&labels=b%20c&State=x&$skiptoken=t%2B1')).toEqual({
      id: 'listIssues',
      path: { owner: 'o', repo: 'r' },
      query: { labels: ['a', 'b c'] },
      extra: ['$skiptoken=t%2B1'],
    });
  });

  test('no match: another method, a fragment template, a path no template fills, a relative or templated address', () => {
    for (const [method, target] of [
      ['POST', '/users/42'],
      ['GET', '/'],
      ['GET', '/users/42/extra'],
      ['GET', 'users/42'],
      ['GET', '/users/{id}'],
    ] as const)
      expect(match(method, target)).toBeUndefined();
  });
});
