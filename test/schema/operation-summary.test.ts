// Tests for the line an operation shows in listings when it has no summary, or one that says nothing more than its id.
import { describe, expect, test } from 'vitest';
import type { Operation } from '../../src/openapi/operation.js';
import { operationOf } from '../support/operation.js';
import { summaryText } from '../../src/schema/operation-summary.js';

const operation = (fields: Partial<Operation>): Operation => operationOf({ id: 'x', method: 'get', path: '/x', ...fields });

describe('summaryText', () => {
  test.each([
    { name: 'the summary when there is one', given: { summary: 'List pets', description: 'Returns all pets.' }, want: 'List pets' },
    { name: 'its entities decoded', given: { summary: 'Get terms &amp; conditions' }, want: 'Get terms & conditions' },
    { name: 'else the first sentence of the description', given: { description: 'Returns all pets. Paged by cursor.' }, want: 'Returns all pets.' },
    {
      name: 'HTML removed',
      given: { description: '<p>Adds the specified tags to the specified load balancer. Each load balancer can have a maximum of 10 tags.</p>' },
      want: 'Adds the specified tags to the specified load balancer.',
    },
    {
      name: 'markdown links flattened',
      given: { description: 'Creates a [webhook](https://example.com/docs) for events.' },
      want: 'Creates a webhook for events.',
    },
    {
      name: '"e.g." does not end the sentence',
      given: { description: 'Lists resources, e.g. disks and images. More below.' },
      want: 'Lists resources, e.g. disks and images.',
    },
    {
      name: 'a long first sentence shortened at a word, to 120 characters',
      given: { description: `Creates ${'a very long thing '.repeat(12)}now.` },
      want: `Creates ${'a very long thing '.repeat(6)}a…`,
    },
    { name: 'nothing at all', given: {}, want: '' },
    {
      name: 'a label for a first sentence brings the next one',
      given: { description: 'Important! Due to EU &amp; UK rules, refunds go through eBay. More below.' },
      want: 'Important! Due to EU & UK rules, refunds go through eBay.',
    },
    { name: 'a label brings one sentence, not more', given: { description: 'Deprecated. Beta. Internal. Creates a pet.' }, want: 'Deprecated. Beta.' },
    { name: 'two words are a sentence, not a label', given: { description: 'Lists pets. Returns every pet in the store.' }, want: 'Lists pets.' },
    {
      name: 'a summary joined to its description by spaces is read up to the gap',
      given: { summary: 'Get users   Returns a list of users, filtered according to query parameters' },
      want: 'Get users',
    },
    {
      name: 'a summary written as paragraphs is read as a description',
      given: { summary: 'Classifies the `query` using examples.\n\nThe endpoint first [searches](/docs/searches) over the examples.' },
      want: 'Classifies the query using examples.',
    },
    {
      name: 'and so is a summary of several long sentences',
      given: { summary: `Uploads a file for use across endpoints. ${'The size of all files is limited. '.repeat(4)}` },
      want: 'Uploads a file for use across endpoints.',
    },
    {
      name: 'a summary that only repeats the id gives way to the description',
      given: { id: 'getBoardsByIdBoard', summary: 'getBoardsByIdBoard()', description: 'Returns one board. Fields vary.' },
      want: 'Returns one board.',
    },
    { name: 'or to nothing, without one', given: { id: 'GetSecrets', summary: 'Get Secrets' }, want: '' },
    {
      name: 'a description that opens a list leads with its first item, without the marker',
      given: { description: '- If the article is under embargo, it is published when the embargo ends.\n- A new public version is made.' },
      want: 'If the article is under embargo, it is published when the embargo ends.',
    },
    {
      name: 'an item that ends without a full stop ends at its line',
      given: { description: '1. Starts a new transaction\n2. Then pay it' },
      want: 'Starts a new transaction',
    },
  ])('$name', ({ given, want }) => {
    expect(summaryText(operation(given))).toBe(want);
  });
});
