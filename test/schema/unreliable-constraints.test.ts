// Tests for finding the constraints a document contradicts, and for the schema that leaves them out.
import { describe, expect, test } from 'vitest';
import { ResponseEnums } from '../../src/schema/response-enums.js';
import {
  documentedCounterexample,
  findUnreliableConstraints,
  isDoublyEscaped,
  isPlausibleLiteral,
  relaxUnreliable,
} from '../../src/schema/unreliable-constraints.js';
import type { JsonObject } from '../../src/base/json.js';

const noResponses = () => new ResponseEnums([]);

describe('isPlausibleLiteral', () => {
  test.each([
    ['production', true],
    ['deployment.succeeded', true],
    ['(GMT+01:00) Amsterdam', true],
    ['undefined', true],
    [42, true],
    [null, true],
    ['mport("/vercel/path0/utils/env-variable-util/types").EnvTarget.Productio', false],
    ['"Latency"', false],
    ['two\nlines', false],
    ['group:${nodeGroupId}', false],
    ['$5 off', true],
  ])('%j -> %s', (value, want) => {
    expect(isPlausibleLiteral(value)).toBe(want);
  });
});

describe('isDoublyEscaped', () => {
  test.each([
    ['^[\\\\w-]+$', true], // Vercel: a backslash or "w", meant as \w
    ['^\\\\d+(\\\\.\\\\d+)?$', true], // Amadeus
    ['^[\\w-]+$', false],
    ['^[\\\\\\w\\-_:/.]*$', false], // AWS Security Lake: a backslash, then \w: meant
    ['^[a-zA-Z0-9\\-\\_\\.\\/\\[\\]\\,\\"\\\\\\s]+$', false], // AWS Forecast: backslash and \s, meant
    ['C:\\\\Windows', false],
  ])('%s -> %s', (pattern, want) => {
    expect(isDoublyEscaped(pattern)).toBe(want);
  });
});

