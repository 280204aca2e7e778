// Tests for reading what a request means to do and what an operation does.
import { describe, expect, test } from 'vitest';
import type { HttpMethod } from '../../src/base/http-methods.js';
import type { Operation } from '../../src/openapi/operation.js';
import { intentFit, operationIntent, requestIntent } from '../../src/search/search-intent.js';
import { requestWords as wordsOf } from '../../src/search/search-query.js';
import { vocabularyOf } from '../../src/search/search-vocabulary.js';
import { operationOf } from '../support/operation.js';

const vocabulary = vocabularyOf([
  { when: ['spin up'], means: ['create'] },
  { when: ['get rid of'], means: ['delete', 'disable'] },
]);
const requestWords = (request: string) => wordsOf(request, vocabulary);

function operation(method: HttpMethod, path: string, id: string, summary?: string, description?: string): Operation {
  return operationOf({ id, method, path, ...(summary ? { summary } : {}), ...(description ? { description } : {}) });
}

describe('operationIntent', () => {
  test.each([
    { method: 'get', path: '/v1/customers', id: 'GetCustomers', want: 'list' },
    { method: 'get', path: '/v1/customers/{customer}', id: 'GetCustomersCustomer', want: 'get' },
    { method: 'post', path: '/v1/customers', id: 'PostCustomers', want: 'create' },
    { method: 'post', path: '/v1/customers/{customer}', id: 'PostCustomersCustomer', want: 'update' },
    { method: 'post', path: '/v1/payment_intents/{intent}/capture', id: 'PostPaymentIntentsIntentCapture', want: 'action' },
    { method: 'delete', path: '/v1/customers/{customer}', id: 'DeleteCustomersCustomer', want: 'delete' },
    { method: 'get', path: '/user', id: 'users/get-authenticated', want: 'get' },
    { method: 'get', path: '/user/repos', id: 'repos/list-for-authenticated-user', want: 'list' },
    { method: 'put', path: '/repos/{owner}/{repo}/collaborators/{username}', id: 'repos/add-collaborator', want: 'create' },
    { method: 'put', path: '/repos/{owner}/{repo}/topics', id: 'repos/replace-all-topics', want: 'update' },
    { method: 'post', path: '/me/microsoft.graph.sendMail', id: 'me.sendMail', summary: 'Invoke action sendMail', want: 'action' },
    { method: 'post', path: '/directoryObjects/microsoft.graph.getByIds', id: 'directoryObjects.getByIds', want: 'action' },
    { method: 'get', path: '/me/events', id: 'me.ListEvents', summary: 'Get events from me', want: 'list' },
    { method: 'post', path: '/items/{id}/createLink', id: 'items.createLink', want: 'create' },
    // Without a summary, the verb the id ends with (Slack's), else the one the description starts with (Magento's).
    { method: 'post', path: '/conversations.create', id: 'conversations_create', description: 'Initiates a channel-based conversation.', want: 'create' },
    { method: 'post', path: '/V1/coupons/generate', id: 'salesRuleCouponManagementV1GeneratePost', description: 'Generate coupon for a rule', want: 'create' },
    {
      method: 'post',
      path: '/V1/coupons/deleteByCodes',
      id: 'salesRuleCouponManagementV1DeleteByCodesPost',
      description: 'Delete coupon by coupon codes.',
      want: 'delete',
    },
    // A format a path ends in leaves its last word plural: a GET of it lists, a POST creates.
    { method: 'get', path: '/orders.json', id: 'GET /orders.json', want: 'list' },
    { method: 'post', path: '/products.json', id: 'POST /products.json', want: 'create' },
    { method: 'post', path: '/reminders.delete', id: 'reminders_delete', description: 'Removes a reminder.', want: 'delete' },
    // A GET's description saying "Get all…" leaves it to the path: a collection is listed.
    { method: 'get', path: '/customers', id: 'customers', description: 'Get all customers.', want: 'list' },
    // A summary that gets a list, a range or all of something lists them, whatever its path's last word (Visma's singular ones).
    { method: 'get', path: '/controller/api/v1/salesorder', id: 'SalesOrder_GetAllOrders', summary: 'Get a range of SO Orders', want: 'list' },
    { method: 'get', path: '/v1/salesorder', id: 'salesorder', summary: 'Returns a list of sales orders', want: 'list' },
    { method: 'get', path: '/v1/salesorder/{id}', id: 'salesorder-one', summary: 'Get a specific sales order', want: 'get' },
    { method: 'get', path: '/order/{orderId}', id: 'order-details', summary: 'Returns all details of a order', want: 'get' },
    // Without a summary, the description says so, after the words that say it is about the operation (eBay's).
    {
      method: 'get',
      path: '/ad_campaign',
      id: 'getCampaigns',
      description: "This method retrieves the details for all of the seller's defined campaigns.",
      want: 'list',
    },
    { method: 'get', path: '/promotion', id: 'getPromotions', description: "This method returns a list of a seller's undeleted promotions.", want: 'list' },
    { method: 'get', path: '/rate_table', id: 'getRateTables', description: '<p>This API call retrieves all rate tables.</p>', want: 'list' },
    { method: 'get', path: '/account', id: 'getAccount', description: 'This method returns all details of the account.', want: 'get' },
    // AWS query APIs give every action a GET and a POST: the GET does what its action says.
    { method: 'get', path: '/#Action=CreateKeyPair', id: 'GET_CreateKeyPair', description: 'Creates a key pair.', want: 'create' },
    { method: 'get', path: '/#Action=DeleteVolume', id: 'GET_DeleteVolume', description: 'Deletes the volume.', want: 'delete' },
    { method: 'get', path: '/#Action=DescribeRegions', id: 'GET_DescribeRegions', description: 'Describes the Regions.', want: 'list' },
    // With one, the summary says what it does: an action stays an action, whatever verb ends its id.
    { method: 'post', path: '/reports/microsoft.graph.generate', id: 'reports.reportGenerate', summary: 'Invoke action reportGenerate', want: 'action' },
  ] as const)('$method $path ($id) -> $want', ({ method, path, id, summary, description, want }) => {
    expect(operationIntent(operation(method, path, id, summary, description))).toBe(want);
  });
});

