// Tests for filling in a body the properties its schema fixes, through $ref, allOf, properties and items only.
import { describe, expect, test } from 'vitest';
import { withFixedProperties } from '../../src/arguments/fixed-properties.js';
import { fixedSchema } from '../../src/schema/fixed-value.js';

const defs = {
  account: { type: 'object', properties: { type: fixedSchema({ type: 'string' }, 'user'), uuid: { type: 'string' } } },
  base: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
  pullrequest: {
    allOf: [
      { $ref: '#/$defs/base' },
      { type: 'object', properties: { title: { type: 'string' }, reviewers: { type: 'array', items: { $ref: '#/$defs/account' } } } },
    ],
    properties: { type: fixedSchema({ type: 'string' }, 'pullrequest') },
  },
};
const body = { $ref: '#/$defs/pullrequest' };

describe('withFixedProperties', () => {
  test('fills a fixed property left out, and the same in array items reached through $ref', () => {
    expect(withFixedProperties({ title: 'Add login', reviewers: [{ uuid: '{1}' }] }, body, defs)).toEqual({
      title: 'Add login',
      reviewers: [{ uuid: '{1}', type: 'user' }],
      type: 'pullrequest',
    });
  });

  test('keeps a value the caller gave, even a wrong one: validation judges it', () => {
    expect(withFixedProperties({ type: 'issue' }, body, defs)).toEqual({ type: 'issue' });
  });

  test('returns the body itself when nothing is missing, and never changes what it was given', () => {
    const given = { type: 'pullrequest', reviewers: [{ uuid: '{1}', type: 'user' }] };
    expect(withFixedProperties(given, body, defs)).toBe(given);
    const partial = { reviewers: [{ uuid: '{1}' }] };
    withFixedProperties(partial, body, defs);
    expect(partial).toEqual({ reviewers: [{ uuid: '{1}' }] });
  });

  test('does not choose among alternatives', () => {
    const alternatives = { oneOf: [{ type: 'object', properties: { kind: fixedSchema(undefined, 'a') } }, { type: 'object' }] };
    expect(withFixedProperties({}, alternatives, {})).toEqual({});
  });

  test('leaves values that are not objects alone', () => {
    expect(withFixedProperties('text', body, defs)).toBe('text');
    expect(withFixedProperties(null, body, defs)).toBe(null);
  });
});
