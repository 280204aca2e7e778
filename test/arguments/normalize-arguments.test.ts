// Tests for forgiving the usual shape slips in execute_endpoint arguments, and reporting each fix.
import { describe, expect, test } from 'vitest';
import { ArgumentShapeError, normalizeArguments } from '../../src/arguments/normalize-arguments.js';
import type { JsonObject } from '../../src/base/json.js';

/** An input schema like buildInputSchema makes: parameters plus `body`. */
const withObjectBody: JsonObject = {
  type: 'object',
  properties: { petId: { type: 'integer' }, dryRun: { type: 'boolean' }, body: { type: 'object', properties: { name: { type: 'string' } } } },
  additionalProperties: false,
};
const withArrayBody: JsonObject = { type: 'object', properties: { body: { type: 'array', items: { type: 'string' } } } };
const withStringBody: JsonObject = { type: 'object', properties: { body: { type: 'string' } } };
const withRefBody: JsonObject = { type: 'object', properties: { body: { $ref: '#/$defs/Pet' } } };
const withoutBody: JsonObject = { type: 'object', properties: { petId: { type: 'integer' } } };

describe('normalizeArguments', () => {
  test.each([
    { name: 'an object', given: { petId: 1, body: { name: 'Rex' } } },
    { name: 'an empty object', given: {} },
  ])('changes nothing and reports nothing when the arguments are already $name', ({ given }) => {
    expect(normalizeArguments(given, {}, withObjectBody)).toEqual({ args: given, adjustments: [] });
  });

  test.each([undefined, null])('treats %s arguments as an empty object', (given) => {
    expect(normalizeArguments(given, {}, withObjectBody)).toEqual({ args: {}, adjustments: [] });
  });

  test('does not modify the object it was given', () => {
    const given = { petId: 1, name: 'Rex' };
    normalizeArguments(given, { dryRun: true }, withObjectBody);
    expect(given).toEqual({ petId: 1, name: 'Rex' });
  });

  test('parses arguments sent as a JSON string and says so', () => {
    expect(normalizeArguments('{"petId": 1}', {}, withObjectBody)).toEqual({
      args: { petId: 1 },
      adjustments: ['"arguments" was a JSON string; it was parsed as an object.'],
    });
  });

  test('takes an empty string as empty arguments', () => {
    expect(normalizeArguments('  ', {}, withObjectBody).args).toEqual({});
  });

  test.each([
    { name: 'a string that is not JSON', given: '{petId: 1', want: /^"arguments" must be a JSON object; it was a string that is not valid JSON \(/ },
    { name: 'a JSON string of an array', given: '[1, 2]', want: /^"arguments" must be a JSON object; it was a string holding something else\.$/ },
    { name: 'an array', given: [1, 2], want: /^"arguments" must be a JSON object; got an array\.$/ },
    { name: 'a number', given: 42, want: /^"arguments" must be a JSON object; got number\.$/ },
  ])('rejects $name with ArgumentShapeError', ({ given, want }) => {
    expect(() => normalizeArguments(given, {}, withObjectBody)).toThrow(ArgumentShapeError);
    expect(() => normalizeArguments(given, {}, withObjectBody)).toThrow(want);
  });

  test('moves fields given beside "arguments" inside it', () => {
    expect(normalizeArguments(undefined, { petId: 7 }, withObjectBody)).toEqual({
      args: { petId: 7 },
      adjustments: ['"petId" was given beside "arguments"; moved inside it.'],
    });
  });

  test('a field inside "arguments" wins over the same field beside it', () => {
    const { args, adjustments } = normalizeArguments({ petId: 1 }, { petId: 2, dryRun: true }, withObjectBody);
    expect(args).toEqual({ petId: 1, dryRun: true });
    expect(adjustments).toEqual([
      '"dryRun" was given beside "arguments"; moved inside it.',
      '"petId" was given both beside and inside "arguments"; the value inside was used.',
    ]);
  });

  test('moves unknown fields into the body when the body is an object', () => {
    expect(normalizeArguments({ petId: 1, name: 'Rex', status: 'sold' }, {}, withObjectBody)).toEqual({
      args: { petId: 1, body: { name: 'Rex', status: 'sold' } },
      adjustments: ['"name", "status" are not a parameter; moved into "body".'],
    });
  });

  test('moves strays that are not parameters on into the body, reporting both steps', () => {
    expect(normalizeArguments({ petId: 1 }, { name: 'Rex' }, withObjectBody)).toEqual({
      args: { petId: 1, body: { name: 'Rex' } },
      adjustments: ['"name" was given beside "arguments"; moved inside it.', '"name" is not a parameter; moved into "body".'],
    });
  });

  test('moves unknown fields into a body given by $ref', () => {
    expect(normalizeArguments({ name: 'Rex' }, {}, withRefBody).args).toEqual({ body: { name: 'Rex' } });
  });

  test.each([
    { name: 'a body is already given', given: { body: { name: 'Rex' }, extra: 1 }, schema: withObjectBody },
    { name: 'the body is an array', given: { extra: 1 }, schema: withArrayBody },
    { name: 'the body is a string', given: { extra: 1 }, schema: withStringBody },
    { name: 'there is no body', given: { petId: 1, extra: 1 }, schema: withoutBody },
    { name: 'none of them is a field the body declares', given: { petId: 1, help: true }, schema: withObjectBody },
  ])('leaves unknown fields for validation to report when $name', ({ given, schema }) => {
    expect(normalizeArguments(given, {}, schema)).toEqual({ args: given, adjustments: [] });
  });

  test.each([
    { name: 'an object body', schema: withObjectBody, body: '{"name":"Rex"}', want: { name: 'Rex' } },
    { name: 'an array body', schema: withArrayBody, body: '["a","b"]', want: ['a', 'b'] },
    { name: 'a $ref body', schema: withRefBody, body: '{"name":"Rex"}', want: { name: 'Rex' } },
  ])('parses $name sent as a JSON string and says so', ({ schema, body, want }) => {
    expect(normalizeArguments({ body }, {}, schema)).toEqual({ args: { body: want }, adjustments: ['"body" was a JSON string; it was parsed.'] });
  });

  test.each([
    { name: 'the body schema is a string', schema: withStringBody, body: '{"name":"Rex"}' },
    { name: 'the text is not JSON', schema: withObjectBody, body: 'name=Rex' },
    { name: 'the JSON is not an object or array', schema: withObjectBody, body: '"Rex"' },
  ])('leaves a string body as it is when $name', ({ schema, body }) => {
    expect(normalizeArguments({ body }, {}, schema)).toEqual({ args: { body }, adjustments: [] });
  });

  test.each([
    {
      name: 'an integer parameter given as digits',
      given: { petId: '12' },
      want: { petId: 12 },
      adjusted: 'Read "petId" "12" as 12: that parameter takes a number or boolean.',
    },
    {
      name: 'a boolean parameter given as text',
      given: { dryRun: 'true' },
      want: { dryRun: true },
      adjusted: 'Read "dryRun" "true" as true: that parameter takes a number or boolean.',
    },
    { name: 'text that is no number', given: { petId: 'twelve' }, want: { petId: 'twelve' } },
    { name: 'a fraction for an integer', given: { petId: '1.5' }, want: { petId: '1.5' } },
    { name: 'a body field, which is JSON and must be typed', given: { body: { name: '12' } }, want: { body: { name: '12' } } },
  ])('reads $name as its schema type only when it is exactly that', ({ given, want, adjusted }) => {
    expect(normalizeArguments(given, {}, withObjectBody)).toEqual({ args: want, adjustments: adjusted ? [adjusted] : [] });
  });

  test('a parameter whose schema also takes a string keeps its text', () => {
    const either: JsonObject = { type: 'object', properties: { id: { type: ['integer', 'string'] } } };
    expect(normalizeArguments({ id: '12' }, {}, either).args).toEqual({ id: '12' });
  });
});

describe('normalizeArguments on a number for a text parameter', () => {
  test('sends it as its text, and says so', () => {
    const schema: JsonObject = { type: 'object', properties: { id: { type: 'string' } } };
    expect(normalizeArguments({ id: 5 }, {}, schema)).toEqual({ args: { id: '5' }, adjustments: ['Read "id" 5 as "5": that parameter takes text.'] });
  });
});

describe('normalizeArguments on text for a list parameter', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      ids: { type: 'array', items: { type: 'string' } },
      years: { type: 'array', items: { type: 'integer' } },
      filters: { type: 'array', items: { type: 'object' } },
    },
  };

  test('splits it at commas, each item read as its type, and says so', () => {
    expect(normalizeArguments({ ids: 'victoria, circle', years: '2019,2020' }, {}, schema)).toEqual({
      args: { ids: ['victoria', 'circle'], years: [2019, 2020] },
      adjustments: ['Read "ids" "victoria, circle" as ["victoria","circle"], "years" "2019,2020" as [2019,2020]: those parameters take lists.'],
    });
    expect(normalizeArguments({ ids: 'victoria' }, {}, schema).args).toEqual({ ids: ['victoria'] });
  });

  test('leaves text for a list of objects, and a list given as a list, as they are', () => {
    expect(normalizeArguments({ filters: 'a,b', ids: ['x'] }, {}, schema)).toEqual({ args: { filters: 'a,b', ids: ['x'] }, adjustments: [] });
  });
});
