// Tests for the searchable fields of an operation.
import { describe, expect, test } from 'vitest';
import type { HttpMethod } from '../../src/base/http-methods.js';
import type { Operation } from '../../src/openapi/operation.js';
import { operationOf } from '../support/operation.js';
import { fieldTerms, firstSentence, operationFamily, parameterPhrases, pathNames, plainText, withoutNamespace } from '../../src/search/search-fields.js';
import { methodPathId } from '../../src/openapi/operation.js';

function operation(method: HttpMethod, path: string, extra: Partial<Operation> = {}): Operation {
  return operationOf({ id: `${method} ${path}`, method, path, ...extra });
}

describe('plainText', () => {
  test.each([
    { given: '<p>Creates a new <strong>customer</strong> object.</p>', want: ' Creates a new  customer  object. ' },
    { given: 'See [the guide](https://example.com/docs/guide) first.', want: 'See [the guide] first.' },
    { given: 'Fish &amp; chips', want: 'Fish   chips' },
    { given: 'Plain text stays.', want: 'Plain text stays.' },
  ])('$given', ({ given, want }) => {
    expect(plainText(given)).toBe(want);
  });
});

describe('firstSentence', () => {
  test.each([
    { given: ' Creates a customer. Then more. ', want: 'Creates a customer' },
    { given: 'Version 1.2 of the thing! More', want: 'Version 1.2 of the thing' },
    { given: 'First line\nsecond line', want: 'First line' },
    { given: 'No stop at all', want: 'No stop at all' },
  ])('$given -> $want', ({ given, want }) => {
    expect(firstSentence(given)).toBe(want);
  });
});

describe('withoutNamespace', () => {
  test.each([
    { given: 'microsoft.graph.sendMail', want: 'sendMail' },
    { given: "microsoft.graph.getEmailActivityCounts(period='{period}')", want: 'getEmailActivityCounts' },
    { given: 'openapi.json', want: 'openapi.json' },
    { given: 'issues', want: 'issues' },
  ])('$given -> $want', ({ given, want }) => {
    expect(withoutNamespace(given)).toBe(want);
  });
});

describe('operationFamily', () => {
  test('copies of one operation under different parents share a family; a different method or depth does not', () => {
    const family = (method: HttpMethod, path: string) => operationFamily(operation(method, path));
    expect(family('get', '/me/events')).toBe(family('get', '/users/{user-id}/calendar/events'));
    expect(family('get', '/me/events/{event-id}')).toBe(family('get', '/groups/{group-id}/events/{event-id}'));
    expect(family('get', '/me/events')).not.toBe(family('post', '/me/events'));
    expect(family('get', '/me/events')).not.toBe(family('get', '/me/events/{event-id}'));
    expect(family('post', '/me/microsoft.graph.sendMail')).toBe(family('post', '/users/{user-id}/microsoft.graph.sendMail'));
  });
});

describe('fieldTerms', () => {
  test('without a summary, the first sentence of the description stands in for it, markup left out', () => {
    const terms = fieldTerms(operation('post', '/v1/customers', { description: '<p>Creates a new customer object.</p><p>More.</p>' }));
    expect(terms.summary).toEqual(['creat', 'new', 'customer', 'object']);
    expect(terms.description).not.toContain('p');
  });

  test("a path item's description stands in for no summary: it says what the path is, shared by every operation of it", () => {
    const description = 'A Webhook resource manages a service-level set of callback URLs.';
    const terms = fieldTerms(operation('post', '/v1/Configuration/Webhooks', { description, describedByPath: true }));
    expect(terms.summary).toEqual(fieldTerms(operation('post', '/v1/Configuration/Webhooks')).summary);
    expect(terms.description).toContain('callback');
  });

  test('a path segment standing for the caller reads as the authenticated user; an action is read without its namespace', () => {
    const terms = fieldTerms(operation('post', '/me/microsoft.graph.sendMail'));
    expect(terms.path).toEqual(['authenticat', 'user', 'send', 'mail']);
  });

  test('parameters and the top-level properties of an inline request body are both inputs; path parameters count as path words only', () => {
    const op = operation('post', '/v1/customers/{customer}', {
      parameters: [
        { name: 'customer', in: 'path', required: true },
        { name: 'customer', in: 'query', required: false },
      ],
      requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { shipping: {}, email: {} } } } } },
    });
    expect(fieldTerms(op).parameter).toEqual(['customer', 'ship', 'email']);
    expect(fieldTerms(op).pathParam).toEqual(['customer']);
  });

  test("a word shared by several inputs' names counts once: six address_* fields do not make an operation six times about addresses", () => {
    const op = operation('post', '/v1/customers/{customer}/sources/{id}', {
      requestBody: { content: { 'application/json': { schema: { properties: { address_city: {}, address_line1: {}, address_zip: {}, name: {} } } } } },
    });
    expect(fieldTerms(op).parameter).toEqual(['address', 'city', 'line1', 'zip', 'name']);
  });
});

