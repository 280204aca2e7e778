import { describe, expect, test } from 'vitest';
import { foldSchema, schemaPart } from '../../src/schema/fold-schema.js';

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

describe('foldSchema: required parts', () => {
  const contact = (description: string) => ({
    description,
    allOf: [
      { type: 'object', properties: Object.fromEntries(['firstName', 'lastName', 'workEmail', 'city', 'country'].map((name) => [name, { type: 'string' }])) },
    ],
  });
  const body = {
    type: 'object',
    required: ['billToContact'],
    properties: { billToContact: contact('Who is billed.'), soldToContact: contact('Who bought.'), notes: { type: 'string', description: 'x'.repeat(900) } },
  };

  test('a required object, allOf parts included, shows one level deeper than an optional one: no call goes without it', () => {
    const { schema } = foldSchema(body, 700, (p) => `op#${p}`);
    const shown = schema as { properties: { billToContact: { allOf: { properties: object }[] }; soldToContact: { description: string } } };
    expect(Object.keys(shown.properties.billToContact.allOf[0]!.properties)).toContain('workEmail');
    expect(shown.properties.soldToContact.description).toContain('describe "op#/properties/soldToContact');
  });
});

describe('foldSchema: shortening what is long', () => {
  const partId = (p: string) => `op#${p}`;
  const fonts = Array.from({ length: 300 }, (_, i) => `Font number ${i}`);
  const wide = {
    type: 'object',
    required: ['zeta'],
    properties: Object.fromEntries([
      ...Array.from({ length: 120 }, (_, i) => [`filter_${i}`, { type: 'string', description: `Filters on field ${i}.` }]),
      ['zeta', { type: 'integer' }],
    ]),
  };

  test('a long enum shows its first values and a marker naming the part with all of them', () => {
    const schema = { type: 'object', properties: { font: { type: 'string', enum: fonts }, size: { type: 'integer' } } };
    const { schema: shown, foldedAt } = foldSchema(schema, 2_000, partId);
    const font = (shown as { properties: { font: { enum: string[] } } }).properties.font;
    expect(font.enum.slice(0, 25)).toEqual(fonts.slice(0, 25));
    expect(font.enum.at(-1)).toBe('… and 275 more; describe "op#/properties/font" for all');
    expect(foldedAt).toBeUndefined();
    expect(JSON.stringify(shown).length).toBeLessThanOrEqual(2_000);
  });

  test('a schema that fits is unchanged, enums of up to 100 values included', () => {
    const schema = { type: 'object', properties: { font: { type: 'string', enum: fonts.slice(0, 100) } } };
    expect(foldSchema(schema, 100_000, partId)).toEqual({ schema });
  });

  test('even in a schema that fits, an enum of over 100 values shows 50, unless it is the root of what is shown', () => {
    const schema = { type: 'object', properties: { font: { type: 'string', enum: fonts } } };
    const font = (foldSchema(schema, 100_000, partId).schema as { properties: { font: { enum: string[] } } }).properties.font;
    expect(font.enum).toHaveLength(51);
    expect(font.enum.at(-1)).toBe('… and 250 more; describe "op#/properties/font" for all');
    const root = { type: 'string', enum: fonts };
    expect(foldSchema(root, 100_000, partId).schema).toBe(root);
  });

  test('a long pattern is left out with a note naming the part', () => {
    const pattern = `^(${fonts.join('|')})$`;
    const { schema: shown } = foldSchema({ type: 'object', properties: { font: { type: 'string', description: 'Font.', pattern } } }, 1_000, partId);
    expect((shown as { properties: { font: unknown } }).properties.font).toEqual({
      type: 'string',
      description: `Font. (pattern of ${pattern.length} characters not shown; describe "op#/properties/font" for it)`,
    });
  });

  test('a wide object shows its required properties first and lists the others by name', () => {
    const { schema: shown } = foldSchema(wide, 3_000, partId);
    const properties = Object.keys((shown as typeof wide).properties);
    expect(properties[0]).toBe('filter_0');
    expect(properties).toContain('zeta');
    expect(properties.length).toBeLessThan(121);
    expect(shown.description).toMatch(/^\(\d+ more properties not shown: filter_\d+, .*filter_119; describe "op#\/properties\/<name>" for one\)$/);
    expect(shown.required).toEqual(['zeta']);
  });

  test('$defs that folding leaves unreferenced are left out', () => {
    const schema = {
      ...deep,
      properties: { ...deep.properties, other: { $ref: '#/$defs/Other' } },
      $defs: { ...deep.$defs, Other: { type: 'string', enum: fonts.slice(0, 5) } },
    };
    const { schema: shown } = foldSchema(schema, 350, partId);
    expect(JSON.stringify(shown).length).toBeLessThanOrEqual(350);
    expect(Object.keys(shown.$defs as object)).toEqual(['Other']);
  });
});

describe('schemaPart', () => {
  test('follows a $defs pointer from a stub inside a part to the root $defs', () => {
    expect(schemaPart(deep, '/properties/config/$defs/Node')).toMatchObject({ type: 'object', properties: { children: {} } });
  });

  test('returns the sub-schema at a pointer with the $defs it needs', () => {
    expect(schemaPart(deep, '/properties/config/properties/rules/items')).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { $ref: '#/$defs/Node' } },
      $defs: { Node: deep.$defs.Node },
    });
  });

  test('follows $refs into $defs along the way, and is undefined for a pointer that leads nowhere', () => {
    expect(schemaPart(deep, '/properties/config/properties/rules/items/properties/b/properties/children')).toMatchObject({
      type: 'array',
      $defs: { Node: {} },
    });
    expect(schemaPart(deep, '/properties/nope')).toBeUndefined();
  });
});
