// Tests for shortening prose: first paragraph, markup flattened, cut at a sentence or word boundary.
import { describe, expect, test } from 'vitest';
import { shortenText } from '../../src/schema/shorten-text.js';

describe('shortenText', () => {
  test.each([
    { name: 'undefined', given: undefined, max: 100 },
    { name: 'an empty string', given: '', max: 100 },
    { name: 'only whitespace', given: '  \n ', max: 100 },
    { name: 'only markup', given: '<br/>', max: 100 },
    { name: 'a limit of 0', given: 'Returns a pet.', max: 0 },
  ])('returns undefined for $name', ({ given, max }) => {
    expect(shortenText(given, max)).toBeUndefined();
  });

  test.each([
    { name: 'keeps short text as it is', given: 'Returns a single pet.', want: 'Returns a single pet.' },
    { name: 'keeps only the first paragraph', given: 'Lists pets.\n\nSupports paging.\n\nMore.', want: 'Lists pets.' },
    { name: 'treats a blank line with spaces as a paragraph break', given: 'First.\n   \nSecond.', want: 'First.' },
    { name: 'joins the lines of a paragraph', given: 'Lists all\n  pets in\tthe store.', want: 'Lists all pets in the store.' },
    { name: 'drops HTML tags', given: 'Returns <b>all</b> pets<br/>.', want: 'Returns all pets.' },
    {
      name: "keeps HTML list items apart (XTRF's job statuses)",
      given: 'One of:<ul><li>OPEN – from ACCEPTED</li><li>STARTED – from READY</li></ul>',
      want: 'One of: OPEN – from ACCEPTED STARTED – from READY',
    },
    { name: 'drops HTML comments and tags with attributes', given: 'See <a href="/x">the <i>guide</i></a><!-- todo -->.', want: 'See the guide.' },
    {
      name: 'drops tags the text closes, HTML or not',
      given: '<note>Needs the <replaceable>bucket</replaceable> owner.</note>',
      want: 'Needs the bucket owner.',
    },
    {
      name: 'drops a tag closed in a later paragraph',
      given: '<important>Only the owner may call this.\n\nSee the guide.</important>',
      want: 'Only the owner may call this.',
    },
    { name: 'keeps the address of an autolink', given: 'See <https://example.com/docs>.', want: 'See https://example.com/docs.' },
    {
      name: 'keeps angle-bracket placeholders that are no HTML',
      given: 'Filters: dangling=<boolean>, label=<key> or <key>=<value>.',
      want: 'Filters: dangling=<boolean>, label=<key> or <key>=<value>.',
    },
    { name: 'keeps the text of markdown links', given: 'See [the guide](https://example.com/guide) first.', want: 'See the guide first.' },
    { name: 'drops bold, italic and code markers', given: 'Use **bold**, *italic* and `code`.', want: 'Use bold, italic and code.' },
    { name: 'drops underscore emphasis', given: 'This is _important_.', want: 'This is important.' },
    { name: 'keeps snake_case identifiers intact', given: 'Use per_page and page_size to page.', want: 'Use per_page and page_size to page.' },
    { name: 'keeps a lone asterisk', given: 'Multiply a * b * c.', want: 'Multiply a * b * c.' },
    { name: 'keeps underscores inside code spans', given: 'Pass `per_page` to page.', want: 'Pass per_page to page.' },
    { name: 'drops nested and triple markers', given: 'A ***very*** **_strong_** hint.', want: 'A very strong hint.' },
    {
      name: 'decodes entities, and keeps one it does not know',
      given: 'EU &amp; UK rules &#8211; page=1&amp;size=2 &bogus;',
      want: 'EU & UK rules – page=1&size=2 &bogus;',
    },
    {
      name: 'keeps entities that are no character to show',
      given: 'a &constructor; &#27; &#xD800; &#0; &#x110000; b',
      want: 'a &constructor; &#27; &#xD800; &#0; &#x110000; b',
    },
  ])('$name', ({ given, want }) => {
    expect(shortenText(given, 200)).toBe(want);
  });

  test('cuts at the last sentence end when it is past half the limit', () => {
    const text = 'Lists the pets in the store. Results are paged by default.';
    expect(shortenText(text, 40)).toBe('Lists the pets in the store.');
  });

  test.each([
    [
      'e.g.',
      'The ports, as a single port or a range (e.g. 8000-9000), or "all". Ranges are inclusive of both ends.',
      70,
      'The ports, as a single port or a range (e.g. 8000-9000), or "all".',
    ],
    [
      'i.e.',
      'A slug prefix (i.e. nyc for nyc1 and nyc3) selects a region. Regions are listed at /v2/regions.',
      70,
      'A slug prefix (i.e. nyc for nyc1 and nyc3) selects a region.',
    ],
    [
      'ie. without its first stop',
      'Each method works on one site, named by the site parameter. It can be the full domain name (ie. "stackoverflow.com"), or the short form the site object gives.',
      110,
      'Each method works on one site, named by the site parameter.',
    ],
  ])('an abbreviation (%s) does not end a sentence', (_name, text, max, want) => {
    expect(shortenText(text, max)).toBe(want);
  });

  test('a paragraph that announces a list keeps the list', () => {
    const text = 'Set the type attribute to one of the supported action types:\n\n- reboot\n- power_off\n\nSee the docs for more.';
    expect(shortenText(text, 200)).toBe('Set the type attribute to one of the supported action types: - reboot - power_off');
  });

  test('a paragraph that announces an example keeps it, measured as shown', () => {
    const text =
      'Dates use the <a class="external" href="https://en.wikipedia.org/wiki/ISO_8601" target="_blank">ISO 8601 standard</a>; for example:\n\n```\n2020-10-08T22:40:50Z\n\n2021-01-01T00:00:00\n```\n\nMore on time zones.';
    expect(shortenText(text, 200)).toBe('Dates use the ISO 8601 standard; for example: 2020-10-08T22:40:50Z 2021-01-01T00:00:00');
  });

  test.each([
    { given: 'Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).', want: 'Codat query string.' },
    { given: 'Number of records. [Learn more…](https://example.com/paging)', want: 'Number of records.' },
    { given: 'Returns pets. See [the guide](https://example.com) for paging.', want: 'Returns pets. See the guide for paging.' },
  ])('drops a link that only says there is more: $given', ({ given, want }) => {
    expect(shortenText(given, 160)).toBe(want);
  });

  test("a heading right after the first paragraph, with no blank line, opens a block of its own (VTEX's request body example); one in code does not", () => {
    const vtex = 'Creates a new Image for an SKU based on its URL. \r\n## Request body example\r\n\r\n```json\r\n{ "IsMain": true }\r\n```';
    expect(shortenText(vtex, 400)).toBe('Creates a new Image for an SKU based on its URL.');
    expect(shortenText('Runs a script:\n```sh\n# install first\nnpm ci\n```', 400)).toBe('Runs a script: # install first npm ci');
  });

  test("a loose list (a blank line between items) that a paragraph announces keeps every item (DRACOON's conflict strategies)", () => {
    const dracoon = 'Node conflict resolution strategy:\n\n* `autorename`\n\n* `overwrite`\n\n* `fail`\n\nMore prose after the list.';
    expect(shortenText(dracoon, 200)).toBe('Node conflict resolution strategy: * autorename * overwrite * fail');
  });

  test("a heading the first paragraph opens with is a label, not text, when text follows it (DRACOON's '### Description:')", () => {
    expect(shortenText('### Description:\nAdd members to a group.\n\n### Precondition:\nRight to change groups.', 200)).toBe('Add members to a group.');
    expect(shortenText('### Description:  \nProvides a flat list of nodes.', 200)).toBe('Provides a flat list of nodes.');
    expect(shortenText('## Overview\n## Details\nLists the nodes.', 200)).toBe('Lists the nodes.');
  });

  test('cuts at a word boundary with an ellipsis when no sentence ends late enough', () => {
    const text = 'Lists every pet that is currently available in the store, sorted by name';
    const short = shortenText(text, 40)!;
    expect(short).toBe('Lists every pet that is currently…');
    expect(short.length).toBeLessThanOrEqual(40);
  });

  test('does not leave a dangling comma before the ellipsis', () => {
    expect(shortenText('Creates a pet, adds it to the store', 16)).toBe('Creates a pet…');
  });

  test('cuts inside a word when there is no space in the second half', () => {
    expect(shortenText('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });

  test('finishes a sentence whose cut-off part names a value, when it ends within half the limit more', () => {
    const note =
      'Return policies do not apply to motor vehicle listings, so the <b>categoryTypes.name</b> value must be set to <code>ALL_EXCLUDING_MOTORS_VEHICLES</code>. It is returned too.';
    expect(shortenText(note, 110)).toBe(
      'Return policies do not apply to motor vehicle listings, so the categoryTypes.name value must be set to ALL_EXCLUDING_MOTORS_VEHICLES.',
    );
    // Too far past the limit, or no value in what is cut off: cut as usual.
    expect(shortenText(note, 80)).toBe('Return policies do not apply to motor vehicle listings, so the…');
    // A sentence that ends at the limit is not run on into the next.
    expect(shortenText('Set it to EBAY_US or EBAY_GB. The default is EBAY_US.', 29)).toBe('Set it to EBAY_US or EBAY_GB.');
    // "e.g." ends no sentence.
    expect(shortenText('Names a marketplace for the policy, e.g. EBAY_US. Read only.', 40)).toBe('Names a marketplace for the policy, e.g. EBAY_US.');
    expect(shortenText('Return policies do not apply to motor vehicle listings, so none of them may be set for a car.', 60)).toBe(
      'Return policies do not apply to motor vehicle listings, so…',
    );
  });

  test.each([10, 25, 60, 120])('returns no more than %i characters when no value is cut off', (max) => {
    const text = 'An API to manage pets, orders and users; every endpoint returns JSON. Errors use problem details, too.';
    expect(shortenText(text, max)!.length).toBeLessThanOrEqual(max);
  });
});
