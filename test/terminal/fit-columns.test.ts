import { expect, test } from 'vitest';
import { cutText, fitColumns, joinRow, rowLines } from '../../src/terminal/fit-columns.js';
import { wrapText } from '../../src/terminal/wrap-text.js';

const columns = [{ header: 'ID', whole: true }, { header: 'PATH' }, { header: 'SUMMARY' }];
const rows = [['a-very-long-identifier', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'List reviews for a pull request']];

test.each([
  ['no width: nothing is cut', undefined, ['a-very-long-identifier', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'List reviews for a pull request']],
  ['wide enough: nothing is cut', 200, ['a-very-long-identifier', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'List reviews for a pull request']],
  ['narrow: the id stays whole, the others share the rest', 60, ['a-very-long-identifier', '/repos/{owner}/{…', 'List reviews for…']],
])('fitColumns, %s', (_name, width, want) => {
  const table = fitColumns(columns, rows, width);
  expect(table.cells[1]).toEqual(want);
  if (width) expect(joinRow(table.cells[1]!, table.widths).length).toBeLessThanOrEqual(width);
});

test('cutText marks the cut with an ellipsis and never splits a character', () => {
  expect(cutText('abcdef', 4)).toBe('abc…');
  expect(cutText('abc', 4)).toBe('abc');
  expect(cutText('😀😀😀😀😀', 3)).toBe('😀😀…');
});

test('a wrapped last column continues under itself', () => {
  const table = fitColumns(
    [
      { header: 'NAME', whole: true },
      { header: 'DESCRIPTION', wrap: true },
    ],
    [['owner', 'The account owner of the repository. The name is not case sensitive.']],
    40,
  );
  expect(rowLines(table.cells[1]!, table.widths)).toEqual(['owner  The account owner of the', '       repository. The name is not case', '       sensitive.']);
});

test('wrapText breaks at spaces, and inside a word only when it is wider than a line', () => {
  expect(wrapText('one two three four', 9, '  ')).toEqual(['  one two', '  three', '  four']);
  expect(wrapText('"A"|"B"|"C"|"D"|"E"|"F"', 12)).toEqual(['"A"|"B"|"C"|', '"D"|"E"|"F"']);
});
