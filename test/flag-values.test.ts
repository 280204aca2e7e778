import { describe, expect, test } from 'vitest';
import { ConfigError } from '../src/errors.js';
import { toBoolean, toChoice, toHttpUrl, toInteger } from '../src/flag-values.js';

const range = { min: 1, max: 100, unit: 'ms' };

describe('flag values', () => {
  test.each([
    ['absent gives the default', undefined, 30],
    ['a whole number', '42', 42],
    ['with spaces around', ' 7 ', 7],
    ['a number given as a number', 100, 100],
  ])('toInteger: %s', (_name, given, want) => {
    expect(toInteger(given, 30, '--timeout', range)).toBe(want);
  });

  test.each([['abc'], ['0'], ['101'], ['2.5'], ['-3'], ['1e2'], ['']])('toInteger refuses %j, naming the flag and the range', (given) => {
    expect(() => toInteger(given, 30, '--timeout', range)).toThrow(new ConfigError(`--timeout must be a whole number from 1 to 100 (ms); got "${given}".`));
  });

  test.each([
    ['true', true],
    ['YES', true],
    ['0', false],
    ['off', false],
    ['', false],
  ])('toBoolean %j is %s', (given, want) => {
    expect(toBoolean(given, 'OPENAPI_MCP_VALIDATE')).toBe(want);
  });

  test('toChoice names the closest choice', () => {
    expect(toChoice('JSON', 'text', '--log-format', ['text', 'json'])).toBe('json');
    expect(() => toChoice('jsno', 'text', '--log-format', ['text', 'json'])).toThrow('--log-format must be one of text, json; got "jsno". Did you mean json?');
    expect(() => toChoice('xml', 'text', '--log-format', ['text', 'json'])).toThrow('--log-format must be one of text, json; got "xml".');
  });

  test.each([['not-a-url'], ['/relative'], ['ftp://example.com'], ['http://']])('toHttpUrl refuses %j', (given) => {
    expect(() => toHttpUrl(given, '--base-url')).toThrow(`--base-url must be an absolute http(s) URL such as https://api.example.com/v1; got "${given}".`);
  });

  test('toHttpUrl accepts http and https URLs', () => {
    expect(toHttpUrl('https://api.example.com/v1', '--base-url').href).toBe('https://api.example.com/v1');
  });
});
