// Tests for the pure parameter serializers against the OpenAPI Style Examples table.
import { describe, expect, test } from 'vitest';
import { encodeValue, serializeCookieParam, serializeHeaderParam, serializePathParam, serializeQueryParam } from '../../src/http/serialize-param.js';

// The values of https://spec.openapis.org/oas/v3.1.1#style-examples ("Assume a parameter named color…").
const empty = '';
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

type Row = [style: string, explode: boolean, value: unknown, want: string];

// Rows of the 3.1.1 table for path styles, quoted as the specification prints them.
const pathRows: Row[] = [
  ['matrix', false, empty, ';color'],
  ['matrix', false, string, ';color=blue'],
  ['matrix', false, array, ';color=blue,black,brown'],
  ['matrix', false, object, ';color=R,100,G,200,B,150'],
  ['matrix', true, empty, ';color'],
  ['matrix', true, string, ';color=blue'],
  ['matrix', true, array, ';color=blue;color=black;color=brown'],
  ['matrix', true, object, ';R=100;G=200;B=150'],
  ['label', false, empty, '.'],
  ['label', false, string, '.blue'],
  ['label', false, array, '.blue,black,brown'],
  ['label', false, object, '.R,100,G,200,B,150'],
  ['label', true, empty, '.'],
  ['label', true, string, '.blue'],
  ['label', true, array, '.blue.black.brown'],
  ['label', true, object, '.R=100.G=200.B=150'],
  ['simple', false, empty, ''],
  ['simple', false, string, 'blue'],
  ['simple', false, array, 'blue,black,brown'],
  ['simple', false, object, 'R,100,G,200,B,150'],
  ['simple', true, empty, ''],
  ['simple', true, string, 'blue'],
  ['simple', true, array, 'blue,black,brown'],
  ['simple', true, object, 'R=100,G=200,B=150'],
];

