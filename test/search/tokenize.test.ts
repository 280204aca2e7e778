// Tests for turning ids, paths and prose into search terms.
import { describe, expect, test } from 'vitest';
import { memoizedTokenizer, singular, splitWords, stem, tokenize, toTerm } from '../../src/search/tokenize.js';

describe('splitWords', () => {
  test.each([
    { given: 'listRepositoriesForAuthenticatedUser', want: ['list', 'repositories', 'for', 'authenticated', 'user'] },
    { given: 'repos/list-for-org', want: ['repos', 'list', 'for', 'org'] },
    { given: 'get_pet_by_id', want: ['get', 'pet', 'by', 'id'] },
    { given: '/repos/{owner}/{repo}/pulls/{pull_number}', want: ['repos', 'owner', 'repo', 'pulls', 'pull', 'number'] },
    { given: 'XMLHttpRequest', want: ['xml', 'http', 'request'] },
    { given: 'getUserID', want: ['get', 'user', 'id'] },
    { given: 'HTMLParser', want: ['html', 'parser'] },
    { given: 'listPRs', want: ['list', 'prs'] },
    { given: 'getURLsForUser', want: ['get', 'urls', 'for', 'user'] },
    { given: 'v2Api', want: ['v2', 'api'] },
    { given: 'Find pets (by status), quickly!', want: ['find', 'pets', 'by', 'status', 'quickly'] },
    { given: '  ', want: [] },
  ])('splits $given into $want', ({ given, want }) => {
    expect(splitWords(given)).toEqual(want);
  });
});

describe('stem', () => {
  test.each([
    { given: 'repositories', want: 'repository' },
    { given: 'created', want: 'creat' },
    { given: 'create', want: 'creat' },
    { given: 'listing', want: 'list' },
    { given: 'lists', want: 'list' },
    { given: 'starred', want: 'star' },
    { given: 'stars', want: 'star' },
    { given: 'running', want: 'run' },
    { given: 'filled', want: 'fill' },
    { given: 'branches', want: 'branch' },
    { given: 'boxes', want: 'box' },
    { given: 'addresses', want: 'address' },
    { given: 'status', want: 'status' },
    { given: 'analysis', want: 'analysis' },
    { given: 'pulls', want: 'pull' },
    { given: 'need', want: 'need' },
    { given: 'pet', want: 'pet' },
    { given: 'v3', want: 'v3' },
    { given: 'oauth2s', want: 'oauth2s' },
    { given: 'string', want: 'string' },
    { given: 'shipped', want: 'ship' },
    { given: 'currently', want: 'current' },
    { given: 'monthly', want: 'month' },
    { given: 'apply', want: 'apply' },
    { given: 'reply', want: 'reply' },
    { given: 'early', want: 'early' },
  ])('stems $given to $want', ({ given, want }) => {
    expect(stem(given)).toBe(want);
  });

  test.each([
    ['created', 'create', 'creates', 'creating'],
    ['updated', 'update', 'updates', 'updating'],
    ['starred', 'star', 'stars', 'starring'],
    ['issues', 'issue'],
    ['current', 'currently'],
    ['complete', 'completely'],
  ])('brings the forms of one word to the same stem: %s', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });
});

describe('singular', () => {
  test.each([
    { given: 'repositories', want: 'repository' },
    { given: 'branches', want: 'branch' },
    { given: 'meetings', want: 'meeting' },
    { given: 'status', want: 'status' },
    { given: 'address', want: 'address' },
    { given: 'bus', want: 'bus' },
    { given: 'ips', want: 'ip' },
    { given: 'vms', want: 'vm' },
    { given: 'dns', want: 'dns' },
    { given: 'sms', want: 'sms' },
  ])('$given -> $want', ({ given, want }) => {
    expect(singular(given)).toBe(want);
  });

  test('an acronym plural meets its singular as a term: "available-ips" is found by "IP address"', () => {
    expect(tokenize('available-ips')).toEqual(tokenize('available IP'));
  });
});

describe('toTerm', () => {
  test.each([
    { given: 'repository', want: 'repo' },
    { given: 'repositories', want: 'repo' },
    { given: 'organization', want: 'org' },
    { given: 'organisations', want: 'org' },
    { given: 'remove', want: 'delet' },
    { given: 'fetch', want: 'get' },
    { given: 'setting', want: 'configuration' },
    { given: 'stats', want: 'statistic' },
    { given: 'id', want: 'identifier' },
    { given: 'apps', want: 'application' },
    { given: 'constructor', want: 'constructor' },
  ])('folds $given into the term $want', ({ given, want }) => {
    expect(toTerm(given)).toBe(want);
  });

  test.each(['state', 'states'])('does not fold %s, whose stem only lost its final "e", into the term of "stats"', (given) => {
    expect(toTerm(given)).toBe('stat');
    expect(toTerm(given)).not.toBe(toTerm('stats'));
  });
});

describe('tokenize', () => {
  test.each([
    { given: 'List the repositories of an organization', want: ['list', 'repo', 'org'] },
    { given: 'merge a PR', want: ['merg', 'pr'] },
    { given: 'repos/list-for-org', want: ['repo', 'list', 'org'] },
    { given: 'How do I delete my repository?', want: ['delet', 'repo'] },
    { given: 'the and of to', want: [] },
  ])('turns $given into $want', ({ given, want }) => {
    expect(tokenize(given)).toEqual(want);
  });

  test('an id and its prose description meet on the same terms', () => {
    const prose = tokenize('List repositories starred by the authenticated user');
    expect(prose).toEqual(['list', 'repo', 'star', 'authenticat', 'user']);
    expect(tokenize('activity/list-repos-starred-by-authenticated-user')).toEqual(['activity', ...prose]);
  });

  test('synonyms on the query side find the canonical word on the index side', () => {
    expect(tokenize('remove an organization repository')).toEqual(tokenize('delete org repo'));
  });
});

describe('memoizedTokenizer', () => {
  test('gives what tokenize gives, the same array for the same text', () => {
    const terms = memoizedTokenizer();
    for (const text of ['List the repositories of an organization', 'repos/list-for-org', 'List the repositories of an organization']) {
      expect(terms(text)).toEqual(tokenize(text));
    }
    expect(terms('a b c repos')).toBe(terms('a b c repos'));
  });
});
