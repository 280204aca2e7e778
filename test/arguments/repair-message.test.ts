// Tests for the text of an invalid-arguments error: leaves after describe, subschemas before, no list twice.
import { describe, expect, test } from 'vitest';
import { repairMessage } from '../../src/arguments/repair-message.js';
import type { ArgumentProblem } from '../../src/arguments/validate-arguments.js';
import type { JsonObject } from '../../src/base/json.js';

const status = { type: 'string', enum: ['available', 'pending', 'sold'] };
const name = { type: 'string' };
const schema: JsonObject = {
  type: 'object',
  properties: { body: { type: 'object', required: ['name'], properties: { name, status, tag: { $ref: '#/$defs/Tag' } } } },
  $defs: { Tag: { type: 'object', properties: { label: { type: 'string' } } } },
};
const operation = { id: 'addPet', method: 'post' as const, path: '/pet' };
const problems: ArgumentProblem[] = [
  { pointer: '/body/name', keyword: 'required', message: 'is required but missing', expected: 'string', got: 'nothing', schema: name },
  { pointer: '/body/status', keyword: 'enum', message: '…', expected: 'one of 3 values', got: 'a string "lost"', allowed: status.enum, schema: status },
  { pointer: '/body/colour', keyword: 'additionalProperties', message: '…', expected: 'one of the known names; known: name, status, tag', got: '"colour"' },
];

describe('repairMessage', () => {
  test('after describe: the failing leaves only, with allowed values when few', () => {
    expect(repairMessage({ operation, schema, problems, adjustments: [], described: true })).toBe(
      [
        'Invalid arguments for addPet (POST /pet); nothing was sent:',
        '- /body/name: missing; required, string',
        '- /body/status: expected one of "available", "pending", "sold"; got a string "lost"',
        '- /body/colour: unknown name; known: name, status, tag',
        'Fix these and call execute_endpoint again.',
      ].join('\n'),
    );
  });

  test('before describe: each leaf with the subschema that covers it, whose enum is the only list of values', () => {
    const text = repairMessage({ operation, schema, problems, adjustments: ['"arguments" was a JSON string; it was parsed as an object.'], described: false });
    expect(text).toBe(
      [
        'Invalid arguments for addPet (POST /pet); nothing was sent:',
        '- /body/name: missing; required, string',
        '  schema: {"type":"string"}',
        '- /body/status: expected one of the 3 values of its schema; got a string "lost"',
        '  schema: {"type":"string","enum":["available","pending","sold"]}',
        '- /body/colour: unknown name; known: name, status, tag',
        'Adjusted first: "arguments" was a JSON string; it was parsed as an object.',
        'Fix these and call execute_endpoint again; describe_endpoint shows the whole schema.',
      ].join('\n'),
    );
  });

  test('a subschema shared by two leaves is printed once, with the $defs it refers to', () => {
    const body = (schema.properties as JsonObject).body as JsonObject;
    const two: ArgumentProblem[] = [
      { pointer: '/body/tag', keyword: 'type', message: '…', expected: 'object', got: 'a string "x"', schema: body },
      { pointer: '/body', keyword: 'required', message: '…', expected: 'string', got: 'nothing', schema: body },
    ];
    const text = repairMessage({ operation, schema, problems: two, adjustments: [], described: false });
    expect(text.match(/schema:/g)).toHaveLength(1);
    expect(text).toContain('"$defs":{"Tag":{"type":"object","properties":{"label":{"type":"string"}}}}');
  });

  test('a key that the pointer escapes is also said as written', () => {
    const ports: ArgumentProblem = { pointer: '/body/PortBindings/80~1tcp', keyword: 'type', message: '…', expected: 'object', got: 'an array' };
    const text = repairMessage({ operation, schema, problems: [ports], adjustments: [], described: true });
    expect(text).toContain('- /body/PortBindings/80~1tcp (the key "80/tcp"): expected object; got an array');
  });

  test('many allowed values are counted, not listed, after describe', () => {
    const many = Array.from({ length: 25 }, (_, i) => `v${i}`);
    const text = repairMessage({
      operation,
      schema,
      problems: [{ pointer: '/body/status', keyword: 'enum', message: '…', expected: 'one of 25 values', got: 'a string "x"', allowed: many }],
      adjustments: [],
      described: true,
    });
    expect(text).toContain('- /body/status: expected one of 25 values (see describe_endpoint); got a string "x"');
    expect(text).not.toContain('v0');
  });
});
