// Tests for required body names the document's own request example leaves out, which are then not enforced.
import { describe, expect, test } from 'vitest';
import { namesTheExampleLeavesOut } from '../../src/arguments/example-required.js';

const person = { type: 'object', required: ['first', 'last'], properties: { first: { type: 'string' }, last: { type: 'string' }, note: { type: 'string' } } };
const withBody = (body: unknown, defs?: object) => ({ type: 'object', properties: { body }, ...(defs ? { $defs: defs } : {}) });

describe('namesTheExampleLeavesOut', () => {
  test.each([
    { name: 'an inline object and its example', schema: withBody(person), media: { example: { first: 'Ada' } }, want: [['/properties/body', ['last']]] },
    {
      name: 'a named example',
      schema: withBody(person),
      media: { examples: { one: { value: { note: 'x' } } } },
      want: [['/properties/body', ['first', 'last']]],
    },
    { name: 'an example written as JSON text', schema: withBody(person), media: { example: '{"first": "Ada"}' }, want: [['/properties/body', ['last']]] },
    {
      name: "a list's items through $defs",
      schema: withBody({ type: 'array', items: { $ref: '#/$defs/Person' } }, { Person: person }),
      media: { example: [{ note: 'x' }] },
      want: [['/$defs/Person', ['first', 'last']]],
    },
    { name: 'an example with every name', schema: withBody(person), media: { example: { first: 'Ada', last: 'Lovelace' } }, want: [] },
    { name: 'no example', schema: withBody(person), media: {}, want: [] },
    {
      name: 'a named example by reference (no value to read)',
      schema: withBody(person),
      media: { examples: { one: { $ref: '#/components/examples/x' } } },
      want: [],
    },
    { name: 'an example that is not an object', schema: withBody(person), media: { example: 'plain text' }, want: [] },
  ])('$name', ({ schema, media, want }) => {
    expect(namesTheExampleLeavesOut(schema, media).map((c) => [c.pointer, c.declared])).toEqual(want);
  });

  test('the reason names the names left out, so the problem line says which', () => {
    const [found] = namesTheExampleLeavesOut(withBody(person), { example: { note: 'x' } });
    expect(found!.reason).toBe('the document\'s own request example leaves out "first", "last"');
  });
});
