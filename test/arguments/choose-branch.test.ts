// Tests for choosing the oneOf / anyOf branch the arguments were meant for.
import { describe, expect, test } from 'vitest';
import { chooseBranch } from '../../src/arguments/choose-branch.js';
import { followDefs } from '../../src/schema/local-defs.js';

const defs = {
  Cat: { type: 'object', properties: { kind: { const: 'cat' }, lives: { type: 'integer' } }, required: ['kind'] },
  Dog: { type: 'object', properties: { kind: { enum: ['dog'] }, bark: { type: 'string' } }, required: ['kind'] },
};
const resolve = (node: unknown) => followDefs(node, defs);

describe('chooseBranch', () => {
  const objectOrArray = [
    { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } } },
    { type: 'array', items: { type: 'object' } },
  ];
  const pets = [{ $ref: '#/$defs/Cat' }, { $ref: '#/$defs/Dog' }];

  test.each([
    { name: 'an object goes to the object branch', branches: objectOrArray, value: { key: 1 }, want: 0 },
    { name: 'an array goes to the array branch', branches: objectOrArray, value: [{}], want: 1 },
    { name: 'an integer fits a number branch', branches: [{ type: 'string' }, { type: 'number' }], value: 3, want: 1 },
    { name: 'a discriminator value picks its branch, through refs', branches: pets, value: { kind: 'dog', lives: 'nine' }, want: 1 },
    { name: 'without one, the branch knowing most properties', branches: pets, value: { lives: 'nine' }, want: 0 },
    { name: 'a literal value picks the branch declaring it', branches: [{ type: 'string', pattern: '^x' }, { enum: ['auto'] }], value: 'auto', want: 1 },
    { name: 'no branch of the JSON type', branches: objectOrArray, value: 'text', want: undefined },
  ])('$name', ({ branches, value, want }) => {
    expect(chooseBranch(branches, value, resolve)).toBe(want);
  });
});
