// Tests for reading a request in one API's terms: its literals, and what an id's prefix names there.
import { describe, expect, test } from 'vitest';
import { RequestReader } from '../../src/search/request-reader.js';
import { operationOf } from '../support/operation.js';

const operations = [
  operationOf({ id: 'GetCustomersCustomer', method: 'get', path: '/v1/customers/{customer}' }),
  operationOf({ id: 'issues/create', method: 'post', path: '/repos/{owner}/{repo}/issues' }),
];
const terms = new Set(['customer', 'addon', 'issu', 'creat']);
const reader = new RequestReader(operations, (term) => terms.has(term));

describe('RequestReader', () => {
  test('an id is a literal, and its prefix names the collection it is of, unless the request does', () => {
    const request = reader.read('what does cus_NeZwdNtLEOXuvB have');
    expect(request).toMatchObject({ text: 'what does have', namesItem: true, idPrefixes: ['cus'] });
    expect(reader.literalConcepts(request, new Map())).toEqual([{ terms: new Map([['customer', 0.5]]), together: true }]);
    expect(reader.literalConcepts(request, new Map([['customer', 1]]))).toEqual([]);
  });

  test('a hyphenated word the API writes as one is joined; a slashed name is kept only when the API names it', () => {
    expect(reader.read('list add-on providers').text).toBe('list addon providers');
    expect(reader.read('call issues/create now').text).toBe('call issues/create now');
    expect(reader.read('delete the feature/login branch').text).toBe('delete the branch');
  });

  test('a name the API does not know, before a word its path parameters say, names one item', () => {
    const cluster = new RequestReader(
      [operationOf({ id: 'listCoreV1NamespacedPod', method: 'get', path: '/api/v1/namespaces/{namespace}/pods' })],
      (term) => ['pod', 'namespac', 'default', 'list', 'version'].includes(term),
      new Set(['namespac']),
    );
    expect(cluster.read('what pods are running in the staging namespace?')).toMatchObject({ namesItem: false, namesInstance: true });
    // "default" is a word of the API's: it says which kind, not which one.
    expect(cluster.read('list pods in the default namespace').namesInstance).toBeUndefined();
    expect(cluster.read('list pods in every namespace').namesInstance).toBeUndefined();
    expect(cluster.read('restart the pods in the kube-system namespace.').namesInstance).toBe(true);
    // Which of many ("latest"), a plural, or a name cut off by punctuation: no one thing named.
    expect(cluster.read('pods in the latest namespace').namesInstance).toBeUndefined();
    expect(cluster.read('pods in the staging namespaces').namesInstance).toBeUndefined();
    expect(cluster.read('pods in the staging, namespace').namesInstance).toBeUndefined();
  });
});
