// Tests for compacting OpenAPI schemas into self-contained JSON Schema 2020-12, compiled with Ajv to prove them usable.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { validateArguments } from '../../src/arguments/validate-arguments.js';
import type { JsonObject } from '../../src/base/json.js';
import { compactSchemas, mergeAllOf, type CompactOptions, type CompactResult } from '../../src/schema/compact-schema.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { readerFor } from '../support/settings.js';

const rootUrl = 'file:///virtual/api.json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const document = {
  components: {
    schemas: {
      Category: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
      Tag: { type: 'object', properties: { name: { type: 'string' } } },
      Status: { type: 'string', enum: ['available', 'pending', 'sold'] },
      ServerId: { type: 'integer', readOnly: true },
      Pet: {
        type: 'object',
        required: ['id', 'name', 'secret', 'serial'],
        properties: {
          id: { type: 'integer', readOnly: true },
          serial: ref('ServerId'),
          name: { type: 'string' },
          secret: { type: 'string', writeOnly: true },
        },
      },
      Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: ref('Node') } } },
      File: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'The name of the file.' },
          size: { type: 'string', description: 'Output only. Size in bytes.' },
          kind: { type: 'string', description: '[Output Only] Type of the resource.' },
          note: { type: 'string', description: 'Set by the caller; the output only shows it to owners.' },
          limit: { type: 'integer', description: 'Output only the first N rows.' },
        },
      },
      A: { type: 'object', properties: { b: ref('B') } },
      B: { type: 'object', properties: { a: ref('A') } },
    },
  },
};

const ajv = new Ajv2020({ strict: false, logger: false });
const defaults: CompactOptions = { context: 'request', dialect: '3.1' };

/** The schema with the shared `$defs` attached, as the input schema carries them. */
function bundle(result: CompactResult, index = 0): object | boolean {
  const schema = result.schemas[index] as object | boolean;
  return typeof schema === 'object' && Object.keys(result.defs).length ? { ...schema, $defs: result.defs } : schema;
}

/** Compacts schemas of one operation and checks that every one compiles. */
function compact(schemas: unknown[], options: Partial<CompactOptions> = {}): CompactResult {
  const resolver = new RefResolver(rootUrl, document, { reader: readerFor(rootUrl) });
  const roots = schemas.map((schema, i) => ({ schema, docUrl: rootUrl, usedAt: `op root ${i}` }));
  const result = compactSchemas(roots, resolver, { ...defaults, ...options });
  result.schemas.forEach((_, i) => expect(() => ajv.compile(bundle(result, i))).not.toThrow());
  return result;
}

