// Tests for how exactly an operation's title says what a keyword query says.
import { describe, expect, test } from 'vitest';
import { contentTerms, titleFit, titlesOf } from '../../src/search/search-title.js';
import { tokenize } from '../../src/search/tokenize.js';

const query = (text: string) => new Set(contentTerms(tokenize(text)));
const titles = (summary: string, id: string, path = '') => titlesOf({ summary: tokenize(summary), id: tokenize(id), path: tokenize(path) });

describe('contentTerms', () => {
  test('leaves out verbs of intent, HTTP method names and versions', () => {
    expect(contentTerms(tokenize('PostCustomers list get create v1 v2beta1 42 customer issue'))).toEqual(['customer', 'issu']);
  });
});

describe('titlesOf', () => {
  test('keeps the summary and the id apart, once when they say the same', () => {
    expect(titles('Create an issue', 'issues/create')).toEqual([['issu']]);
    expect(titles('List branches', 'repos/list-branches')).toEqual([['branch'], ['repo', 'branch']]);
  });

  test('an operation on the caller has the caller in its titles', () => {
    expect(titles('List events', 'me.ListEvents', 'authenticated user events')).toEqual([['event', 'authenticat']]);
  });
});

describe('titleFit', () => {
  test.each([
    { given: 'create issue', title: ['Create an issue', 'issues/create'], want: 1 },
    { given: 'create issue', title: ['Create an issue comment', 'issues/create-comment'], want: 1 / 2 },
    { given: 'create issue', title: ['Add labels to an issue', 'issues/add-labels'], want: 1 / 2 },
    { given: 'create issue label', title: ['Create an issue', 'issues/create'], want: 0 },
    { given: 'list branches', title: ['List branches', 'repos/list-branches'], want: 1 },
    { given: 'list namespaced pods', title: ['', 'listCoreV1NamespacedPod'], want: 1 / 2 },
    { given: 'list namespaced pods', title: ['', 'listCoreV1PodForAllNamespaces'], want: 1 / 3 },
    { given: 'list', title: ['List branches', 'repos/list-branches'], want: 0 },
  ])('"$given" against $title -> $want', ({ given, title, want }) => {
    expect(titleFit(query(given), titles(title[0]!, title[1]!))).toBeCloseTo(want);
  });
});
