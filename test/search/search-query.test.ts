// Tests for reading a request as search concepts.
import { describe, expect, test } from 'vitest';
import { conceptTerms, joinHyphenated, queryConcepts, requestWords } from '../../src/search/search-query.js';
import { vocabularyOf } from '../../src/search/search-vocabulary.js';

const vocabulary = vocabularyOf([
  { when: ['email'], means: ['mail', 'message', 'email'] },
  { when: ['new'], means: ['create'] },
  { when: ['leaked key', 'leaked api keys'], means: ['secret', 'scanning', 'alert'] },
  { when: ['many'], means: ['list', 'count'] },
  { when: ['spin up', 'set up'], means: ['create'] },
]);
const termsOf = (request: string) => queryConcepts(request, vocabulary).map((c) => [...c.terms.keys()]);

describe('queryConcepts', () => {
  test('each word is a concept with what it means; stop words are left out', () => {
    expect(termsOf('send the email')).toEqual([['send'], ['email', 'mail', 'messag']]);
  });

  test("a verb also asks for the noun the API makes of it, but for the verbs of intent ('create' for 'creation')", () => {
    const apiTerms = new Set(['execution', 'invitation', 'creation', 'action']);
    const terms = (request: string) => queryConcepts(request, undefined, (term) => apiTerms.has(term)).map((c) => [...c.terms.keys()]);
    expect(terms('execute function')).toEqual([['execut', 'execution'], ['function']]);
    expect(terms('invite a user')).toEqual([['invit', 'invitation'], ['user']]);
    expect(terms('create a plan')).toEqual([['creat'], ['plan']]);
    expect(terms('act now')[0]).toEqual(['act']);
  });

  test("a noun also asks for the adjective the API makes of it in '-ic' or '-ical' ('price history': historical data), not for any '-al' word ('option': optional)", () => {
    const apiTerms = new Set(['historical', 'geographic', 'statistical', 'optional', 'personal']);
    const terms = (request: string) => queryConcepts(request, undefined, (term) => apiTerms.has(term)).map((c) => [...c.terms.keys()]);
    expect(terms('price history')).toEqual([['pric'], ['history', 'historical']]);
    expect(terms('geography statistic')).toEqual([
      ['geography', 'geographic'],
      ['statistic', 'statistical'],
    ]);
    expect(terms('option person')).toEqual([['option'], ['person']]);
  });

  test('without a vocabulary each word stands for itself', () => {
    expect(queryConcepts('send the email').map((c) => [...c.terms.keys()])).toEqual([['send'], ['email']]);
  });

  test('a typed word counts fully; a loosely used word less than what it stands for', () => {
    const [email, newOne] = queryConcepts('email new', vocabulary).map((c) => c.terms);
    expect(email!.get('email')).toBe(1);
    expect(newOne!.get('new')).toBeLessThan(newOne!.get('creat')!);
  });

  test('a known phrase becomes one concept whose terms name it together', () => {
    const concepts = queryConcepts('were any leaked API keys found', vocabulary);
    const phrase = concepts.find((c) => c.together);
    expect([...phrase!.terms.keys()]).toEqual(['secret', 'scan', 'alert']);
  });

  test('what follows "by" narrows the request and counts less; "filter" or "sorted" before it is no thing to find', () => {
    const concepts = queryConcepts('list devices filtered by site');
    expect(concepts.map((c) => [...c.terms.keys()])).toEqual([['list'], ['devic'], ['site']]);
    expect(concepts[2]!.terms.get('site')).toBeLessThan(concepts[1]!.terms.get('devic')!);
  });

  test('a noun before "by" that is the thing asked for stays: "get group by name", "get filter by id"', () => {
    expect(queryConcepts('get group by name').map((c) => [...c.terms.keys()])).toEqual([['get'], ['group'], ['name']]);
    expect(queryConcepts('get filter by id').map((c) => [...c.terms.keys()])).toEqual([['get'], ['filter'], ['identifier']]);
  });

  test('a word said twice is one concept', () => {
    expect(termsOf('how many licenses and how many seats').filter((t) => t.includes('count'))).toHaveLength(1);
  });

  test('contractions and possessives leave no stray letters', () => {
    expect(termsOf("I'm sure it's Bob's")).toEqual([['sure'], ['bob']]);
  });

  test('two words the API writes as one word also find that word, in either order', () => {
    const apiTerms = new Set(['worklog', 'subaccount']);
    const concepts = queryConcepts('log 3 hours of work', undefined, (term) => apiTerms.has(term));
    expect(concepts.map((c) => [...c.terms.keys()])).toEqual([['log', 'worklog'], ['3'], ['hour'], ['work', 'worklog']]);
    expect(queryConcepts('create a sub-account', undefined, (term) => apiTerms.has(term)).map((c) => [...c.terms.keys()])).toEqual([
      ['creat'],
      ['sub', 'subaccount'],
      ['account', 'subaccount'],
    ]);
    expect(termsOf('log 3 hours of work')).toEqual([['log'], ['3'], ['hour'], ['work']]);
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
    expect(requestWords('please spin up a new team', vocabulary)).toEqual(['please', 'create', 'a', 'new', 'team']);
  });
});

describe('joinHyphenated', () => {
  const terms = new Set(['addon', 'provider', 'subaccount', 'account', 'time', 'zone', 'timezon', 'onstatus']);
  const isTerm = (term: string) => terms.has(term);

  test.each([
    ['list add-on providers', 'list addon providers'],
    ['list Add-On providers', 'list addon providers'],
    ['create a sub-account', 'create a subaccount'],
    // Both parts are words of the API: the compound is tried beside them (see queryConcepts), the words stay.
    ['get time-zone', 'get time-zone'],
    ['a follow-up note', 'a follow-up note'],
    ['POST /v0.5/consent-requests/on-status', 'POST /v0.5/consent-requests/on-status'],
  ])('%s', (request, expected) => {
    expect(joinHyphenated(request, isTerm)).toBe(expected);
  });
});
