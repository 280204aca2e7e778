// Tests for the hint that a long JSON body can be narrowed with select, built from the body's own keys.
import { describe, expect, test } from 'vitest';
import { selectHint } from '../../src/http/select-hint.js';

const long = 13_000;

describe('selectHint', () => {
  test.each([
    [
      "a page whose list is under data (Vimeo's videos)",
      { total: 1, data: [{ uri: '/videos/1', name: 'Launch', embed: {} }] },
      'data[].{name: name, uri: uri}',
    ],
    ['a list at the top (GitHub issues)', [{ url: 'u', id: 1, title: 't' }], '[].{id: id, title: title}'],
    [
      "one object: its own fields, not a list inside it (a video's categories)",
      { link: 'l', categories: [{ name: 'c' }], name: 'v' },
      '{name: name, link: link}',
    ],
  ])('%s', (_name, json, example) => {
    expect(selectHint(json, long)).toBe(`This body is 13 KB: select (JMESPath) returns only the fields you name, e.g. "${example}".`);
  });

  test.each([
    ['a short body', { id: 1, name: 'x' }, 3_000],
    ['a body that is not JSON', undefined, long],
    ['a list of numbers', [1, 2, 3], long],
    ['keys JMESPath would need quoted', { 'a-b': 1, '@odata.type': 'x' }, long],
  ])('none for %s', (_name, json, bytes) => {
    expect(selectHint(json, bytes)).toBeUndefined();
  });
});
