// Tests for telling the literal values of a request (ids, numbers, addresses, names) from its words.
import { describe, expect, test } from 'vitest';
import { separateLiterals } from '../../src/search/search-literals.js';

describe('separateLiterals', () => {
  test.each([
    { given: 'did refund re_1Nispe go through?', text: 'did refund go through?', namesItem: true },
    { given: 'update customer cus_NeZwdNtLEOXuvB', text: 'update customer', namesItem: true },
    { given: 'expire session cs_test_a1b2', text: 'expire session', namesItem: true },
    { given: 'which pull request brought in commit 9f2c1e?', text: 'which pull request brought in commit', namesItem: true },
    { given: 'put alice on ticket #5', text: 'put alice on ticket', namesItem: true },
    { given: 'ship v3.1.0 with 2 assets at 10am for $20', text: 'ship with assets at for', namesItem: false },
    // A word for a message, before whom it goes to, asks to send one; another word stays as it is.
    { given: 'email bob@example.com', text: 'send email', namesItem: false },
    { given: 'Text +15551234567 that the car is here', text: 'send Text that the car is here', namesItem: false },
    { given: 'find bob@example.com', text: 'find', namesItem: false },
    { given: 'send a message to bob@example.com', text: 'send a message to', namesItem: false },
    { given: "add 'renew passport' to my list", text: 'add to my list', namesItem: false },
    { given: 'a new repo called Expense Bot please', text: 'a new repo please', namesItem: false },
    { given: 'a new repo named scratchpad', text: 'a new repo', namesItem: false },
    { given: "what's Hannah's status", text: "what's Hannah's status", namesItem: false },
    { given: 'reply to her email saying thanks, I will review the budget', text: 'reply to her email', namesItem: false },
    { given: 'ping Jake telling him the deploy is late', text: 'ping Jake', namesItem: false },
    { given: 'delete the stale feature/login branch', text: 'delete the stale branch', namesItem: false },
    { given: 'star octocat/hello-world for me', text: 'star for me', namesItem: false },
    // Alone it may be an operation's id; with capitals, alternatives a summary names.
    { given: 'issues/create', text: 'issues/create', namesItem: false },
    { given: 'the report telling me which payouts failed', text: 'the report telling me which payouts failed', namesItem: false },
    { given: 'Associate/Deassociate a tag', text: 'Associate/Deassociate a tag', namesItem: false },
  ])('$given -> "$text"', ({ given, text, namesItem }) => {
    const separated = separateLiterals(given);
    expect(separated.text).toBe(text);
    expect(separated.namesItem).toBe(namesItem);
  });

  test.each([
    { given: 'share budget.xlsx with Ravi', text: 'share with Ravi', kinds: ['file'] },
    { given: 'read src/index.ts', text: 'read', kinds: ['file'] },
    { given: 'notify https://example.com/hooks on payment', text: 'notify on payment', kinds: ['url'] },
    { given: 'send them back to example.com/thanks', text: 'send them back to', kinds: ['url'] },
    { given: 'which events are there in 2024?', text: 'which events are there in', kinds: ['year'] },
    { given: 'close issue 2150', text: 'close issue', kinds: [] },
  ])('a file name, URL or year says what kind of thing it is: $given', ({ given, text, kinds }) => {
    expect(separateLiterals(given)).toEqual({ text, kinds, namesItem: false, idPrefixes: [] });
  });

  test('an id written after a prefix gives the prefix, which often abbreviates what it is of', () => {
    expect(separateLiterals('expire cs_test_a1b2 and refund re_1Nispe, not issue #5').idPrefixes).toEqual(['cs', 're']);
  });

  test('keeps a slashed name the API names in an id or a path', () => {
    const named = (token: string) => ['issues/create', 'user/repos'].includes(token);
    expect(separateLiterals('call issues/create now', () => false, named).text).toBe('call issues/create now');
    expect(separateLiterals('list the user/repos', () => false, named).text).toBe('list the user/repos');
    expect(separateLiterals('delete the feature/login branch', () => false, named).text).toBe('delete the branch');
  });

  test("keeps a token made of the API's own words even when it looks like an id", () => {
    const known = (token: string) => ['oauth2', 'list_v2_items'].includes(token);
    expect(separateLiterals('get an oauth2 token via list_v2_items', known).text).toBe('get an oauth2 token via list_v2_items');
    expect(separateLiterals('get an oauth2 token via list_v2_items').text).toBe('get an token via');
  });
});
