// Tests for what imperfect summaries say: several lines, and the name a success response gives.
import { describe, expect, test } from 'vitest';
import { nameOfResponse, splitSummary } from '../../src/openapi/operation-summary.js';

describe('splitSummary', () => {
  test.each([
    ['one line', 'List pets', { first: 'List pets' }],
    [
      "Visma's: a line of its own after CRLF",
      'Get a range of SO Orders - ScreenId=SO301000\r\nRequest page size must be lower.\r\nChange log:',
      { first: 'Get a range of SO Orders - ScreenId=SO301000', rest: 'Request page size must be lower.\r\nChange log:' },
    ],
    [
      'a paragraph after a blank line',
      'Metadata about this API.\n\nMetadata requests are NOT billed.',
      { first: 'Metadata about this API.', rest: 'Metadata requests are NOT billed.' },
    ],
    ['a list after the first line', 'It will validate followings\n1. Vault capacity', { first: 'It will validate followings', rest: '1. Vault capacity' }],
    [
      'a sentence wrapped onto the next line',
      'Gets the quota requests over the time\n period of one year.',
      { first: 'Gets the quota requests over the time period of one year.' },
    ],
    [
      'a line that ends on a little word runs on, capital or not',
      'Lists applications running in\nGoogle Cloud Platform.',
      { first: 'Lists applications running in Google Cloud Platform.' },
    ],
    ['a line that ends on a comma runs on', 'Returns up to 100 items,\n500 with a filter', { first: 'Returns up to 100 items, 500 with a filter' }],
  ])('%s', (_name, summary, expected) => {
    expect(splitSummary(summary)).toEqual(expected);
  });
});

describe('nameOfResponse', () => {
  test.each([
    ["Clever Cloud's camelCase", { '200': { description: 'redeployApplication' } }, 'Redeploy application'],
    ['snake_case', { '201': { description: 'split_test' } }, 'Split test'],
    ['prose', { '200': { description: 'OK' } }, undefined],
    ['two words', { '200': { description: 'Status 200' } }, undefined],
    ['a name on an error only', { '404': { description: 'notFound' }, '200': { description: 'Success' } }, undefined],
    ['no responses', undefined, undefined],
  ])('%s', (_name, responses, expected) => {
    expect(nameOfResponse(responses)).toBe(expected);
  });
});
