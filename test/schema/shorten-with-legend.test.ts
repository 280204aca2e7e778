// Tests for keeping what a description says an enum's values mean when shortening cuts it off.
import { describe, expect, test } from 'vitest';
import { shortenWithLegend } from '../../src/schema/shorten-with-legend.js';

describe('shortenWithLegend', () => {
  test('adds the meanings a later paragraph gives, after a first paragraph that gives none', () => {
    const text = '🚀 Since v4.30.0\n\nClassification ID:\n\n* `1` - public\n\n* `2` - internal\n\n* `3` - confidential';
    expect(shortenWithLegend(text, [1, 2, 3], 220)).toBe('🚀 Since v4.30.0 Values: 1: public, 2: internal, 3: confidential');
  });

  test('adds only the meanings the cut left out, each in full', () => {
    const text = 'Reminder plan. 0 - No plan. 1 - Send 1 hour before the webinar. 2 - Send 1 day before the webinar.';
    expect(shortenWithLegend(text, [0, 1, 2], 60)).toBe(
      'Reminder plan. 0 - No plan. 1 - Send 1 hour before the… Also: 1: Send 1 hour before the webinar, 2: Send 1 day before the webinar',
    );
  });

  test.each([
    { name: 'a colon', text: 'State.\n\n- 3: paid\n- 4: shipped', values: [3, 4], want: 'State. Values: 3: paid, 4: shipped' },
    {
      name: 'an equals sign',
      text: 'Output.\n\n- JSON = JavaScript Object Notation\n- XML = Extensible Markup',
      values: ['JSON', 'XML'],
      want: 'Output. Values: JSON: JavaScript Object Notation, XML: Extensible Markup',
    },
    {
      name: 'clauses',
      text: 'Status.\n\nNEW - queued for validation; ACTIVE - in use',
      values: ['NEW', 'ACTIVE'],
      want: 'Status. Values: NEW: queued for validation, ACTIVE: in use',
    },
    {
      name: 'quoted values',
      text: 'Use.\n\n`"ccd"` - Corporate Credit or Debit\n\n`"ppd"` - Prearranged Payment',
      values: ['ccd', 'ppd'],
      want: 'Use. Values: ccd: Corporate Credit or Debit, ppd: Prearranged Payment',
    },
  ])('reads a legend written with $name', ({ text, values, want }) => {
    expect(shortenWithLegend(text, values, 220)).toBe(want);
  });

  test('keeps a meaning to its first sentence and a bounded length, keeping underscores', () => {
    const text =
      'Match.\n\nphone_number: Only the number in the phone_number field. More.\n\nprefix: Every number that starts with the prefix given in the prefix field of this list entry';
    expect(shortenWithLegend(text, ['phone_number', 'prefix'], 220)).toBe(
      'Match. Values: phone_number: Only the number in the phone_number field, prefix: Every number that starts with the prefix given in the prefix field of this…',
    );
  });

  test('ends a long legend with an ellipsis', () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    const text = `Codes.\n\n${values.map((i) => `- ${i}: the meaning of code number ${i}`).join('\n')}`;
    const shortened = shortenWithLegend(text, values, 220)!;
    expect(shortened.startsWith('Codes. Values: 0: the meaning of code number 0, 1:')).toBe(true);
    expect(shortened.endsWith(', …')).toBe(true);
    expect(shortened.length).toBeLessThan(330);
  });

  test.each([
    { name: 'no enum', text: 'State.\n\n- 3: paid\n- 4: shipped', values: undefined },
    { name: 'one value', text: 'State.\n\n- 3: paid', values: [3] },
    { name: 'a legend of other values', text: 'State.\n\n- 3: paid\n- 4: shipped', values: [1, 2] },
    { name: 'a number list that is no legend', text: 'Steps.\n\n1. Open\n2. Close', values: [1, 2] },
    { name: 'a shortened text that says it all', text: 'State: 3: paid, 4: shipped.', values: [3, 4] },
    { name: 'a value that is only longer digits', text: 'State.\n\n- 10: not used\n- 11: demand note', values: [1, 2] },
  ])('adds nothing for $name', ({ text, values }) => {
    expect(shortenWithLegend(text, values, 220)).toBe(text.split('\n\n')[0]);
  });
});