describe('compactSchemas: references', () => {
  test('inlines a $ref used once', () => {
    const result = compact([ref('Category')]);
    expect(result.schemas[0]).toEqual({ type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } });
    expect(result.defs).toEqual({});
  });

  test('moves an object type used twice to $defs', () => {
    const result = compact([{ type: 'object', properties: { first: ref('Tag'), second: { type: 'array', items: ref('Tag') } } }]);
    expect(result.schemas[0]).toEqual({
      type: 'object',
      properties: { first: { $ref: '#/$defs/Tag' }, second: { type: 'array', items: { $ref: '#/$defs/Tag' } } },
    });
    expect(result.defs).toEqual({ Tag: { type: 'object', properties: { name: { type: 'string' } } } });
  });

  test('shares $defs across the schemas of one operation', () => {
    const result = compact([ref('Tag'), ref('Tag')]);
    expect(result.schemas).toEqual([{ $ref: '#/$defs/Tag' }, { $ref: '#/$defs/Tag' }]);
    expect(Object.keys(result.defs)).toEqual(['Tag']);
  });

  test('inlines a small enum even when it is used twice', () => {
    const result = compact([{ type: 'object', properties: { a: ref('Status'), b: ref('Status') } }]);
    expect(result.defs).toEqual({});
    expect(result.schemas[0]).toMatchObject({ properties: { a: { enum: ['available', 'pending', 'sold'] }, b: { enum: ['available', 'pending', 'sold'] } } });
  });

  test('a recursive schema goes to $defs with a $ref back to itself, and it validates', () => {
    const result = compact([ref('Node')]);
    expect(result.schemas[0]).toEqual({ $ref: '#/$defs/Node' });
    expect(result.defs).toEqual({
      Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } },
    });
    const validate = ajv.compile(bundle(result));
    expect(validate({ name: 'root', children: [{ name: 'leaf', children: [] }] })).toBe(true);
    expect(validate({ name: 'root', children: [{ children: [] }] })).toBe(false);
  });

  test('mutually recursive schemas terminate with one of them in $defs', () => {
    const result = compact([ref('A')]);
    expect(result.schemas[0]).toEqual({ $ref: '#/$defs/A' });
    expect(result.defs).toEqual({ A: { type: 'object', properties: { b: { type: 'object', properties: { a: { $ref: '#/$defs/A' } } } } } });
    const validate = ajv.compile(bundle(result));
    expect(validate({ b: { a: { b: { a: {} } } } })).toBe(true);
    expect(validate({ b: { a: { b: 1 } } })).toBe(false);
  });

  test('a broken $ref becomes a problem naming the ref and accepts anything, without throwing', () => {
    const result = compact([{ type: 'object', properties: { pet: ref('Missing') } }]);
    expect(result.schemas[0]).toEqual({
      type: 'object',
      properties: { pet: { description: 'Unresolvable reference #/components/schemas/Missing; any value is accepted.' } },
    });
    expect(result.problems).toEqual([
      'Cannot resolve $ref "#/components/schemas/Missing" used at op root 0.properties.pet: "#/components/schemas" has no "Missing"',
    ]);
  });

  test('a description beside a $ref replaces the target description', () => {
    const result = compact([{ $ref: '#/components/schemas/Category', description: 'Where the pet belongs.' }]);
    expect(result.schemas[0]).toMatchObject({ type: 'object', description: 'Where the pet belongs.' });
  });
});