// Query rows of the same table, without the leading "?" the table adds to show a whole query string.
const queryRows: Row[] = [
  ['form', false, empty, 'color='],
  ['form', false, string, 'color=blue'],
  ['form', false, array, 'color=blue,black,brown'],
  ['form', false, object, 'color=R,100,G,200,B,150'],
  ['form', true, empty, 'color='],
  ['form', true, string, 'color=blue'],
  ['form', true, array, 'color=blue&color=black&color=brown'],
  ['form', true, object, 'R=100&G=200&B=150'],
  ['spaceDelimited', false, array, 'color=blue%20black%20brown'],
  ['spaceDelimited', false, object, 'color=R%20100%20G%20200%20B%20150'],
  ['pipeDelimited', false, array, 'color=blue%7Cblack%7Cbrown'],
  ['pipeDelimited', false, object, 'color=R%7C100%7CG%7C200%7CB%7C150'],
  ['deepObject', true, object, 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
];

const show = (value: unknown) => (value === '' ? 'empty' : JSON.stringify(value));

describe('serializePathParam', () => {
  test.each(pathRows.map(([style, explode, value, want]) => ({ style, explode, value, want, shown: show(value) })))(
    'renders $shown as $style with explode=$explode like the specification: $want',
    ({ style, explode, value, want }) => {
      expect(serializePathParam('color', value, style, explode)).toBe(want);
    },
  );

  test('defaults to simple style without explode', () => {
    expect(serializePathParam('color', array)).toBe('blue,black,brown');
  });

  test.each([
    { style: 'simple', want: 'a%2Fb%3Fc%23d' },
    { style: 'label', want: '.a%2Fb%3Fc%23d' },
    { style: 'matrix', want: ';color=a%2Fb%3Fc%23d' },
  ])('percent-encodes reserved characters in a $style path value so it stays in its segment', ({ style, want }) => {
    const text = serializePathParam('color', 'a/b?c#d', style);
    expect(text).toBe(want);
    expect(text).not.toMatch(/[/?#]/);
  });

  test('encodes spaces, percent signs and non-ASCII characters as UTF-8', () => {
    expect(serializePathParam('id', 'a b%c/é')).toBe('a%20b%25c%2F%C3%A9');
  });
});

describe('serializeQueryParam', () => {
  test.each(queryRows.map(([style, explode, value, want]) => ({ style, explode, value, want, shown: show(value) })))(
    'renders $shown as $style with explode=$explode like the specification: $want',
    ({ style, explode, value, want }) => {
      expect(serializeQueryParam('color', value, { style, explode }).join('&')).toBe(want);
    },
  );

  test('defaults to form style with explode, as the specification says', () => {
    expect(serializeQueryParam('color', array)).toEqual(['color=blue', 'color=black', 'color=brown']);
  });

  test('an empty array yields no pieces at all', () => {
    expect(serializeQueryParam('color', [], { explode: false })).toEqual([]);
  });

  test('percent-encodes reserved characters in a query value by default', () => {
    expect(serializeQueryParam('q', 'a/b?c&d=e#f+g')).toEqual(['q=a%2Fb%3Fc%26d%3De%23f%2Bg']);
  });

  test('keeps reserved characters as they are when allowReserved is true', () => {
    expect(serializeQueryParam('path', "/a/b:c@d!$'()*,;&=", { allowReserved: true })).toEqual(["path=/a/b:c@d!$'()*,;&="]);
  });

  test('still encodes characters a query cannot hold (#, [, ], space) when allowReserved is true', () => {
    expect(serializeQueryParam('q', 'a#b[c] d', { allowReserved: true })).toEqual(['q=a%23b%5Bc%5D%20d']);
  });

  test('allowReserved never leaves the parameter name unencoded', () => {
    expect(serializeQueryParam('a&b', 'x', { allowReserved: true })).toEqual(['a%26b=x']);
  });

  test('renders nested objects inside arrays as JSON, not "[object Object]"', () => {
    const pieces = serializeQueryParam('filter', [{ id: 1 }, [2, 3]]);
    expect(pieces).toEqual([`filter=${encodeURIComponent('{"id":1}')}`, `filter=${encodeURIComponent('[2,3]')}`]);
    expect(pieces.join('&')).not.toContain('object');
  });

  test('deepObject nests one bracket per level and marks arrays with []', () => {
    const pieces = serializeQueryParam('filter', { state: 'open', labels: ['a', 'b'], owner: { login: 'x' } }, { style: 'deepObject', explode: true });
    expect(pieces).toEqual(['filter%5Bstate%5D=open', 'filter%5Blabels%5D%5B%5D=a', 'filter%5Blabels%5D%5B%5D=b', 'filter%5Bowner%5D%5Blogin%5D=x']);
  });

  test('object properties that are undefined are left out', () => {
    expect(serializeQueryParam('o', { a: 1, b: undefined }, { explode: true })).toEqual(['a=1']);
  });

  test('null and booleans are rendered as text', () => {
    expect(serializeQueryParam('a', null)).toEqual(['a=']);
    expect(serializeQueryParam('a', false)).toEqual(['a=false']);
  });
});

describe('serializeHeaderParam', () => {
  test.each([
    { value: string, explode: false, want: 'blue' },
    { value: array, explode: false, want: 'blue,black,brown' },
    { value: array, explode: true, want: 'blue,black,brown' },
    { value: object, explode: false, want: 'R,100,G,200,B,150' },
    { value: object, explode: true, want: 'R=100,G=200,B=150' },
    { value: 42, explode: false, want: '42' },
  ])('renders $value with explode=$explode in simple style as $want', ({ value, explode, want }) => {
    expect(serializeHeaderParam(value, explode)).toBe(want);
  });

  test('does not percent-encode header values', () => {
    expect(serializeHeaderParam('a b/c')).toBe('a b/c');
  });
});

describe('serializeCookieParam', () => {
  test.each([
    { value: string, explode: true, want: ['color=blue'] },
    { value: array, explode: true, want: ['color=blue', 'color=black', 'color=brown'] },
    { value: array, explode: false, want: ['color=blue,black,brown'] },
    { value: object, explode: true, want: ['R=100', 'G=200', 'B=150'] },
    { value: object, explode: false, want: ['color=R,100,G,200,B,150'] },
  ])('renders $value with explode=$explode in form style as $want', ({ value, explode, want }) => {
    expect(serializeCookieParam('color', value, explode)).toEqual(want);
  });

  test('percent-encodes characters that would break the Cookie header', () => {
    expect(serializeCookieParam('session', 'a; b=c')).toEqual(['session=a%3B%20b%3Dc']);
  });
});

describe('encodeValue', () => {
  test.each([
    { given: 'AZaz09-._~', want: 'AZaz09-._~' },
    { given: "!'()*", want: '%21%27%28%29%2A' },
    { given: '€', want: '%E2%82%AC' },
  ])('encodes $given as $want', ({ given, want }) => {
    expect(encodeValue(given)).toBe(want);
  });
});
