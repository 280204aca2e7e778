// Tests for reading a summary of several lines as its first line and the rest.
import { describe, expect, test } from 'vitest';
import { splitSummary } from '../../src/openapi/operation.js';

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
  ])('%s', (_name, summary, expected) => {
    expect(splitSummary(summary)).toEqual(expected);
  });
});
