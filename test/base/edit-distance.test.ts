import { expect, test } from 'vitest';
import { closestWords, typoDistance } from '../../src/base/edit-distance.js';

test.each([
  ['lsit', 'list', 1],
  ['list', 'list', 0],
  ['descibe', 'describe', 1],
  ['fetch', 'patch', 2],
])('typoDistance(%s, %s) is %i: a swap of neighbours is one edit', (a, b, want) => {
  expect(typoDistance(a, b)).toBe(want);
});

test.each([
  ['lsit', ['list', 'describe', 'lint', 'call'], ['list']],
  ['descibe', ['list', 'describe', 'lint', 'call'], ['describe']],
  ['warning', ['debug', 'info', 'warn', 'error'], ['warn']],
  ['FETCH', ['get', 'put', 'post', 'patch'], []],
  ['pets', ['pet', 'store', 'user'], ['pet']],
  ['xyz', ['pet', 'store', 'user'], []],
])('closestWords(%s) among %j is %j', (word, candidates, want) => {
  expect(closestWords(word, candidates)).toEqual(want);
});
