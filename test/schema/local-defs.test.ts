import { describe, expect, test } from 'vitest';
import { defName, followDefs, reachableDefs } from '../../src/schema/local-defs.js';

const defs = {
  Pet: { type: 'object', properties: { owner: { $ref: '#/$defs/Person' }, tags: { type: 'array', items: { $ref: '#/$defs/Tag' } } } },
  Person: { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/$defs/Pet' } } } },
  Tag: { type: 'string' },
  Alias: { $ref: '#/$defs/Tag' },
  Unused: { type: 'integer' },
};

describe('local $defs', () => {
  test('a local ref names its definition; other refs name none', () => {
    expect(defName('#/$defs/Pet')).toBe('Pet');
    expect(defName('#/$defs/a~1b')).toBe('a/b');
    expect(defName('#/$defs/Pet/properties/owner')).toBeUndefined();
    expect(defName('#/components/schemas/Pet')).toBeUndefined();
    expect(defName(42)).toBeUndefined();
  });

  test('a chain of refs is followed to its end, and a ref to nothing stays as it is', () => {
    expect(followDefs({ $ref: '#/$defs/Alias' }, defs)).toEqual({ type: 'string' });
    expect(followDefs({ $ref: '#/$defs/constructor' }, defs)).toEqual({ $ref: '#/$defs/constructor' });
    const loop = { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } };
    expect(followDefs({ $ref: '#/$defs/A' }, loop)).toHaveProperty('$ref');
  });

  test('the definitions a schema needs include those its definitions need, cycles once', () => {
    expect([...reachableDefs({ properties: { pet: { $ref: '#/$defs/Pet' } } }, defs)].sort()).toEqual(['Person', 'Pet', 'Tag']);
    expect([...reachableDefs({ items: { $ref: '#/$defs/Alias' } }, defs)].sort()).toEqual(['Alias', 'Tag']);
    expect(reachableDefs({ type: 'string' }, defs).size).toBe(0);
  });
});
