// Tests for splitting ids and paths of words run together by the words the API's prose uses.
import { describe, expect, test } from 'vitest';
import { addRunTogetherForms, splitRunTogetherTerms } from '../../src/search/run-together-words.js';
import type { FieldTerms } from '../../src/search/search-fields.js';
import { tokenize } from '../../src/search/tokenize.js';

const fields = (given: Partial<FieldTerms>): FieldTerms => ({
  id: [],
  summary: [],
  path: [],
  pathParam: [],
  tag: [],
  parameter: [],
  description: [],
  ...given,
});

describe('splitRunTogetherTerms', () => {
  test('adds the words a run-together id and path are made of, keeping the term as written', () => {
    const docs = [fields({ id: ['getstationsdata'], path: ['getstationsdata'] }), fields({ description: ['weather', 'station', 'data'] })];
    splitRunTogetherTerms(docs, new Set(['get']));
    expect(docs[0]!.id).toEqual(['getstationsdata', 'get', 'station', 'data']);
    expect(docs[0]!.path).toEqual(['getstationsdata', 'get', 'station', 'data']);
  });

  test('splits a run whose final "e" the stemmer took, when its last word of four letters keeps it, and not into a shorter last word', () => {
    const docs = [
      fields({ id: tokenize('getCountrycode'), path: tokenize('maintenancemode') }),
      fields({ path: tokenize('poweron') }),
      fields({ description: tokenize('the country code of the power, one maintenance mode') }),
    ];
    splitRunTogetherTerms(docs, new Set(['get']));
    expect(docs[0]!.id).toEqual(['get', 'countrycod', 'country', 'code']);
    expect(docs[0]!.path).toEqual(['maintenancemod', 'maintenanc', 'mode']);
    expect(docs[1]!.path).toEqual(['poweron']);
  });

  test('leaves a term longer than words run together are alone (a hash, a token): splitting would cost the square of its length', () => {
    const long = 'configurationmanagementauthenticationpermission';
    const docs = [fields({ id: [long] }), fields({ description: tokenize('configuration management authentication permission') })];
    splitRunTogetherTerms(docs, new Set());
    expect(docs[0]!.id).toEqual([long]);
  });

  test('leaves a term alone that the prose uses, that does not split fully, or whose parts the operation names already', () => {
    const docs = [
      fields({ id: ['setthermpoint'], description: ['setpoint'] }),
      fields({ id: ['setpoint'], summary: ['setpoint'] }),
      fields({ id: ['pod', 'templat'], path: ['podtemplat'], description: ['pod', 'templat'] }),
    ];
    splitRunTogetherTerms(docs, new Set(['set']));
    expect(docs.map((d) => [...d.id, ...d.path])).toEqual([['setthermpoint'], ['setpoint'], ['pod', 'templat', 'podtemplat']]);
  });
});

describe('addRunTogetherForms', () => {
  test('adds a run-together term to the ids and paths that say its words apart and in order, unless they say it already', () => {
    // Vonage's getuserConversations runs "get" and "user" together; getUsers says them apart.
    const docs = [
      fields({ id: ['getuser', 'conversation'], summary: ['list', 'user', 'conversation'] }),
      fields({ id: ['get', 'user'], path: ['user'] }),
      fields({ id: ['get', 'conversation'] }),
      fields({ id: ['get', 'user', 'getuser'] }),
      fields({ id: ['get', 'conversation', 'user'] }),
      fields({ id: ['user', 'get'] }),
    ];
    addRunTogetherForms(docs, splitRunTogetherTerms(docs, new Set(['get'])));
    expect(docs.map((d) => d.id)).toEqual([
      ['getuser', 'conversation', 'get', 'user'],
      ['get', 'user', 'getuser'],
      ['get', 'conversation'],
      ['get', 'user', 'getuser'],
      // Its words apart but not one after the other, or not in order.
      ['get', 'conversation', 'user'],
      ['user', 'get'],
    ]);
    expect(docs[1]!.path).toEqual(['user']);
  });
});