describe('findUnreliableConstraints', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['open', 'closed'] },
      body: {
        type: 'object',
        required: ['events', 'key'],
        properties: {
          events: { type: 'array', items: { $ref: '#/$defs/Event' } },
          kind: { type: 'string', enum: ['a', 'b'] },
          slug: { type: 'string', pattern: '^[\\\\w-]+$' },
          labels: { type: 'object', propertyNames: { pattern: '^[\\\\w-]+$' } },
        },
      },
    },
    $defs: { Event: { enum: ['mport("x").WebhookName.DomainCreate', 'mport("x").WebhookName.ProjectRemove'] } },
  };

  test('names each contradiction with its pointer and place in argument terms; a consistent enum is left alone', () => {
    const found = findUnreliableConstraints(schema, noResponses);
    expect(found.map(({ pointer, where, keyword }) => ({ pointer, where, keyword }))).toEqual([
      { pointer: '/properties/body', where: 'body', keyword: 'required' },
      { pointer: '/$defs/Event', where: 'body.events[]', keyword: 'enum' },
      { pointer: '/properties/body/properties/slug', where: 'body.slug', keyword: 'pattern' },
      { pointer: '/properties/body/properties/labels/propertyNames', where: 'body.labels (property names)', keyword: 'pattern' },
    ]);
  });

  test("an enum sharing no value with the responses' field of the same object is unreliable, and their values become examples", () => {
    const responses = new ResponseEnums([{ path: ['created', 'kind'], values: ['x', 'y'], siblings: new Set(['events', 'kind', 'slug', 'labels', 'id']) }]);
    const [kind] = findUnreliableConstraints(schema, () => responses).filter((c) => c.where === 'body.kind');
    expect(kind).toMatchObject({ reason: 'its values share none with the values the responses give "kind"', alternatives: ['x', 'y'] });
    const relaxed = relaxUnreliable(schema, [kind!]);
    expect(((relaxed.properties as JsonObject).body as { properties: JsonObject }).properties.kind).toEqual({ type: 'string', examples: ['x', 'y'] });
    expect(((schema.properties as JsonObject).body as { properties: JsonObject }).properties.kind).toEqual({ type: 'string', enum: ['a', 'b'] });
  });

  test('a response object of another kind (a create call answering with an operation record) is no evidence', () => {
    const responses = new ResponseEnums([{ path: ['kind'], values: ['DONE', 'PENDING'], siblings: new Set(['kind', 'progress', 'selfLink']) }]);
    expect(findUnreliableConstraints(schema, () => responses).filter((c) => c.where === 'body.kind')).toEqual([]);
  });

  test('relaxing declares the undefined required names as any value (still required), and leaves out the doubled patterns and the enum, typed as strings', () => {
    const relaxed = relaxUnreliable(schema, findUnreliableConstraints(schema, noResponses));
    const body = (relaxed.properties as JsonObject).body as { required: string[]; properties: Record<string, JsonObject> };
    expect(body.required).toEqual(['events', 'key']);
    expect(body.properties.key).toEqual({ description: 'Required by the document, which gives no schema for it: any value.' });
    expect(body.properties.slug).toEqual({ type: 'string' });
    expect(body.properties.labels).toEqual({ type: 'object', propertyNames: {} });
    expect((relaxed.$defs as JsonObject).Event).toEqual({ type: 'string' });
  });

  test('an object that forbids other names and requires ones it does not define: not required, but allowed', () => {
    const closed: JsonObject = {
      type: 'object',
      properties: {
        body: { type: 'object', additionalProperties: false, required: ['name', 'canApprove'], properties: { name: { type: 'string' } } },
      },
    };
    const relaxed = relaxUnreliable(closed, findUnreliableConstraints(closed, noResponses));
    const body = (relaxed.properties as JsonObject).body as JsonObject;
    expect(body.required).toEqual(['name']);
    expect(Object.keys(body.properties as JsonObject)).toEqual(['name', 'canApprove']);
    expect(body.additionalProperties).toBe(false);
  });

  test("a required property of the object's own type is unreliable: no finite value has it", () => {
    const tree: JsonObject = {
      type: 'object',
      properties: { body: { $ref: '#/$defs/TreeNode' } },
      $defs: {
        TreeNode: {
          type: 'object',
          required: ['id', 'parent'],
          properties: { id: { type: 'string' }, parent: { $ref: '#/$defs/TreeNode' }, children: { type: 'array', items: { $ref: '#/$defs/TreeNode' } } },
        },
      },
    };
    const [found] = findUnreliableConstraints(tree, noResponses);
    expect(found).toMatchObject({ pointer: '/$defs/TreeNode', where: 'body', keyword: 'required', declared: ['parent'] });
    expect(((relaxUnreliable(tree, [found!]).$defs as JsonObject).TreeNode as JsonObject).required).toEqual(['id']);
  });
});

describe('documentedCounterexample', () => {
  const linode = '^[a-zA-Z]((?!--|__|..)[a-zA-Z0-9-_.])+$';
  test.each([
    ["Linode's label refuses its own example", { example: 'linode123' }, linode, 'linode123'],
    ['a default counts, and examples', { default: 'ok', examples: ['fine', 'not fine'] }, '^\\w+$', 'not fine'],
    ['an example the pattern takes', { example: 'linode123' }, '^[a-z0-9]+$', undefined],
    ['an empty default says nothing', { default: '' }, '^[a-z]+$', undefined],
    ['a placeholder says nothing', { example: 'Bearer <TOKEN>' }, '^Bearer\\s[\\w-]+$', undefined],
    ['an example cut short says nothing (GitHub digest)', { example: 'sha256:0ecbaa601dba...' }, '^sha256:[a-f0-9]{64}$', undefined],
    ['an example of a length the schema refuses says nothing', { example: 'sha256:0ecb', minLength: 71 }, '^sha256:[a-f0-9]{64}$', undefined],
    ['a match that cannot be told in time says nothing', { example: `${'a'.repeat(40)}!` }, '^(a+)+$', undefined],
  ])('%s', (_name, schema, pattern, expected) => {
    expect(documentedCounterexample(schema, pattern)).toBe(expected);
  });
});

