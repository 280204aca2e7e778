// Tests for choosing the base URL from --base-url, the servers list and the spec's own URL.
import { describe, expect, test } from 'vitest';
import { expandServerUrl, resolveBaseUrl } from '../../src/http/base-url.js';
import { ConfigError } from '../../src/errors.js';
import type { ServerObject } from '../../src/openapi/openapi-types.js';

const fileSpec = new URL('file:///work/specs/petstore.yaml');
const httpSpec = new URL('https://petstore3.swagger.io/api/v3/openapi.json');

const templated: ServerObject = {
  url: 'https://{region}.api.example.com:{port}/{basePath}',
  variables: {
    region: { default: 'eu', enum: ['eu', 'us'] },
    port: { default: '8443' },
    basePath: { default: 'v2' },
  },
};

/** Runs `fn` and returns the ConfigError it throws. */
function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('expandServerUrl', () => {
  test('fills every variable with its default', () => {
    expect(expandServerUrl(templated)).toBe('https://eu.api.example.com:8443/v2');
  });

  test('uses a given value that is in the enum', () => {
    expect(expandServerUrl(templated, { region: 'us' })).toBe('https://us.api.example.com:8443/v2');
  });

  test('rejects a given value outside the enum, listing the allowed ones', () => {
    const error = configErrorOf(() => expandServerUrl(templated, { region: 'mars' }));
    expect(error.message).toBe('Server variable {region} must be one of eu, us; got "mars".');
  });

  test('a variable with no default and no value asks for --base-url', () => {
    const error = configErrorOf(() => expandServerUrl({ url: 'https://{tenant}.example.com' }));
    expect(error.message).toContain('{tenant}');
    expect(error.hint).toContain('--base-url');
  });

  test('leaves a URL without variables as it is', () => {
    expect(expandServerUrl({ url: '/api/v3' })).toBe('/api/v3');
  });
});

describe('resolveBaseUrl', () => {
  test.each([
    { name: 'an absolute server URL', servers: [{ url: 'https://api.example.com/v1' }], spec: fileSpec, want: 'https://api.example.com/v1' },
    {
      name: 'the first of several servers',
      servers: [{ url: 'https://a.example.com' }, { url: 'https://b.example.com' }],
      spec: fileSpec,
      want: 'https://a.example.com/',
    },
    { name: 'a server URL with variables', servers: [templated], spec: fileSpec, want: 'https://eu.api.example.com:8443/v2' },
    {
      name: 'an http:// first server whose https:// twin is listed too (as AWS documents list them)',
      servers: [
        { url: 'http://sqs.{region}.amazonaws.com', variables: { region: { default: 'us-east-1' } } },
        { url: 'https://sqs.{region}.amazonaws.com', variables: { region: { default: 'us-east-1' } } },
      ],
      spec: fileSpec,
      want: 'https://sqs.us-east-1.amazonaws.com/',
    },
    {
      name: 'an http:// first server with no https:// twin',
      servers: [{ url: 'http://a.example.com' }, { url: 'https://b.example.com' }],
      spec: fileSpec,
      want: 'http://a.example.com/',
    },
    { name: 'a root-relative server URL against an http spec URL', servers: [{ url: '/api/v3' }], spec: httpSpec, want: 'https://petstore3.swagger.io/api/v3' },
    { name: 'a path-relative server URL against an http spec URL', servers: [{ url: 'v4' }], spec: httpSpec, want: 'https://petstore3.swagger.io/api/v3/v4' },
    { name: 'no servers from an http spec: the spec host', servers: [], spec: httpSpec, want: 'https://petstore3.swagger.io/' },
    { name: 'a server URL with a trailing slash', servers: [{ url: 'https://api.example.com/v1/' }], spec: fileSpec, want: 'https://api.example.com/v1' },
    {
      name: 'a server URL with a query and fragment',
      servers: [{ url: 'https://api.example.com/v1?x=1#top' }],
      spec: fileSpec,
      want: 'https://api.example.com/v1',
    },
  ])('resolves $name to $want', ({ servers, spec, want }) => {
    expect(resolveBaseUrl(servers, spec).href).toBe(want);
  });

  test('the --base-url override wins over the servers list', () => {
    expect(resolveBaseUrl([{ url: 'https://api.example.com' }], fileSpec, new URL('http://127.0.0.1:8080/api/v3')).href).toBe('http://127.0.0.1:8080/api/v3');
  });

  test('a relative server URL from a file spec is a ConfigError with a --base-url hint', () => {
    const error = configErrorOf(() => resolveBaseUrl([{ url: '/api/v3' }], fileSpec));
    expect(error.message).toBe('The server URL "/api/v3" is relative and the document was read from a file, so it has no host.');
    expect(error.hint).toContain('--base-url');
    expect(error.code).toBe('CONFIG');
  });

  test('no servers in a file spec is a ConfigError with a --base-url hint', () => {
    const error = configErrorOf(() => resolveBaseUrl([], fileSpec));
    expect(error.message).toContain('declares no servers');
    expect(error.hint).toContain('--base-url');
  });
});
