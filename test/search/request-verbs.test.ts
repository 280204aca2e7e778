// Tests for the shipped verbs a request may open with (data/request-verbs.json).
import { describe, expect, test } from 'vitest';
import { requestVerbs } from '../../src/search/request-verbs.js';
import { toTerm } from '../../src/search/tokenize.js';

describe('requestVerbs', () => {
  test('says what common opening verbs do to data, keyed by search term', () => {
    const verbs = requestVerbs();
    expect(verbs.get(toTerm('block'))).toBe('write');
    expect(verbs.get(toTerm('suspend'))).toBe('write');
    expect(verbs.get(toTerm('download'))).toBe('read');
    expect(verbs.get(toTerm('unsubscribe'))).toBe('remove');
  });

  test('knows no nouns that merely open summaries on many methods', () => {
    expect(requestVerbs().get(toTerm('user'))).toBeUndefined();
  });
});