describe('shapeless objects in a body', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      filter: { type: 'object' },
      body: {
        type: 'object',
        properties: {
          value: { type: 'object', description: 'The new value.', example: 'My resource name' },
          metadata: { type: 'object', additionalProperties: { type: 'string' } },
          tags: { type: 'array', items: { type: 'object' } },
          // Autotask's filter value: "Can be either an Integer, String, Boolean, an Array…", typed object with no properties.
          operand: { type: 'object', description: 'Can be either an Integer, String or Boolean.', properties: {} },
          settings: { type: 'object', properties: { on: { type: 'boolean' } } },
        },
      },
    },
  };

  test('are found below the body root, in items too; objects with any shape, and parameters, are not', () => {
    const found = findUnreliableConstraints(schema, noResponses).filter((c) => c.keyword === 'type');
    expect(found.map((c) => [c.pointer, c.where])).toEqual([
      ['/properties/body/properties/value', 'body.value'],
      ['/properties/body/properties/tags/items', 'body.tags[]'],
      ['/properties/body/properties/operand', 'body.operand'],
    ]);
  });

  test('lose their type when relaxed, keeping their words and a note of why', () => {
    const relaxed = relaxUnreliable(schema, findUnreliableConstraints(schema, noResponses));
    const body = (relaxed.properties as JsonObject).body as JsonObject;
    expect((body.properties as JsonObject).value).toEqual({
      description: 'The new value. (Any JSON value: the document types it object and gives no shape.)',
      example: 'My resource name',
    });
    expect((body.properties as JsonObject).metadata).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect((relaxed.properties as JsonObject).filter).toEqual({ type: 'object' });
  });
});

describe('a date-time format whose description asks for a date alone', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      date: { type: 'string', format: 'date-time', description: 'YYYY-MM-DD: Date for timezone info' },
      since: { type: 'string', format: 'date-time', description: 'Start, as YYYY-MM-DDTHH:mm:ssZ.' },
      start: { type: 'string', format: 'date-time', description: 'Specify YYYY-MM-DD HH:MM:SS in UTC.' },
      body: {
        type: 'object',
        properties: {
          due_on: { type: 'string', format: 'date-time', description: 'The day on which this project is due. This takes a date with format YYYY-MM-DD.' },
          created: { type: 'string', format: 'date-time', description: 'When it was made.' },
          birthday: { type: 'string', format: 'date', description: 'YYYY-MM-DD' },
        },
      },
    },
  };

  test('is unreliable; one that says a time goes with the date, or no format at all, is not', () => {
    const found = findUnreliableConstraints(schema, noResponses);
    expect(found.map((c) => [c.keyword, c.where])).toEqual([
      ['format', 'date'],
      ['format', 'body.due_on'],
    ]);
  });

  test('loses its format when relaxed, keeping its words', () => {
    const relaxed = relaxUnreliable(schema, findUnreliableConstraints(schema, noResponses));
    expect((relaxed.properties as JsonObject).date).toEqual({ type: 'string', description: 'YYYY-MM-DD: Date for timezone info' });
    expect((relaxed.properties as JsonObject).since).toEqual((schema.properties as JsonObject).since);
  });
});

describe('an enum whose values are not of its type', () => {
  const schema: JsonObject = {
    type: 'object',
    properties: {
      severity: { type: 'string', enum: [10, 20, 30] },
      state: { type: ['string', 'null'], enum: ['open', null] },
      count: { type: 'number', enum: [1, 2.5] },
    },
  };

  test('is unreliable (no value is both); one with a value of its type is not', () => {
    const found = findUnreliableConstraints(schema, noResponses);
    expect(found.map((c) => [c.where, c.reason])).toEqual([['severity', 'its values are not of its type, string']]);
  });

  test("loses its enum when relaxed, its values kept as examples, and takes their type as well as its own (Apptigent's uppercase, a string of true or false)", () => {
    const relaxed = relaxUnreliable(schema, findUnreliableConstraints(schema, noResponses));
    expect((relaxed.properties as JsonObject).severity).toEqual({ type: ['string', 'integer'], examples: [10, 20, 30] });
    const flag: JsonObject = { type: 'object', properties: { uppercase: { type: 'string', enum: [true, false] } } };
    expect((relaxUnreliable(flag, findUnreliableConstraints(flag, noResponses)).properties as JsonObject).uppercase).toEqual({
      type: ['string', 'boolean'],
      examples: [true, false],
    });
  });
});