describe('requestIntent', () => {
  test.each([
    { given: 'add Jane as a new customer', want: 'create' },
    { given: 'spin up a team for the launch', want: 'create' },
    { given: 'remove the webhook', want: 'delete' },
    { given: 'get rid of the old label', want: 'delete' },
    { given: 'rename the repo', want: 'update' },
    { given: 'list everyone in Legal', want: 'list' },
    { given: 'show me all the disputes', want: 'list' },
    { given: 'show me the open alerts', want: 'list' },
    { given: 'were any keys leaked?', want: 'list' },
    { given: 'show me the readme', want: 'get' },
    { given: 'add a task to my to-do list', want: 'create' },
    { given: 'who does Kevin report to?', want: 'read' },
    { given: 'what cards does she have on file?', want: 'list' },
    { given: 'which files did I delete recently?', want: 'list' },
    { given: 'who did we invite last week?', want: 'read' },
    { given: 'how do I delete a file?', want: 'delete' },
    { given: 'which endpoint do I use to delete a node?', want: 'delete' },
    { given: 'what do I call to create an invoice?', want: 'create' },
    { given: 'which users have we invited?', want: 'list' },
    { given: 'what do I have to call to create an invoice?', want: 'create' },
    { given: 'which endpoint has to be called to delete a node?', want: 'delete' },
    { given: 'the quarterly report', want: undefined },
    // After a determiner a verb's word is a noun; "new" is an adjective there that still asks to create.
    { given: 'follow a show', want: undefined },
    { given: 'subscribe to the update feed', want: undefined },
    { given: 'roll out a new image', want: 'create' },
  ])('$given -> $want', ({ given, want }) => {
    expect(requestIntent(requestWords(given))).toBe(want);
  });

  test('a request that names an item by id and states no verb asks to get it', () => {
    expect(requestIntent(requestWords('refund re_1Nispe'), true)).toBe('get');
    expect(requestIntent(requestWords('refund re_1Nispe'), false)).toBeUndefined();
  });

  const verbs = new Map([
    ['block', 'write'],
    ['refund', 'write'],
    ['lookup', 'read'],
    ['unfollow', 'remove'],
  ] as const);

  test.each([
    { given: 'block all public access to the bucket', want: 'write' },
    { given: 'please unfollow the repo', want: 'delete' },
    { given: 'lookup the address', want: 'read' },
    // Only the opening word is taken for a verb: further on it may be a noun.
    { given: 'show the public access block', want: 'get' },
    { given: 'the public access block', want: undefined },
    // A request that names its intent itself keeps it.
    { given: 'delete the block', want: 'delete' },
    // A question's first noun is its subject, not a verb.
    { given: 'did refund go through?', want: 'read' },
  ])('opening with a verb the corpus knows: $given -> $want', ({ given, want }) => {
    expect(requestIntent(requestWords(given), false, verbs)).toBe(want);
  });
});

describe('intentFit', () => {
  test('keeps the whole score when the intents agree or the request states none, less when related, least when opposed', () => {
    expect(intentFit('create', 'create')).toBe(1);
    expect(intentFit(undefined, 'delete')).toBe(1);
    const related = intentFit('list', 'get');
    const action = intentFit('delete', 'action');
    const opposed = intentFit('create', 'delete');
    expect(related).toBeLessThan(1);
    expect(action).toBe(related);
    expect(opposed).toBeLessThan(related);
  });

  test('a request to read fits listing and getting alike; one to write by another verb fits its action best, then a create or update', () => {
    expect(intentFit('read', 'list')).toBe(1);
    expect(intentFit('read', 'get')).toBe(1);
    expect(intentFit('read', 'delete')).toBeLessThan(intentFit('read', 'action'));
    expect(intentFit('write', 'action')).toBe(1);
    expect(intentFit('write', 'update')).toBeLessThan(1);
    expect(intentFit('write', 'create')).toBe(intentFit('write', 'update'));
    expect(intentFit('write', 'get')).toBeLessThan(intentFit('write', 'update'));
    expect(intentFit('write', 'delete')).toBe(intentFit('write', 'get'));
  });

  test("an action that does not say the request's verb fits a request to write no better than a creation ('approve' for 'log 3 hours')", () => {
    expect(intentFit('write', 'action', false)).toBe(intentFit('write', 'create'));
    expect(intentFit('write', 'action', true)).toBeGreaterThan(intentFit('write', 'create'));
  });
});