describe('compactSchemas: OpenAPI dialect', () => {
  test.each([
    { name: 'nullable becomes a null type in 3.0', dialect: '3.0', given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } },
    {
      name: 'nullable adds null to an enum in 3.0',
      dialect: '3.0',
      given: { type: 'string', enum: ['a', 'b'], nullable: true },
      want: { type: ['string', 'null'], enum: ['a', 'b', null] },
    },
    {
      name: 'nullable adds a null branch to oneOf in 3.0',
      dialect: '3.0',
      given: { nullable: true, oneOf: [{ type: 'string' }, { type: 'integer' }] },
      want: { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
    },
    { name: 'nullable means nothing in 3.1', dialect: '3.1', given: { type: 'string', nullable: true }, want: { type: 'string' } },
    {
      name: 'boolean exclusive bounds become numeric ones',
      dialect: '3.0',
      given: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
      want: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 },
    },
    {
      name: 'false exclusive bounds keep the plain bound',
      dialect: '3.0',
      given: { type: 'integer', minimum: 1, exclusiveMinimum: false },
      want: { type: 'integer', minimum: 1 },
    },
    { name: 'numeric exclusive bounds stay', dialect: '3.1', given: { type: 'number', exclusiveMinimum: 5 }, want: { type: 'number', exclusiveMinimum: 5 } },
    { name: 'swagger type file becomes a binary string', dialect: '3.0', given: { type: 'file' }, want: { type: 'string', format: 'binary' } },
  ] as const)('$name', ({ dialect, given, want }) => {
    expect(compact([given], { dialect }).schemas[0]).toEqual(want);
  });

  test.each([
    { name: "3.0's nullable beside an allOf", dialect: '3.0', given: { nullable: true, allOf: [ref('Category')] } },
    { name: 'a 3.0 allOf member that is only nullable', dialect: '3.0', given: { allOf: [ref('Category'), { nullable: true }] } },
    { name: 'a 3.1 allOf member that only says null', dialect: '3.1', given: { allOf: [ref('Category'), { type: 'null' }] } },
    { name: 'a 3.1 allOf member typed as a list of null alone', dialect: '3.1', given: { allOf: [ref('Category'), { type: ['null'] }] } },
    { name: 'a 3.1 allOf member whose const is null', dialect: '3.1', given: { allOf: [ref('Category'), { const: null }] } },
    { name: "3.0's nullable beside a typed allOf", dialect: '3.0', given: { type: 'object', nullable: true, allOf: [ref('Category')] } },
  ] as const)('"this or null" said through allOf takes either: $name', ({ dialect, given }) => {
    const validate = ajv.compile(bundle(compact([given], { dialect })));
    expect(validate({ id: 1, name: 'Dogs' })).toBe(true);
    expect(validate(null)).toBe(true);
    expect(validate({ id: 'one' })).toBe(false);
  });

  test("an allOf of a string and only null takes a string (Codat's currency), or null", () => {
    const result = compact([{ allOf: [{ description: 'ISO 4217 code', type: 'string' }, { type: 'null' }] }], { dialect: '3.1' });
    expect(result.schemas[0]).toEqual({ description: 'ISO 4217 code', type: ['string', 'null'] });
  });

  test('a const or null takes the const, or null', () => {
    const validate = ajv.compile(bundle(compact([{ allOf: [{ type: 'string', const: 'GBP' }, { type: 'null' }] }], { dialect: '3.1' })));
    expect(validate('GBP')).toBe(true);
    expect(validate(null)).toBe(true);
    expect(validate('EUR')).toBe(false);
  });

  test('an allOf that is only null still takes only null', () => {
    const validate = ajv.compile(bundle(compact([{ allOf: [{ type: 'null' }] }], { dialect: '3.1' })));
    expect(validate(null)).toBe(true);
    expect(validate('GBP')).toBe(false);
  });

  test('drops documentation keys: example, examples, xml, discriminator, externalDocs and x- extensions', () => {
    const given = {
      type: 'object',
      example: { kind: 'cat' },
      examples: [{ kind: 'dog' }],
      xml: { name: 'pet' },
      discriminator: { propertyName: 'kind' },
      externalDocs: { url: 'https://example.com' },
      'x-internal': true,
      properties: { kind: { type: 'string', example: 'cat', 'x-order': 1 } },
    };
    expect(compact([given]).schemas[0]).toEqual({ type: 'object', properties: { kind: { type: 'string' } } });
  });

  test('keeps validation keywords', () => {
    const given = { type: 'string', format: 'email', minLength: 3, maxLength: 9, pattern: '^[a-z@.]+$', default: 'a@b.c', deprecated: true };
    expect(compact([given]).schemas[0]).toEqual(given);
  });

  test('drops an invalid regular expression and reports where it was', () => {
    const result = compact([{ type: 'object', properties: { code: { type: 'string', pattern: '[a-', minLength: 1 } } }]);
    expect(result.schemas[0]).toEqual({ type: 'object', properties: { code: { type: 'string', minLength: 1 } } });
    expect(result.problems).toEqual(['The pattern at op root 0.properties.code is not a valid regular expression; it is not checked.']);
  });

  test('reads a regular expression literal as the pattern it means, ignoring case after its i flag', async () => {
    // Sinao writes `/^.*[a-z0-9]+.*$/i`, data2crm `/^\d{4}-\d{2}-\d{2}$/`: taken as written, no value fits.
    const result = compact([
      { type: 'object', properties: { name: { type: 'string', pattern: '/^.*[a-z0-9]+.*$/i' }, day: { type: 'string', pattern: '/^\\d{4}-\\d{2}-\\d{2}$/' } } },
    ]);
    expect(result.schemas[0]).toEqual({
      type: 'object',
      properties: { name: { type: 'string', pattern: '^.*[A-Za-z0-9]+.*$' }, day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
    });
    expect(result.problems).toEqual([]);
    const schema = result.schemas[0] as JsonObject;
    expect(await validateArguments(schema, { name: 'Boulangerie Martin', day: '2026-12-03' })).toEqual([]);
    expect((await validateArguments(schema, { name: '!!!', day: '3 Dec' })).map((p) => p.pointer)).toEqual(['/name', '/day']);
  });

  test('rewrites a pattern written without the u flag instead of dropping it', () => {
    const result = compact([{ type: 'string', pattern: '^arn\\:aws\\-cn\\:[\\w-.]+$' }]);
    expect(result.schemas[0]).toEqual({ type: 'string', pattern: '^arn:aws-cn:[\\w\\-.]+$' });
    expect(result.problems).toEqual([]);
  });

  test.each([
    { name: 'a numeric pattern', given: { type: 'string', pattern: 0 }, want: { type: 'string' }, problem: 'pattern: 0' },
    { name: 'an object as type', given: { type: { type: 'string', enum: ['A'] } }, want: {}, problem: 'not a JSON type' },
    { name: 'an unknown type name', given: { type: 'date' }, want: {}, problem: 'not a JSON type' },
    { name: 'a numeric format', given: { type: 'string', format: 3 }, want: { type: 'string' }, problem: 'format: 3' },
    { name: 'a negative maxLength', given: { type: 'string', maxLength: -1 }, want: { type: 'string' }, problem: 'maxLength: -1' },
    { name: 'a zero multipleOf', given: { type: 'number', multipleOf: 0 }, want: { type: 'number' }, problem: 'multipleOf: 0' },
    { name: 'an object as uniqueItems', given: { type: 'array', uniqueItems: {} }, want: { type: 'array' }, problem: 'uniqueItems: an object' },
  ])('drops $name and reports it', ({ given, want, problem }) => {
    const result = compact([given]);
    expect(result.schemas[0]).toEqual(want);
    expect(result.problems.join(' ')).toContain(problem);
  });

  test.each([
    { name: 'numeric strings as numbers', given: { type: 'string', minLength: '1', maxLength: '255' }, want: { type: 'string', minLength: 1, maxLength: 255 } },
    { name: 'a boolean string', given: { type: 'array', uniqueItems: 'true' }, want: { type: 'array', uniqueItems: true } },
    { name: 'type names in capitals, and a repeated one', given: { type: ['String', 'null', 'string'] }, want: { type: ['string', 'null'] } },
    {
      name: "Swagger's required: true on a property",
      given: { type: 'object', required: true, properties: { a: { type: 'string', required: true } } },
      want: { type: 'object', properties: { a: { type: 'string' } } },
    },
    { name: 'an empty enum and an empty anyOf', given: { type: 'string', enum: [], anyOf: [] }, want: { type: 'string' } },
    {
      name: 'a nullable list of types',
      given: { type: ['string', 'integer'], nullable: true },
      want: { type: ['string', 'integer', 'null'] },
      dialect: '3.0' as const,
    },
  ])('repairs $name', ({ given, want, dialect }) => {
    const result = compact([given], dialect ? { dialect } : {});
    expect(result.schemas[0]).toEqual(want);
    expect(result.problems).toEqual([]);
  });

  test('properties named like keywords stay properties, checked as schemas', () => {
    const given = {
      type: 'object',
      required: ['type', 'pattern'],
      properties: { type: { type: 'string', enum: ['A', 'B'] }, pattern: { type: 'string' }, required: { type: 'boolean' } },
    };
    const result = compact([given]);
    expect(result.schemas[0]).toEqual(given);
    const validate = ajv.compile(bundle(result));
    expect(validate({ type: 'A', pattern: 'x', required: true })).toBe(true);
    expect(validate({ type: 'C', pattern: 'x' })).toBe(false);
  });

  test('a patternProperties key is rewritten for the u flag, or dropped when it cannot be', () => {
    const result = compact([{ type: 'object', patternProperties: { '^x\\-': { type: 'string' }, '^\\p{Print}+$': { type: 'integer' } } }]);
    expect(result.schemas[0]).toEqual({ type: 'object', patternProperties: { '^x-': { type: 'string' } } });
    expect(result.problems.join(' ')).toContain('patternProperties key');
  });

  test('shortens descriptions, falls back to the title, and drops them at 0 characters', () => {
    const long = { type: 'string', description: `${'Word '.repeat(60)}end.` };
    expect((compact([long]).schemas[0] as { description: string }).description.length).toBeLessThanOrEqual(220);
    expect(compact([{ type: 'string', title: 'Pet name' }]).schemas[0]).toEqual({ type: 'string', description: 'Pet name' });
    expect(compact([long], { descriptionChars: 0 }).schemas[0]).toEqual({ type: 'string' });
  });

  test('stops expanding below maxDepth', () => {
    const deep = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } };
    const result = compact([deep], { maxDepth: 1 });
    expect(result.schemas[0]).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { description: 'Nested more than 1 levels deep: not expanded here; any value is accepted.' } } } },
    });
    expect(result.problems).toEqual([
      'The schema at op root 0.properties.a.properties.b nests inline schemas more than 1 levels deep; below that any value is accepted.',
    ]);
  });
});

