// Tests for reading compound words as their parts.
import { describe, expect, test } from 'vitest';
import { compoundParts } from '../../src/search/compound-terms.js';

const known = new Set(['work', 'log', 'user', 'group', 'web', 'hook', 're', 'set']);
const partsOf = (term: string) => compoundParts(term, (t) => known.has(t));

describe('compoundParts', () => {
  test.each([
    { given: 'worklog', want: ['work', 'log'] },
    { given: 'usergroup', want: ['user', 'group'] },
    { given: 'webhook', want: ['web', 'hook'] },
    { given: 'reset', want: undefined },
    { given: 'workflow', want: undefined },
    { given: 'log4j', want: undefined },
  ])('$given -> $want', ({ given, want }) => {
    expect(partsOf(given)).toEqual(want);
  });
});

describe('SearchIndex with compound words', () => {
  test('finds a compound by its parts said apart', async () => {
    const { SearchIndex } = await import('../../src/search/search-index.js');
    const op = (id: string, path: string, summary: string) => ({ id, method: 'post' as const, path, summary, description: summary, tags: [], deprecated: false, parameters: [], responses: {}, security: [], servers: [], docUrl: 'file:///api.json', problems: [] });
    const index = new SearchIndex([op('addWorklog', '/issue/{id}/worklog', 'Add worklog'), op('addComment', '/issue/{id}/comment', 'Add comment'), op('getLog', '/audit/log', 'Get the audit log of work done')]);
    expect(index.search('add a work log to the issue')[0]!.operation.id).toBe('addWorklog');
  });
});
