// Tests for splitting a large input schema into parts ajv compiles on first use, with the same verdicts as the whole.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { compileEveryPart, deferredKeyword, deferredPartKeyword, errorOrigin, splitSchema } from '../../src/arguments/deferred-parts.js';
import { compileInputSchema, validateArguments } from '../../src/arguments/validate-arguments.js';
import type { JsonObject } from '../../src/base/json.js';

/** Four levels of nesting, a shared $def, a recursive one, and a oneOf whose branches are both deep. */
const schema: JsonObject = {
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: {
    id: { type: 'integer' },
    body: {
      type: 'object',
      properties: {
        owner: { $ref: '#/$defs/Person' },
        tree: { $ref: '#/$defs/Node' },
        shape: {
          oneOf: [
            { type: 'object', required: ['radius'], properties: { radius: { type: 'number', minimum: 0 } }, additionalProperties: false },
            { type: 'object', required: ['side'], properties: { side: { type: 'number' } }, additionalProperties: false },
          ],
        },
        deep: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { c: { enum: ['x', 'y'] } } } } } } },
      },
    },
  },
  $defs: {
    Person: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, friend: { $ref: '#/$defs/Person' } } },
    Node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } },
  },
};

function ajvWithKeyword() {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  ajv.addKeyword(deferredPartKeyword);
  return ajv;
}

/** Validates with the whole schema and with its split form; returns both verdicts and the split errors. */
function bothWays(data: unknown) {
  const whole = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const ajv = ajvWithKeyword();
  const compiled: object[] = [];
  const split = ajv.compile(splitSchema(schema, (part) => (compiled.push(part), ajv.compile(part)), { minNodes: 0, depth: 2 }));
  const valid = split(data);
  return { whole: whole(data), split: valid, errors: split.errors ?? [], compiled: compiled.length };
}

describe('splitSchema', () => {
  test('a small schema is compiled whole', () => {
    expect(splitSchema(schema, () => expect.fail('nothing is deferred'))).toBe(schema);
  });

  test('a large one keeps its top and defers refs and deep structure to parts', () => {
    const split = splitSchema(schema, () => expect.fail('parts compile only on use'), { minNodes: 0, depth: 2 });
    expect(split.$defs).toBeUndefined();
    const body = (split.properties as JsonObject).body as { properties: Record<string, JsonObject> };
    expect(Object.keys(body.properties.owner!)).toEqual([deferredKeyword]);
    expect(Object.keys(body.properties.deep!)).toEqual([deferredKeyword]);
  });

  test.each([
    {
      name: 'valid arguments',
      data: {
        id: 1,
        body: {
          owner: { name: 'A', friend: { name: 'B' } },
          tree: { children: [{ label: 'x', children: [] }] },
          shape: { radius: 1 },
          deep: { a: { b: { c: 'x' } } },
        },
      },
    },
    { name: 'a missing field two refs down', data: { body: { owner: { name: 'A', friend: {} } } } },
    { name: 'a wrong type deep in a recursive def', data: { body: { tree: { children: [{ children: [{ label: 3 }] }] } } } },
    { name: 'no oneOf branch matching', data: { body: { shape: { radius: -1 } } } },
    { name: 'an enum deep inside', data: { body: { deep: { a: { b: { c: 'z' } } } } } },
    { name: 'an unknown top-level argument', data: { body: {}, extra: 1 } },
  ])('gives the same verdict as the whole schema for $name', ({ data }) => {
    const { whole, split } = bothWays(data);
    expect(split).toBe(whole);
  });

  test('errors from parts carry their full path, and their own data and schema', () => {
    const { errors } = bothWays({ body: { tree: { children: [{ children: [{ label: 3 }] }] } } });
    const typeError = errors.find((e) => e.keyword === 'type')!;
    expect(typeError.instancePath).toBe('/body/tree/children/0/children/0/label');
    expect(errorOrigin(typeError).data).toBe(3);
    expect(errorOrigin(typeError).parentSchema).toEqual({ type: 'string' });
  });

  test('only the parts the arguments reach are compiled', () => {
    expect(bothWays({ body: {} }).compiled).toBe(0);
    expect(bothWays({ body: { owner: { name: 'A' } } }).compiled).toBe(1);
  });

  test('compileEveryPart compiles each part once, and a broken part throws', () => {
    const ajv = ajvWithKeyword();
    let count = 0;
    const split = splitSchema(schema, (part) => (count++, ajv.compile(part)), { minNodes: 0, depth: 2 });
    compileEveryPart(split);
    expect(count).toBe(5);
    const broken = { ...schema, $defs: { ...(schema.$defs as JsonObject), Node: { type: 'object', properties: { label: { type: 'string', pattern: 0 } } } } };
    expect(() => compileEveryPart(splitSchema(broken, (part) => ajv.compile(part), { minNodes: 0 }))).toThrow(/pattern/);
  });
});

describe('validateArguments on a schema large enough to split', () => {
  // 400 body fields, each an object with an enum two levels down: far over the size that is split.
  const fields = Object.fromEntries(
    Array.from({ length: 400 }, (_, i) => [
      `field${i}`,
      { type: 'object', properties: { inner: { type: 'object', properties: { kind: { enum: ['a', 'b'] } } } } },
    ]),
  );
  const large: JsonObject = { type: 'object', required: ['body'], properties: { body: { type: 'object', additionalProperties: false, properties: fields } } };

  test('reports a problem deep in a deferred part with its pointer and the value given', async () => {
    expect(await validateArguments(large, { body: { field7: { inner: { kind: 'c' } } } })).toMatchObject([
      { pointer: '/body/field7/inner/kind', message: 'must be one of "a", "b"; got "c"' },
    ]);
    expect(await validateArguments(large, { body: { field7: { inner: { kind: 'a' } } } })).toEqual([]);
  });

  test('compileInputSchema compiles every part', async () => {
    await expect(compileInputSchema(large)).resolves.toBeUndefined();
  });
});