describe('compactSchemas: request and response context', () => {
  test('a request schema drops readOnly properties, also through a $ref, and from required', () => {
    expect(compact([ref('Pet')], { context: 'request' }).schemas[0]).toEqual({
      type: 'object',
      required: ['name', 'secret'],
      properties: { name: { type: 'string' }, secret: { type: 'string' } },
    });
  });

  test('a request schema drops properties whose description opens "Output only" (Google\'s readOnly); a response keeps them', () => {
    const request = compact([ref('File')], { context: 'request' }).schemas[0] as { properties: object };
    expect(Object.keys(request.properties)).toEqual(['name', 'note', 'limit']);
    const response = compact([ref('File')], { context: 'response' }).schemas[0] as { properties: object };
    expect(Object.keys(response.properties)).toEqual(['name', 'size', 'kind', 'note', 'limit']);
  });

  test('a response schema drops writeOnly properties and keeps readOnly ones', () => {
    expect(compact([ref('Pet')], { context: 'response' }).schemas[0]).toEqual({
      type: 'object',
      required: ['id', 'name', 'serial'],
      properties: { id: { type: 'integer' }, serial: { type: 'integer' }, name: { type: 'string' } },
    });
  });
});

describe('compactSchemas: values sent for the caller', () => {
  const resource = (kind: unknown) => ({ type: 'object', required: ['type', 'id'], properties: { type: kind, id: { type: 'string' } } });
  const fixedUsers = { type: 'string', const: 'users', default: 'users', description: 'Fixed: sent for you when left out.' };

  test('a required property that allows one value (JSON:API type) is marked fixed in a request', () => {
    expect(compact([resource({ type: 'string', enum: ['users'] })]).schemas[0]).toEqual({
      type: 'object',
      required: ['type', 'id'],
      properties: { type: { ...fixedUsers, enum: ['users'] }, id: { type: 'string' } },
    });
  });

  test('not in a response, not when optional, not in one of several alternatives', () => {
    const single = { type: 'string', enum: ['users'] };
    expect(compact([resource(single)], { context: 'response' }).schemas[0]).toMatchObject({ properties: { type: single } });
    expect(compact([{ type: 'object', properties: { type: single } }]).schemas[0]).toEqual({ type: 'object', properties: { type: single } });
    expect(compact([{ oneOf: [resource(single), resource({ type: 'string', enum: ['teams'] })] }]).schemas[0]).toMatchObject({
      oneOf: [{ properties: { type: single } }, { properties: { type: { enum: ['teams'] } } }],
    });
  });
});

