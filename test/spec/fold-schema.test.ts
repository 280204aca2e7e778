import { describe, expect, test } from 'vitest';
import { foldSchema, schemaPart } from '../../src/spec/fold-schema.js';

const deep = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    config: {
      type: 'object',
      properties: { rules: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' }, b: { $ref: '#/$defs/Node' } } } } },
    },
  },
  $defs: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } },
};

describe('foldSchema', () => {
  test('a schema that fits is returned as it is', () => {
    expect(foldSchema(deep, 10_000, (p) => `op#${p}`)).toEqual({ schema: deep });
  });

  test('a schema that does not fit is folded at the deepest level that fits, stubs naming the part to describe', () => {
    const { schema, foldedAt } = foldSchema(deep, 300, (p) => `op#${p}`);
    expect(foldedAt).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(schema).length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(schema)).toContain('describe \\"op#/properties/config');
    expect((schema as typeof deep).properties.name).toEqual({ type: 'string' });
  });
});

describe('schemaPart', () => {
  test('returns the sub-schema at a pointer with the $defs it needs', () => {
    expect(schemaPart(deep, '/properties/config/properties/rules/items')).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { $ref: '#/$defs/Node' } },
      $defs: { Node: deep.$defs.Node },
    });
  });

  test('follows $refs into $defs along the way, and is undefined for a pointer that leads nowhere', () => {
    expect(schemaPart(deep, '/properties/config/properties/rules/items/properties/b/properties/children')).toMatchObject({ type: 'array', $defs: { Node: {} } });
    expect(schemaPart(deep, '/properties/nope')).toBeUndefined();
  });
});