describe('pathNames', () => {
  test.each([
    { given: '/api/v1/statuses/{id}/reblog', want: 'statuses reblog' },
    { given: '/{realm}/users/{id}/groups/{groupId}', want: 'users groups' },
    { given: '/rest/2.0/me/microsoft.graph.sendMail', want: 'me sendMail' },
    { given: '/', want: '' },
    { given: '/v1/{+name}:cancel', want: ':cancel' },
    { given: '/users.{format}', want: 'users.' },
    // A format the path ends in says how the answer is written (Channel 4's, Jumpseller's): not a word of what it is.
    { given: '/categories.atom', want: 'categories' },
    { given: '/v2/imports/{id}.json', want: 'imports' },
    // The format first: API2Cart's dotted method name is no namespace of "json".
    { given: '/order.list.json', want: 'order.list' },
  ])('$given -> $want', ({ given, want }) => {
    expect(pathNames(given)).toBe(want);
  });
});

describe('fieldTerms of an operation with no id, summary or description', () => {
  const unnamed = (method: HttpMethod, path: string, extra: Partial<Operation> = {}) => operationOf({ id: methodPathId(method, path), method, path, ...extra });

  test('its path, less which API and version, says what it does, as a generated summary would; its id says its intent beside its method', () => {
    const terms = fieldTerms(unnamed('post', '/api/v1/statuses'), undefined, 'create');
    expect(terms.summary).toEqual(['creat', 'status']);
    expect(terms.id).toEqual(['post', 'creat', 'status']);
  });

  test('an action says no intent; an operation with a description is summed up by it', () => {
    expect(fieldTerms(unnamed('post', '/api/v1/statuses/{id}/reblog'), undefined, 'action').summary).toEqual(['status', 'reblog']);
    expect(fieldTerms(unnamed('post', '/api/v1/lists', { description: 'Make a list.' }), undefined, 'create').summary).toEqual(['make', 'list']);
  });

  test('an operationId keeps its words, and without summary or description the operation has no summary terms', () => {
    const terms = fieldTerms(operationOf({ id: 'createStatus', method: 'post', path: '/api/v1/statuses' }), undefined, 'create');
    expect(terms.id).toEqual(['creat', 'status']);
    expect(terms.summary).toEqual([]);
  });
});

describe('fieldTerms of an operation without a summary', () => {
  test("without a summary, the description's first sentence stands in, less the words that name the operation", () => {
    const op = operationOf({
      id: 'createCampaign',
      method: 'post',
      path: '/ad_campaign',
      description: '<p>This method creates a Promoted Listings ad campaign. More.</p>',
    });
    expect(fieldTerms(op, undefined, 'create').summary).toEqual(['creat', 'promot', 'list', 'ad', 'campaign']);
    const call = operationOf({ id: 'getRateTables', method: 'get', path: '/rate_table', description: 'This API call retrieves rate tables.' });
    expect(fieldTerms(call, undefined, 'list').summary).toEqual(['retriev', 'rate', 'tabl']);
  });
});

describe('fieldTerms of a list whose summary says "get"', () => {
  test('"Get users" on "/users" (or "/users/") also says list; "Get a user" and "Add users" say only their own verb', () => {
    expect(fieldTerms(operation('get', '/users', { summary: 'Get users' }), undefined, 'list').summary).toEqual(['list', 'get', 'user']);
    expect(fieldTerms(operation('get', '/api/users/', { summary: 'Get users' }), undefined, 'list').summary).toEqual(['list', 'get', 'user']);
    expect(fieldTerms(operation('get', '/users', { summary: 'Get users   Returns a list of <b>users</b>' }), undefined, 'list').summary).toEqual([
      'list',
      'get',
      'user',
    ]);
    expect(fieldTerms(operation('get', '/users/{id}', { summary: 'Get a user' }), undefined, 'get').summary).toEqual(['get', 'user']);
    expect(fieldTerms(operation('get', '/users/{id}/status', { summary: 'Get status' }), undefined, 'get').summary).toEqual(['get', 'status']);
    expect(fieldTerms(operation('post', '/users', { summary: 'Add users' }), undefined, 'create').summary).toEqual(['add', 'user']);
  });
});

describe('parameterPhrases', () => {
  test('lists the inputs named by two words or more, as their distinct terms', () => {
    const op = operation('post', '/v1/subscriptions/{id}', {
      parameters: [{ name: 'id', in: 'path', required: true }],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { cancel_at_period_end: {}, items: {} } } } } },
    });
    expect(parameterPhrases(op)).toEqual([['cancel', 'period', 'end']]);
  });
});
