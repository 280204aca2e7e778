// Tests for reading the next page's arguments from a response, on the shapes real APIs return.
import { describe, expect, test } from 'vitest';
import { nextPageNote } from '../../src/http/next-page.js';

const sent = new URL('https://api.example.com/items?per_page=30');
const note = (json: unknown, names: string[], headers: Record<string, string> = {}) => nextPageNote(json, headers, names, sent);

describe('nextPageNote', () => {
  test.each([
    ["Square's cursor, taken in the body", { team_members: [{}], cursor: 'N:9Ug' }, ['body.cursor', 'body.limit'], 'body.cursor = "N:9Ug"'],
    ["Slack's response_metadata.next_cursor", { members: [], response_metadata: { next_cursor: 'dGVhbTpD' } }, ['cursor', 'limit'], 'cursor = "dGVhbTpD"'],
    ["Google's nextPageToken", { files: [], nextPageToken: 'tok' }, ['pageToken', 'q'], 'pageToken = "tok"'],
    ["AWS's NextToken", { Functions: [], NextToken: 'abc' }, ['body.NextToken'], 'body.NextToken = "abc"'],
    [
      "DynamoDB's LastEvaluatedKey, an object",
      { Items: [], LastEvaluatedKey: { id: { S: '7' } } },
      ['body.ExclusiveStartKey'],
      'body.ExclusiveStartKey = {"id":{"S":"7"}}',
    ],
    [
      "Stripe's has_more with the last id",
      { object: 'list', data: [{ id: 'cus_1' }, { id: 'cus_2' }], has_more: true },
      ['starting_after', 'limit'],
      'starting_after = "cus_2"',
    ],
    ["Bitbucket's next link in the body", { values: [], next: 'https://api.bitbucket.org/2.0/repositories/acme?page=2' }, ['page', 'workspace'], 'page = "2"'],
  ])('%s', (_name, json, names, said) => {
    expect(note(json, names)).toBe(`More results: call again with ${said} for the next page.`);
  });

  test("a next link whose token is no argument (Azure's $skiptoken) or whose page is in the path is given to call as an address", () => {
    const callable = () => true;
    const azure = 'https://api.example.com/items?per_page=30&$skiptoken=eyJOZXh0';
    expect(nextPageNote({ value: [], nextLink: azure }, {}, ['per_page'], sent, callable)).toBe(
      `More results: execute_endpoint { "id": "GET ${azure}" } gets the next page.`,
    );
    expect(nextPageNote({ items: [], next: '/items/page/2?per_page=30' }, {}, ['per_page'], sent, callable)).toBe(
      'More results: execute_endpoint { "id": "GET https://api.example.com/items/page/2?per_page=30" } gets the next page.',
    );
    // A link to the page just fetched is no next page.
    expect(nextPageNote({ items: [], next: sent.href }, {}, ['per_page'], sent, callable)).toBeUndefined();
  });

  test("a next link no endpoint answers at keeps to the arguments it changes (GitHub's Link to /repositories/{id}/issues)", () => {
    const link = '<https://api.github.com/repositories/1300192/issues?per_page=30&page=2>; rel="next"';
    expect(note([{}], ['per_page', 'page'], { link })).toBe('More results: call again with page = "2" for the next page.');
  });

  test("a Link header's next page, without the parameters sent unchanged (GitHub)", () => {
    const link = '<https://api.example.com/items?per_page=30&page=2>; rel="next", <https://api.example.com/items?per_page=30&page=9>; rel="last"';
    expect(note([{}, {}], ['per_page', 'page'], { link })).toBe('More results: call again with page = "2" for the next page.');
  });

  test.each([
    ['the last page of Slack (an empty cursor)', { response_metadata: { next_cursor: '' } }, ['cursor']],
    ['the last page of Stripe', { data: [{ id: 'cus_1' }], has_more: false }, ['starting_after']],
    ['a token the operation takes no argument for', { nextPageToken: 'tok' }, ['q']],
    ['no paging at all', { id: 1, name: 'Rex' }, ['cursor']],
    ['a body that is not JSON', undefined, ['cursor']],
    ['a cursor that is a link, not a token', { cursor: 'https://api.example.com/items?c=2' }, ['cursor']],
  ])('says nothing for %s', (_name, json, names) => {
    expect(note(json, names)).toBeUndefined();
  });

  test('a Link header without a next page says nothing', () => {
    expect(note([], ['page'], { link: '<https://api.example.com/items?page=1>; rel="first"' })).toBeUndefined();
  });

  test('a long token is pointed to, not repeated', () => {
    expect(note({ NextToken: 'x'.repeat(400) }, ['NextToken'])).toBe(
      'More results: call again with NextToken = (the long value in the body) for the next page.',
    );
  });
});
