import { describe, expect, test } from 'vitest';
import { fixture, sample } from './support/connect.js';
import { runBin } from './support/run-bin.js';

/** Every usage error: exit 2, at most three lines on stderr, nothing on stdout, never the help text or a stack trace. */
function expectShortUsageError(ran: { code: number; stdout: string; stderr: string }): string[] {
  expect(ran.code).toBe(2);
  expect(ran.stdout).toBe('');
  const lines = ran.stderr.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(3);
  expect(ran.stderr).not.toMatch(/Usage:|Options:|\n\s+at /);
  expect(lines.at(-1)).toMatch(/^Run "openapi-dynamic-mcp( \w+)? --help" for usage\.$/);
  return lines;
}

describe('usage errors', () => {
  test.each([
    ['a mistyped command names the command', ['lsit', sample], 'openapi-dynamic-mcp: unknown command "lsit" (did you mean list?)'],
    ['a mistyped command alone', ['descibe'], 'openapi-dynamic-mcp: unknown command "descibe" (did you mean describe?)'],
    ['an unknown flag names the closest flag', ['list', sample, '--limt', '3'], "openapi-dynamic-mcp: unknown option '--limt' (did you mean --limit?)"],
    ['a stray word after the document', [sample, 'extra'], 'openapi-dynamic-mcp: unexpected argument "extra": the server takes one document.'],
    ['--limit that is not a number', ['list', sample, '--limit', 'abc'], 'openapi-dynamic-mcp: --limit must be a whole number from 1 to 100000; got "abc".'],
    ['--limit 0', ['list', sample, '--limit', '0'], 'openapi-dynamic-mcp: --limit must be a whole number from 1 to 100000; got "0".'],
    ['--limit with a fraction', ['list', sample, '--limit', '2.5'], 'openapi-dynamic-mcp: --limit must be a whole number from 1 to 100000; got "2.5".'],
    [
      '--method that is not one',
      ['list', sample, '--method', 'FETCH'],
      'openapi-dynamic-mcp: --method must be one of get, put, post, delete, options, head, patch, trace; got "FETCH".',
    ],
    [
      '--base-url that is not a URL',
      ['list', sample, '--base-url', 'not-a-url'],
      'openapi-dynamic-mcp: --base-url must be an absolute http(s) URL such as https://api.example.com/v1; got "not-a-url".',
    ],
    [
      '--base-url with another scheme',
      ['call', sample, 'getInventory', '--base-url', 'ftp://example.com'],
      'openapi-dynamic-mcp: --base-url must be an absolute http(s) URL such as https://api.example.com/v1; got "ftp://example.com".',
    ],
    ['--timeout out of range', ['lint', sample, '--timeout', '0'], 'openapi-dynamic-mcp: --timeout must be a whole number from 1 to 3600000 (ms); got "0".'],
    [
      '--port out of range',
      [sample, '--transport', 'http', '--port', '70000'],
      'openapi-dynamic-mcp: --port must be a whole number from 1 to 65535; got "70000".',
    ],
    [
      '--max-response-bytes not a size',
      [sample, '--max-response-bytes', '10kb'],
      'openapi-dynamic-mcp: --max-response-bytes must be a whole number from 1 to 67108864 (bytes); got "10kb".',
    ],
    [
      '--max-body-bytes too large',
      [sample, '--transport', 'http', '--max-body-bytes', '999999999999'],
      'openapi-dynamic-mcp: --max-body-bytes must be a whole number from 1 to 104857600 (bytes); got "999999999999".',
    ],
    [
      '--session-ttl over what memcached keeps',
      [sample, '--transport', 'http', '--session-ttl', '2592001'],
      'openapi-dynamic-mcp: --session-ttl must be a whole number from 1 to 2592000 (seconds); got "2592001".',
    ],
    [
      '--log-level mistyped',
      ['list', sample, '--log-level', 'warning'],
      'openapi-dynamic-mcp: --log-level must be one of debug, info, warn, error, silent; got "warning". Did you mean warn?',
    ],
    ['--transport mistyped', [sample, '--transport', 'htp'], 'openapi-dynamic-mcp: --transport must be one of stdio, http; got "htp". Did you mean http?'],
    [
      '--memcached without a port',
      [sample, '--transport', 'http', '--memcached', 'cache-1'],
      'openapi-dynamic-mcp: --memcached takes host:port entries (port 1 to 65535); got "cache-1".',
    ],
    [
      '--auth without a secret',
      ['call', sample, 'getInventory', '--auth', 'api_key'],
      'openapi-dynamic-mcp: --auth takes scheme=secret; one entry has no "=".',
    ],
    ['--args that is not JSON', ['call', sample, 'getInventory', '--args', '{petId: 1}'], /^openapi-dynamic-mcp: --args is not valid JSON: /],
    [
      '--args that is not an object',
      ['call', sample, 'getInventory', '--args', '[1]'],
      "openapi-dynamic-mcp: --args must be a JSON object of the endpoint's arguments; got an array.",
    ],
    [
      '--select that is not JMESPath',
      ['call', sample, 'getInventory', '--select', 'a[', '--base-url', 'http://127.0.0.1:9'],
      /^openapi-dynamic-mcp: --select is not a valid JMESPath expression: /,
    ],
    ['--json with --raw', ['call', sample, 'getInventory', '--json', '--raw'], "openapi-dynamic-mcp: option '--json' cannot be used with option '--raw'"],
    ['a command without a document', ['list'], 'openapi-dynamic-mcp: No OpenAPI document given.'],
    ['describe without an id', ['describe', sample], 'openapi-dynamic-mcp: describe needs at least one endpoint id.'],
    ['call without an id', ['call', sample], 'openapi-dynamic-mcp: call needs an endpoint id after the document.'],
  ])('%s: exit 2, three lines at most, ending with where to read more', async (_name, args, first) => {
    const lines = expectShortUsageError(await runBin(args));
    if (typeof first === 'string') expect(lines[0]).toBe(first);
    else expect(lines[0]).toMatch(first);
  });

  test('a bad value from an environment variable names the variable, once', async () => {
    const ran = await runBin(['list', sample], { OPENAPI_MCP_BASE_URL: 'not-a-url' });
    const lines = expectShortUsageError(ran);
    expect(lines[0]).toBe('openapi-dynamic-mcp: OPENAPI_MCP_BASE_URL must be an absolute http(s) URL such as https://api.example.com/v1; got "not-a-url".');
    expect(ran.stderr.match(/not-a-url/g)).toHaveLength(1);
  });

  test('--tags naming no tag of the document hints at the close ones', async () => {
    const lines = expectShortUsageError(await runBin(['list', sample, '--tags', 'pets']));
    expect(lines.slice(0, 2)).toEqual(['openapi-dynamic-mcp: --tags "pets" matches no tag of the document.', 'Did you mean pet? Its tags: pet, store, user.']);
    const none = expectShortUsageError(await runBin(['list', sample, '--exclude-tags', 'nosuchtag']));
    expect(none.slice(0, 2)).toEqual(['openapi-dynamic-mcp: --exclude-tags "nosuchtag" matches no tag of the document.', 'Its tags: pet, store, user.']);
  });

  test('list --tag naming no tag hints at the close ones', async () => {
    const lines = expectShortUsageError(await runBin(['list', sample, '--tag', 'stor']));
    expect(lines.slice(0, 2)).toEqual(['openapi-dynamic-mcp: --tag "stor" matches no tag of Swagger Petstore.', 'Did you mean store?']);
  });

  test('--auth for a mutualTLS scheme says that scheme type is not supported, for the server and for call', async () => {
    for (const args of [
      [fixture('mutual-tls.yaml'), '--auth', 'clientCert=abc'],
      ['call', fixture('mutual-tls.yaml'), 'listThings', '--auth', 'clientCert=abc'],
    ]) {
      const lines = expectShortUsageError(await runBin(args));
      expect(lines[0]).toBe(
        'openapi-dynamic-mcp: --auth clientCert: the scheme "clientCert" is of type mutualTLS, which openapi-dynamic-mcp does not support.',
      );
      expect(lines[1]).toContain('Mutual TLS needs a client certificate');
    }
  });

  test('--help prints the help and exits 0; an error never does', async () => {
    const help = await runBin(['list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: openapi-dynamic-mcp list [options] <spec> [query...]');
    expect(help.stdout).toContain('--limit <n>');
  });
});

describe('the document from OPENAPI_MCP_SPEC', () => {
  const env = { OPENAPI_MCP_SPEC: sample };

  test('list takes every word as the query', async () => {
    const { code, stdout } = await runBin(['list', 'delete', 'order'], env);
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toMatch(/^deleteOrder\s+DELETE/);
  });

  test('describe takes every word as an id', async () => {
    const { code, stdout } = await runBin(['describe', 'getInventory', 'deleteOrder'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('getInventory: GET /store/inventory');
    expect(stdout).toContain('deleteOrder: DELETE /store/order/{orderId}');
  });

  test('lint needs no word at all', async () => {
    const { code, stdout } = await runBin(['lint'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('0 errors');
  });

  test('call takes the one word as the id', async () => {
    const { code, stderr } = await runBin(['call', 'getPetById', '--args', '{"petId": "x"}'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid arguments for getPetById');
  });

  test('a document given as a word still wins over the variable', async () => {
    const { code, stdout } = await runBin(['list', fixture('mounted-copies.yaml'), 'events'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('me.ListEvents');
  });
});
