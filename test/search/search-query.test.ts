// Tests for reading a request as search concepts.
import { describe, expect, test } from 'vitest';
import { conceptTerms, queryConcepts, requestWords } from '../../src/search/search-query.js';

const termsOf = (request: string) => queryConcepts(request).map((c) => [...c.terms.keys()]);

describe('queryConcepts', () => {
  test('each word is a concept with its expansions; stop words are left out', () => {
    expect(termsOf('send the email')).toEqual([['send'], ['email', 'mail', 'messag']]);
  });

  test('a typed word counts fully; a loosely used word less than what it stands for', () => {
    const [email, newOne] = queryConcepts('email new').map((c) => c.terms);
    expect(email!.get('email')).toBe(1);
    expect(newOne!.get('new')).toBeLessThan(newOne!.get('creat')!);
  });

  test('a known phrase becomes one concept whose terms name it together', () => {
    const concepts = queryConcepts('were any leaked API keys found');
    const phrase = concepts.find((c) => c.together);
    expect([...phrase!.terms.keys()]).toEqual(['secret', 'scan', 'alert']);
  });

  test('a word said twice is one concept', () => {
    expect(termsOf('how many licenses and how many seats').filter((t) => t.includes('count'))).toHaveLength(1);
  });

  test('contractions and possessives leave no stray letters', () => {
    expect(termsOf("I'm sure it's Bob's")).toEqual([['sure'], ['bob']]);
  });

  test('words inherited by every object are plain words', () => {
    expect(termsOf('constructor toString')).toEqual([['constructor'], ['string']]);
  });
});

describe('conceptTerms', () => {
  test('keeps each term once, at its highest weight', () => {
    expect(conceptTerms(queryConcepts('delete, remove')).get('delet')).toBe(1);
  });
});

describe('requestWords', () => {
  test('replaces known phrases by what they mean, in place', () => {
    expect(requestWords('please spin up a new team')).toEqual(['please', 'create', 'a', 'new', 'team']);
  });
});
