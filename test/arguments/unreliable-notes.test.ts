// Tests for the notes on values sent past a constraint the document contradicts.
import { describe, expect, test } from 'vitest';
import { unreliableNotes } from '../../src/arguments/unreliable-notes.js';
import type { JsonObject } from '../../src/base/json.js';
import type { UnreliableConstraint } from '../../src/schema/unreliable-constraints.js';

const schema: JsonObject = { type: 'object', properties: { severity: { type: 'string' } } };
const severity: UnreliableConstraint = {
  pointer: '/properties/severity',
  where: 'severity',
  keyword: 'enum',
  declared: [10, 20, 30],
  reason: 'its values are not of its type, string',
};

describe('unreliableNotes', () => {
  test('an enum value given as text, or as the number it says, breaks nothing: both are the same on the wire', () => {
    expect(unreliableNotes(schema, [severity], { severity: '30' })).toEqual([]);
    expect(unreliableNotes(schema, [severity], { severity: 30 })).toEqual([]);
  });

  test('a value outside the enum is sent with a note naming it', () => {
    const [note] = unreliableNotes(schema, [severity], { severity: '40' });
    expect(note).toContain('"40" sent as given');
  });
});