describe('allOf', () => {
  test('merges object members that do not conflict', () => {
    const given = { description: 'A pet.', allOf: [ref('Category'), { type: 'object', required: ['tag'], properties: { tag: { type: 'string' } } }] };
    expect(compact([given]).schemas[0]).toEqual({
      description: 'A pet.',
      type: 'object',
      required: ['tag'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, tag: { type: 'string' } },
    });
  });

  test('puts what the schema adds before what it takes from a named base, so that folding shows it first', () => {
    const given = { allOf: [ref('Category'), { type: 'object', properties: { tag: { type: 'string' } } }] };
    const merged = compact([given]).schemas[0] as { properties: object };
    expect(Object.keys(merged.properties)).toEqual(['tag', 'id', 'name']);
  });

  test("a member's description describes the whole only when no other member brings properties too", () => {
    const netSuite = { description: 'Container for Account fields provided by the Connector for NetSuite.', properties: { Class__NS: {} } };
    const account = { properties: { name: { type: 'string' } } };
    expect(mergeAllOf({}, [account, netSuite])).not.toHaveProperty('description');
    expect(mergeAllOf({}, [account, { description: 'An account.' }])).toMatchObject({ description: 'An account.' });
    expect(mergeAllOf({}, [{ ...account, description: 'An account.' }])).toMatchObject({ description: 'An account.' });
  });

  test('keeps allOf when two members define one property differently', () => {
    const members = [{ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'integer' } } }];
    expect(compact([{ allOf: members }]).schemas[0]).toEqual({ allOf: members });
  });

  test.each([
    { name: 'a keyword in conflict', members: [{ type: 'object' }, { type: 'array' }] },
    { name: 'a $ref member', members: [{ $ref: '#/$defs/Tag' }, { properties: { b: {} } }] },
    { name: 'a boolean member', members: [true, { properties: { b: {} } }] },
  ])('mergeAllOf keeps allOf for $name', ({ members }) => {
    expect(mergeAllOf({ description: 'x' }, members)).toEqual({ description: 'x', allOf: members });
  });
});

