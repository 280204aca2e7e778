import { describe, expect, test } from 'vitest';
import { withoutCollisions } from '../../src/auth/colliding-schemes.js';
import type { SchemeUse } from '../../src/auth/schemes/scheme-use.js';

const oauth = (name: string): SchemeUse => ({ name, type: 'oauth2' });
const key = (name: string, location: string, parameterName: string): SchemeUse => ({ name, type: 'apiKey', in: location, parameterName });
const names = (alternatives: SchemeUse[][]) => alternatives.map((all) => all.map((use) => use.name));

describe('schemes required together that travel in one place', () => {
  test('two bearer schemes become either, beside what they are required with', () => {
    expect(names(withoutCollisions([oauth('Oauth2'), oauth('Oauth2c'), key('app', 'header', 'X-App')]))).toEqual([
      ['Oauth2', 'app'],
      ['Oauth2c', 'app'],
    ]);
  });

  test('keys in different places, or a header and a query parameter of one name, are all sent', () => {
    const together = [key('id', 'header', 'X-Id'), key('secret', 'header', 'X-Secret'), key('token', 'query', 'X-Id')];
    expect(names(withoutCollisions(together))).toEqual([['id', 'secret', 'token']]);
  });

  test('header names compare without case; a requirement that would split into too many choices stays as written', () => {
    expect(names(withoutCollisions([key('a', 'header', 'X-Key'), key('b', 'header', 'x-key')]))).toEqual([['a'], ['b']]);
    const many = ['a', 'b', 'c', 'd', 'e'].flatMap((n) => [key(`${n}1`, 'header', `X-${n}`), key(`${n}2`, 'header', `X-${n}`)]);
    expect(names(withoutCollisions(many))).toEqual([many.map((use) => use.name)]);
  });
});
