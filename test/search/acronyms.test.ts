// Tests for words a request spells out that the API names by their initials.
import { describe, expect, test } from 'vitest';
import { acronymsSaid, segmentTerms } from '../../src/search/acronyms.js';
import { tokenize } from '../../src/search/tokenize.js';

describe('segmentTerms', () => {
  test("are the terms of the paths' one-word static segments", () => {
    const terms = segmentTerms(['/entities/vms', '/entities/vms/{id}', '/firewall/access-lists', '/acls'], tokenize);
    expect([...terms].sort()).toEqual(['acl', 'entity', 'firewall', 'vm']);
  });
});

describe('acronymsSaid', () => {
  test.each([
    { text: 'list virtual machines', want: ['vm'] },
    { text: 'show the access control lists of the firewall', want: ['acl'] },
    // Words of two letters start no acronym's word; an acronym typed already is no more asked.
    { text: 'my vm is down', want: [] },
    { text: 'list virtual machines and vm snapshots', want: [] },
    { text: 'make a private repo', want: [] },
  ])('"$text" -> $want', ({ text, want }) => {
    expect(acronymsSaid(text, new Set(['vm', 'acl']))).toEqual(want);
  });
});
