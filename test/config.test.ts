// Tests for resolveConfig: flags and environment variables to parsed values, every default from one place.
import { describe, expect, test } from 'vitest';
import { defaults, resolveConfig, type RawConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const spec = 'openapi.yaml';

describe('resolveConfig', () => {
  test('with nothing given, every setting is its default', () => {
    const config = resolveConfig({ spec });
    expect(config).toMatchObject({
      timeoutMs: defaults.timeoutMs,
      maxSpecBytes: defaults.maxSpecBytes,
      maxResponseBytes: defaults.maxResponseBytes,
      maxBinaryBytes: defaults.maxBinaryBytes,
      continuationTtlSeconds: defaults.continuationTtlSeconds,
      maxDownloadBytes: defaults.maxDownloadBytes,
      maxBodyBytesInFlight: defaults.maxBodyBytesInFlight,
      validation: defaults.validation,
      sessionTtlSeconds: defaults.sessionTtlSeconds,
      sessionMaxAgeSeconds: defaults.sessionMaxAgeSeconds,
      transport: defaults.transport,
      logLevel: defaults.logLevel,
      http: { host: defaults.host, port: defaults.port, maxBodyBytes: defaults.maxBodyBytes },
    });
    expect(config.baseUrl).toBeUndefined();
    expect(config.sessionStore).toBeUndefined();
  });

  test.each([
    { name: 'a trailing slash removed', given: 'http://127.0.0.1:8080/api/v3/', want: 'http://127.0.0.1:8080/api/v3' },
    { name: 'query and fragment dropped', given: 'https://api.example.com/v1?x=1#top', want: 'https://api.example.com/v1' },
    { name: 'a bare origin', given: 'https://api.example.com', want: 'https://api.example.com/' },
  ])('--base-url is parsed once into a URL: $name', ({ given, want }) => {
    const { baseUrl } = resolveConfig({ spec, baseUrl: given });
    expect(baseUrl).toBeInstanceOf(URL);
    expect(baseUrl!.href).toBe(want);
  });

  test.each<{ name: string; raw: RawConfig; message: string }>([
    { name: 'a base URL that is not one', raw: { baseUrl: 'not a url' }, message: '--base-url must be an absolute http(s) URL' },
    { name: 'a base URL that is not http(s)', raw: { baseUrl: 'ftp://files.example.com' }, message: '--base-url must be an absolute http(s) URL' },
    { name: 'from its variable, named so', raw: { baseUrl: 'nope', fromEnv: ['baseUrl'] }, message: 'OPENAPI_MCP_BASE_URL must be an absolute http(s) URL' },
    { name: 'a timeout out of range', raw: { timeout: '0' }, message: '--timeout must be a whole number from 1 to 3600000 (ms)' },
    { name: 'a transport we do not have', raw: { transport: 'htp' }, message: '--transport must be one of stdio, http; got "htp". Did you mean http?' },
    { name: 'a memcached entry without a port', raw: { sessionStores: { memcached: 'cache.internal' } }, message: '--memcached takes host:port entries' },
    {
      name: 'a memcached entry from its variable',
      raw: { sessionStores: { memcached: 'a:1,b' }, fromEnv: ['memcached'] },
      message: 'OPENAPI_MCP_MEMCACHED takes host:port entries (port 1 to 65535); got "b".',
    },
    { name: 'a short session secret', raw: { sessionSecret: 'short' }, message: '--session-secret must be at least 32 characters.' },
    { name: 'a log format we do not write', raw: { logFormat: 'xml' }, message: '--log-format must be one of text, json' },
    { name: 'a query parameter without a value', raw: { query: ['api_key'] }, message: '--query takes name=value; got "api_key".' },
    { name: 'a query parameter from its variable', raw: { query: ['=abc'], fromEnv: ['query'] }, message: 'OPENAPI_MCP_QUERY takes name=value; got "=abc".' },
    { name: 'a query parameter with a control character', raw: { query: ['key=a\tb'] }, message: '--query "key" has a control character in it.' },
  ])('refuses $name with a usage error naming where it came from', ({ raw, message }) => {
    expect(() => resolveConfig({ spec, ...raw })).toThrow(ConfigError);
    expect(() => resolveConfig({ spec, ...raw })).toThrow(message);
  });

  test.each([
    ['logs are text on a terminal', undefined, true, 'text'],
    ['logs are JSON lines when stderr is not a terminal', undefined, false, 'json'],
    ['--log-format wins on a terminal', 'json', true, 'json'],
    ['--log-format wins elsewhere', 'text', false, 'text'],
  ])('%s', (_name, logFormat, stderrIsTerminal, want) => {
    expect(resolveConfig({ spec, logFormat }, { stderrIsTerminal }).logFormat).toBe(want);
  });

  test('--query takes name=value, one a line from its variable; a value keeps its "=" and ","', () => {
    expect(resolveConfig({ spec }).query).toEqual({});
    expect(resolveConfig({ spec, query: ['api_key=k=1,2', 'format = json'] }).query).toEqual({ api_key: 'k=1,2', format: 'json' });
    expect(resolveConfig({ spec, query: ['key=abc\nsig=def'], fromEnv: ['query'] }).query).toEqual({ key: 'abc', sig: 'def' });
  });

  test('--memcached chooses the memcached store with its entries', () => {
    expect(resolveConfig({ spec, sessionStores: { memcached: 'a:11211, b:11211' } }).sessionStore).toEqual({
      backend: 'memcached',
      entries: ['a:11211', 'b:11211'],
    });
  });

  test('session settings apply to every transport, not only HTTP', () => {
    const config = resolveConfig({ spec, sessionTtl: '60', sessionMaxAge: '120', sessionSecret: 'x'.repeat(32) });
    expect(config).toMatchObject({ sessionTtlSeconds: 60, sessionMaxAgeSeconds: 120, sessionSecret: 'x'.repeat(32) });
  });
});
