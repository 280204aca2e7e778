// Tests for validating arguments with ajv and wording each problem with its JSON pointer.
import { describe, expect, test } from 'vitest';
import { compileInputSchema, validateArguments } from '../../src/arguments/validate-arguments.js';
import type { JsonObject } from '../../src/base/json.js';

/** An input schema shaped like buildInputSchema's: parameters, a body, shared $defs. */
const schema: JsonObject = {
  type: 'object',
  additionalProperties: false,
  required: ['petId', 'body'],
  properties: {
    petId: { type: 'integer', format: 'int64' },
    status: { type: 'string', enum: ['available', 'pending', 'sold'] },
    kind: { const: 'pet' },
    body: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        tags: { type: 'array', items: { $ref: '#/$defs/Tag' } },
        code: { type: 'string', format: 'my-custom' },
        weight: { type: 'number', format: 'float' },
      },
    },
  },
  $defs: { Tag: { type: 'object', required: ['label'], properties: { label: { type: 'string' } } } },
};

const valid = { petId: 1, body: { name: 'Rex' } };

/** Pointer and one-line message of each problem: what these cases are about. */
async function brief(target: JsonObject, args: unknown) {
  return (await validateArguments(target, args)).map(({ pointer, message }) => ({ pointer, message }));
}

describe('validateArguments', () => {
  test('returns no problems for valid arguments', async () => {
    expect(await validateArguments(schema, valid)).toEqual([]);
    expect(await validateArguments(schema, { ...valid, status: 'sold', kind: 'pet', body: { name: 'Rex', tags: [{ label: 'a' }], weight: 1.5 } })).toEqual([]);
  });

  test.each([
    { name: 'a missing top-level argument', args: { body: { name: 'Rex' } }, want: [{ pointer: '/petId', message: 'is required but missing' }] },
    { name: 'a missing body field', args: { petId: 1, body: {} }, want: [{ pointer: '/body/name', message: 'is required but missing' }] },
    {
      name: 'a missing field in a $defs item',
      args: { ...valid, body: { name: 'Rex', tags: [{}] } },
      want: [{ pointer: '/body/tags/0/label', message: 'is required but missing' }],
    },
    {
      name: 'an unknown argument, listing the known names',
      args: { ...valid, petID: 1 },
      want: [{ pointer: '/petID', message: 'is not allowed here; known: petId, status, kind, body' }],
    },
    {
      name: 'an unknown body field, listing the body fields',
      args: { petId: 1, body: { name: 'Rex', color: 'red' } },
      want: [{ pointer: '/body/color', message: 'is not allowed here; known: name, tags, code, weight' }],
    },
    {
      name: 'a value outside the enum',
      args: { ...valid, status: 'lost' },
      want: [{ pointer: '/status', message: 'must be one of "available", "pending", "sold"; got "lost"' }],
    },
    { name: 'a wrong const', args: { ...valid, kind: 'dog' }, want: [{ pointer: '/kind', message: 'must be "pet"' }] },
    {
      name: 'a string where an integer belongs',
      args: { ...valid, petId: '12' },
      want: [{ pointer: '/petId', message: 'must be integer; got a string "12"' }],
    },
    {
      name: 'a fraction where an int64 belongs',
      args: { ...valid, petId: 1.5 },
      want: [
        { pointer: '/petId', message: 'must be integer; got number 1.5' },
        { pointer: '/petId', message: 'must match format "int64"' },
      ],
    },
    { name: 'an array where an object belongs', args: { petId: 1, body: [] }, want: [{ pointer: '/body', message: 'must be object; got an array' }] },
    { name: 'null where a string belongs', args: { petId: 1, body: { name: null } }, want: [{ pointer: '/body/name', message: 'must be string; got null' }] },
    {
      name: 'an object where an array belongs',
      args: { petId: 1, body: { name: 'Rex', tags: {} } },
      want: [{ pointer: '/body/tags', message: 'must be array; got an object' }],
    },
    {
      name: 'a failed minLength, in ajv words',
      args: { petId: 1, body: { name: '' } },
      want: [{ pointer: '/body/name', message: 'must NOT have fewer than 1 characters' }],
    },
  ])('reports $name with its pointer', async ({ args, want }) => {
    expect(await brief(schema, args)).toEqual(want);
  });

  test('an unknown name is said with the names known, as the repair message reads them', async () => {
    const [problem] = await validateArguments(schema, { ...valid, petID: 1 });
    expect(problem!.expected).toBe('one of the known names; known: petId, status, kind, body');
  });

  test('reports every problem at once', async () => {
    const problems = await validateArguments(schema, { status: 'lost', body: { color: 'red' } });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/body/color', '/body/name', '/petId', '/status']);
  });

  test('the pointer of a problem with the arguments as a whole is "/"', async () => {
    expect(await brief(schema, 'not an object')).toEqual([{ pointer: '/', message: 'must be object; got a string "not an object"' }]);
  });

  test('shortens long strings in messages', async () => {
    const [problem] = await validateArguments(schema, { ...valid, petId: 'x'.repeat(100) });
    expect(problem!.message).toBe(`must be integer; got a string "${'x'.repeat(40)}…"`);
  });

  test.each(['int64', 'int32', 'float', 'double', 'my-custom', 'x-vendor-thing', 'binary'])('accepts the format %s without throwing', async (format) => {
    const withFormat: JsonObject = {
      type: 'object',
      properties: { value: { type: format === 'binary' || format.includes('-') ? 'string' : 'number', format } },
    };
    await expect(compileInputSchema(withFormat)).resolves.toBeUndefined();
    expect(await validateArguments(withFormat, { value: format.includes('-') || format === 'binary' ? 'anything' : 3 })).toEqual([]);
  });

  test('still checks known formats', async () => {
    const withEmail: JsonObject = { type: 'object', properties: { email: { type: 'string', format: 'email' } } };
    expect(await brief(withEmail, { email: 'not-an-email' })).toEqual([{ pointer: '/email', message: 'must match format "email"' }]);
  });

  test('a date-time without its zone, or a date alone, is told what it lacks', async () => {
    const withDate: JsonObject = { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } };
    const expected = async (at: string) => (await validateArguments(withDate, { at }))[0]?.expected;
    expect(await expected('2026-12-03T09:30:00')).toBe('format "date-time", with a time and a zone: 2026-12-03T09:30:00Z');
    expect(await expected('2026-12-03')).toBe('format "date-time", with a time and a zone: 2026-12-03T00:00:00Z');
    expect(await expected('next tuesday')).toBe('format "date-time"');
  });

  test('a schema is compiled once and reused', async () => {
    const small: JsonObject = { type: 'object', required: ['a'] };
    expect(await brief(small, {})).toEqual([{ pointer: '/a', message: 'is required but missing' }]);
    expect(await validateArguments(small, { a: 1 })).toEqual([]);
  });
});

