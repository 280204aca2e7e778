// Tests for the note on a select that names a field the body lacks, or finds only null where the names it read have values.
import { describe, expect, test } from 'vitest';
import { compileSelect } from '../../src/http/select-expression.js';
import { selectMissNote } from '../../src/http/select-misses.js';

async function noteOf(expression: string, body: unknown): Promise<string | undefined> {
  const select = await compileSelect(expression);
  return selectMissNote(JSON.stringify(expression), body, select(body) ?? null, select);
}

describe('selectMissNote', () => {
  test.each([
    {
      name: 'a name the top lacks, beside one it has',
      select: '{a: nmae, b: id}',
      body: { id: 1, name: 'x' },
      want: 'names nmae, which the body does not have',
    },
    { name: 'a nested misspelling under a name it has', select: 'data.nmae', body: { data: { name: 'x' } }, want: 'found only null' },
    {
      name: 'a name no item of a list has',
      select: '[].nmae',
      body: [{ id: 1 }, { id: 2 }],
      want: "names nmae, which the body does not have: a missing name reads as null. Its items' fields: id.",
    },
  ])('says so for $name', async ({ select, body, want }) => {
    expect(await noteOf(select, body)).toContain(want);
  });

  test.each([
    { name: 'a field that is there and null', select: 'lastModified', body: { lastModified: null, id: 1 } },
    { name: 'a field only a later item has', select: '[?discount].id', body: [{ id: 1 }, { id: 2, discount: 5 }] },
    { name: 'an empty list found', select: 'items', body: { items: [] } },
    { name: 'a fallback', select: 'nickname || name', body: { name: 'x' } },
  ])('says nothing for $name', async ({ select, body }) => {
    expect(await noteOf(select, body)).toBeUndefined();
  });

  test('names are cut, never inside a character, and counted past 25', async () => {
    const long = `${'é'.repeat(58)}😀😀😀`;
    const body = Object.fromEntries([[long, 1], ...Array.from({ length: 30 }, (_, i) => [`f${i}`, i])]);
    const note = (await noteOf('nope', body))!;
    expect(note).toContain(`${'é'.repeat(58)}😀…, f0`);
    expect(note).toContain(', and 6 more.');
  });
});