describe('compactSchemas: an object closed to other properties, with alternatives', () => {
  const byId = { type: 'object', required: ['carrier_id'], properties: { carrier_id: { type: 'string' } } };
  const byIds = { type: 'object', required: ['carrier_ids'], properties: { carrier_ids: { type: 'array', items: { type: 'string' } } } };
  const options = { type: 'object', properties: { weight: { type: 'number' } } };

  test("takes its alternatives' properties as its own, each still checked by its alternative (ShipEngine's rate estimate)", () => {
    const validate = ajv.compile(
      bundle(compact([{ type: 'object', additionalProperties: false, allOf: [options], oneOf: [byId, byIds], required: ['weight'] }])),
    );
    expect(validate({ weight: 2, carrier_ids: ['se-1'] })).toBe(true);
    expect(validate({ weight: 2, carrier_id: 'se-1' })).toBe(true);
    expect(validate({ weight: 2, carrier_ids: 'se-1' })).toBe(false);
    expect(validate({ weight: 2, carrier_id: 'se-1', colour: 'red' })).toBe(false);
    expect(validate({ carrier_id: 'se-1' })).toBe(false);
  });

  test("requires of itself no name only an alternative defines: the alternative says when (ShipEngine's calculate-rates)", () => {
    const shipmentId = { type: 'object', properties: { shipment_id: { type: 'string' } } };
    const shipment = { type: 'object', properties: { shipment: { type: 'object' } } };
    const result = compact([{ type: 'object', additionalProperties: false, oneOf: [shipmentId, shipment], required: ['shipment_id', 'shipment'] }]);
    expect(Object.keys((result.schemas[0] as { properties: object }).properties)).toEqual(['shipment_id', 'shipment']);
    expect(result.schemas[0]).not.toHaveProperty('required');
    expect(result.problems).toEqual([expect.stringContaining('requires "shipment_id", "shipment", which only its alternatives (oneOf/anyOf) define')]);
  });

  test('leaves out a property its alternative hides in this direction, and stays open when an alternative cannot be read', () => {
    const withId = { type: 'object', properties: { id: { type: 'string', readOnly: true }, carrier_id: { type: 'string' } } };
    const validate = ajv.compile(bundle(compact([{ type: 'object', additionalProperties: false, allOf: [options], oneOf: [withId] }])));
    expect(validate({ weight: 2, carrier_id: 'a' })).toBe(true);
    expect(validate({ weight: 2, id: 'a' })).toBe(false);
    const broken = compact([{ type: 'object', additionalProperties: false, allOf: [options], oneOf: [ref('Missing'), byIds] }]);
    expect(broken.schemas[0]).not.toHaveProperty('additionalProperties');
    expect(broken.problems).toContainEqual(expect.stringContaining('an alternative (oneOf/anyOf) of it cannot be read: any other property is accepted'));
  });
});