describe('validation policies', () => {
  // Two branches that overlap: an object with only `name` matches both.
  const overlapping: JsonObject = {
    type: 'object',
    properties: {
      body: {
        oneOf: [
          { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } }, additionalProperties: false },
          { type: 'object', properties: { name: { type: 'string' }, color: { type: 'string' } }, additionalProperties: false },
        ],
      },
    },
    additionalProperties: false,
  };

  test('strict refuses a value matching several oneOf branches, naming them; lenient sends it', async () => {
    expect(await validateArguments(overlapping, { body: { name: 'x' } }, 'strict')).toMatchObject([
      { pointer: '/body', keyword: 'oneOf', got: 'a value matching alternatives 0 and 1' },
    ]);
    expect(await validateArguments(overlapping, { body: { name: 'x' } }, 'lenient')).toEqual([]);
  });

  test('both report only the errors of the branch the value was meant for', async () => {
    for (const policy of ['strict', 'lenient'] as const) {
      expect(await brief2(overlapping, { body: { name: 'x', size: 'big' } }, policy)).toEqual([
        { pointer: '/body/size', message: 'must be integer; got a string "big"' },
      ]);
    }
  });

  test('off refuses only argument names the schema does not know, which would have nowhere to go', async () => {
    expect(await validateArguments(schema, { petId: 'not a number', body: 7 }, 'off')).toEqual([]);
    expect(await brief2(schema, { petID: 1 }, 'off')).toEqual([{ pointer: '/petID', message: 'is not allowed here; known: petId, status, kind, body' }]);
  });

  async function brief2(target: JsonObject, args: unknown, policy: 'strict' | 'lenient' | 'off') {
    return (await validateArguments(target, args, policy)).map(({ pointer, message }) => ({ pointer, message }));
  }
});
