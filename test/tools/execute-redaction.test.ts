// No credential comes back in a tool result or goes into the session store, whatever the upstream echoes:
// the URL in Link, Location or any header, the request in the body, a redirect chain, an error message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { SecretRedactor } from '../../src/http/redact-secrets.js';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import type { CreateServerOptions } from '../../src/server.js';
import { catalogOf, connectStdio, fixture, textOf } from '../support/connect.js';
import type { RecordedRequest } from '../support/upstream.js';
import { useToolHarness } from '../support/tool-harness.js';

const harness = useToolHarness();

async function connect(credentials: Record<string, string>, options: Partial<CreateServerOptions> = {}) {
  return harness.connect({
    catalog: await catalogOf(fixture('secured-files.yaml')),
    baseUrl: harness.upstream.url,
    credentials: new Map(Object.entries(credentials)),
    ...options,
  });
}

/** Echoes the request in every place an upstream may: headers, status text and body. */
function echoEverywhere(request: RecordedRequest, response: import('node:http').ServerResponse): void {
  const echoed = `${request.url} ${request.headers.authorization ?? ''} ${request.headers.cookie ?? ''} ${request.headers['x-key'] ?? ''}`;
  response.writeHead(200, `OK ${encodeURIComponent(request.url)}`, {
    'content-type': 'application/json',
    link: `<${request.url}>; rel="self"`,
    'x-request-id': echoed.replace(/[^\x20-\x7e]/g, '?'),
    location: request.url,
  });
  response.end(JSON.stringify({ url: request.url, headers: request.headers, [`key ${request.url}`]: 'echoed as a key too' }));
}

const everywhere = (result: CallToolResult) => JSON.stringify(result);

/** A call's result and every continuation of it, fetched in turn. */
async function everyPart(call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>, id: string): Promise<CallToolResult[]> {
  let result = await call('execute_endpoint', { id });
  const parts = [result];
  while ((result.structuredContent as { continuation?: string }).continuation) {
    result = await call('execute_endpoint', { continuation: (result.structuredContent as { continuation: string }).continuation });
    parts.push(result);
  }
  return parts;
}

/** What the store keeps of long bodies, as text. */
const storedText = (store: MemorySessionStore) => JSON.stringify([...(store as unknown as { continuations: Map<string, unknown> }).continuations.values()]);

describe('SecretRedactor', () => {
  test.each([
    ['as is', 'k=s3cr3t/+&=key', 'k=[redacted]'],
    ['percent-encoded', 'api_key=s3cr3t%2F%2B%26%3Dkey', 'api_key=[redacted]'],
    ['percent-encoded in lower case', 'api_key=s3cr3t%2f%2b%26%3dkey', 'api_key=[redacted]'],
    ['form-encoded', 'q=s3cr3t%2F%2B%26%3Dkey&x=1', 'q=[redacted]&x=1'],
    ['JSON-escaped', '{"k":"s3cr3t\\/+&=key"}', '{"k":"s3cr3t\\/+&=key"}'],
    ['Base64', `Basic ${Buffer.from('s3cr3t/+&=key').toString('base64')}`, 'Basic [redacted]'],
  ])('finds a secret %s', (_name, given, want) => {
    expect(new SecretRedactor(['s3cr3t/+&=key']).text(given)).toBe(want);
  });

  test('a JSON-escaped form is found where JSON escapes it', () => {
    expect(new SecretRedactor(['pa"ss\\word']).text('{"p":"pa\\"ss\\\\word"}')).toBe('{"p":"[redacted]"}');
  });

  test('values are copied with every string and key redacted, however deep', () => {
    let deep: unknown = 'tok-123456';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const redacted = new SecretRedactor(['tok-123456']).value({ 'tok-123456': deep });
    let inner: unknown = (redacted as Record<string, unknown>)['[redacted]'];
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe('[redacted]');
  });

  test('a secret shorter than 8 characters is redacted as a word of its own, not inside longer words', () => {
    const redactor = new SecretRedactor(['test']);
    expect(redactor.text('{"latestPDFFileId":"x","key":"test"} Bearer test ?k=test&t=1 dGVzdA==')).toBe(
      '{"latestPDFFileId":"x","key":"[redacted]"} Bearer [redacted] ?k=[redacted]&t=1 [redacted]',
    );
    expect(new SecretRedactor(['s3cr3tkey']).text('xs3cr3tkeyx')).toBe('x[redacted]x');
    // After an escape, whose last character is a letter or digit, it still stands on its own.
    expect(new SecretRedactor(['k3y9']).text('?next=%2Fcb%3Fkey%3Dk3y9 q=%22k3y9%22 "a\\nk3y9" "\\u00e9k3y9"')).toBe(
      '?next=%2Fcb%3Fkey%3D[redacted] q=%22[redacted]%22 "a\\n[redacted]" "\\u00e9[redacted]"',
    );
  });

  test('values shorter than 4 characters are left alone', () => {
    expect(new SecretRedactor(['abc']).text('abc')).toBe('abc');
    expect(new SecretRedactor(['abc']).isEmpty).toBe(true);
  });
});

describe('execute_endpoint never returns a credential', () => {
  test('a query-parameter key echoed in Link, Location, any header, the status text and the body', async () => {
    harness.upstream.respond(echoEverywhere);
    const { call } = await connect({ keyQuery: 'SECRET-q/+&=key' });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests[0]!.url).toBe('/files?api_key=SECRET-q%2F%2B%26%3Dkey');
    expect(everywhere(result)).not.toMatch(/SECRET-q/);
    expect(result.structuredContent).toMatchObject({
      status: 200,
      headers: { link: '</files?api_key=[redacted]>; rel="self"', location: '/files?api_key=[redacted]' },
      body: { url: '/files?api_key=[redacted]' },
    });
    expect((result.structuredContent as { statusText: string }).statusText).toBe('OK %2Ffiles%3Fapi_key%3D[redacted]');
    expect(textOf(result)).toContain('HTTP 200 OK %2Ffiles%3Fapi_key%3D[redacted] from GET /files');
  });

  test('a redirect chain longer than the limit leaves the key in Location: it comes back redacted', async () => {
    harness.upstream.respond((request, response) => {
      const url = new URL(request.url, 'http://x');
      url.searchParams.set('hop', String(Number(url.searchParams.get('hop') ?? 0) + 1));
      response.writeHead(302, { location: `${url.pathname}${url.search}` });
      response.end();
    });
    const { call } = await connect({ keyQuery: 'SECRET-redirected' });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests.length).toBe(6);
    expect(result.structuredContent).toMatchObject({ status: 302, headers: { location: '/files?api_key=[redacted]&hop=6' } });
    expect(everywhere(result)).not.toContain('SECRET-redirected');
  });

  test('a redirect path carrying the key into an error message', async () => {
    harness.upstream.respond((request, response) => {
      if (request.url.startsWith('/files?')) response.writeHead(302, { location: `/leak/${new URL(request.url, 'http://x').searchParams.get('api_key')}` });
      else response.writeHead(302, { location: 'http://elsewhere.example.test/' });
      response.end();
    });
    const { call } = await connect({ keyQuery: 'SECRET-in-path' });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('/leak/[redacted] redirected to http://elsewhere.example.test');
    expect(everywhere(result)).not.toContain('SECRET-in-path');
  });

  test.each([
    ['a header key', { keyHeader: 'SECRET-header-key' }, 'listFiles', {}],
    [
      'HTTP basic, encoded and its password alone',
      { basicAuth: 'ada:SECRET-password' },
      'uploadFile',
      { contentType: 'application/json', arguments: { body: { url: 'https://example.test/a.png' } } },
    ],
    ['a bearer token', { bearerAuth: 'SECRET-bearer' }, 'putRaw', { arguments: { name: 'a', body: 'bytes' } }],
    ['a cookie key', { keyCookie: 'SECRET-cookie', keyHeader: 'SECRET-cookie-pair' }, 'whoAmI', {}],
  ])('%s echoed in the body', async (_name, credentials, id, input) => {
    harness.upstream.respond((request, response) => {
      const password = request.headers.authorization?.startsWith('Basic ') ? Buffer.from(request.headers.authorization.slice(6), 'base64').toString() : '';
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ headers: request.headers, decoded: password }));
    });
    const { call } = await connect(credentials);
    const result = await call('execute_endpoint', { id, ...input });
    expect(result.structuredContent).toMatchObject({ status: 200 });
    expect(everywhere(result)).not.toContain('SECRET');
  });

  test('a static credential header and an OAuth token fetched for the call', async () => {
    harness.upstream.respond((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      if (request.url === '/oauth/token') response.end(JSON.stringify({ access_token: 'SECRET-oauth-token', expires_in: 3600 }));
      else response.end(JSON.stringify({ headers: request.headers }));
    });
    // Api-Username names a credential too (Discourse), though no secret's word is in it.
    const { call } = await connect(
      { oauthClient: 'client:SECRET-client' },
      { headers: { 'X-Api-Token': 'Token SECRET-static', 'Api-Username': 'SECRET-user' } },
    );
    const result = await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'a' } });
    expect(JSON.stringify(harness.upstream.requests.at(-1)!.headers)).toContain('SECRET-oauth-token');
    expect(everywhere(result)).not.toContain('SECRET');
  });

  test('a long echoed body: no part, and nothing in the store, holds the key', async () => {
    harness.upstream.respond((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ rows: Array.from({ length: 400 }, (_, i) => ({ i, url: request.url })) }));
    });
    const store = new MemorySessionStore({ ttlSeconds: 3600 });
    const { call } = await connect({ keyQuery: 'SECRET-long' }, { store, maxResponseBytes: 2000 });
    const parts = await everyPart(call, 'listFiles');
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map(everywhere).join('')).not.toContain('SECRET-long');
    expect(parts.map(textOf).join('')).toContain('api_key=[redacted]');
    expect(storedText(store)).not.toContain('SECRET-long');
  });

  test('a body encoded twice, decoded for the model, holds no key in any part nor in the store, though the key has a quote and a backslash', async () => {
    const key = 'SECRET"q\\uote-long';
    harness.upstream.respond((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ i, echoed: key })) })));
    });
    const store = new MemorySessionStore({ ttlSeconds: 3600 });
    const { call } = await connect({ keyQuery: key }, { store, maxResponseBytes: 2000 });
    const parts = await everyPart(call, 'listFiles');
    expect(parts.length).toBeGreaterThan(3);
    expect(textOf(parts[0]!)).toContain('it is shown decoded');
    expect(parts.map(everywhere).join('')).not.toContain('SECRET');
    expect(storedText(store)).not.toContain('SECRET');
  });

  test('a binary body holding the key is withheld', async () => {
    harness.upstream.respond((request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(request.url)]));
    });
    const { call } = await connect({ keyQuery: 'SECRET-binary' });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(result.content).toHaveLength(1);
    expect(textOf(result)).toMatch(/\(binary image\/png, \d+ bytes: withheld, because it contains a configured credential\)/);
  });
});

test('through the real bin: --auth on an in: query apiKey scheme, echoed in Link', async () => {
  harness.upstream.respond(echoEverywhere);
  const dir = mkdtempSync(join(tmpdir(), 'redaction-'));
  const spec = join(dir, 'api.json');
  writeFileSync(
    spec,
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'echo', version: '1' },
      servers: [{ url: harness.upstream.url }],
      components: { securitySchemes: { qkey: { type: 'apiKey', in: 'query', name: 'key' } } },
      security: [{ qkey: [] }],
      paths: { '/link': { get: { operationId: 'link', responses: { 200: { description: 'ok' } } } } },
    }),
  );
  const server = await connectStdio([spec, '--auth', 'qkey=SECRET-from-the-flag']);
  try {
    const result = await server.call('execute_endpoint', { id: 'link' });
    expect(harness.upstream.requests[0]!.url).toBe('/link?key=SECRET-from-the-flag');
    expect(result.structuredContent).toMatchObject({ headers: { link: '</link?key=[redacted]>; rel="self"' } });
    expect(everywhere(result)).not.toContain('SECRET-from-the-flag');
    expect(server.stderr()).not.toContain('SECRET-from-the-flag');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a configured credential beyond Latin-1 is named as such, not as an unreachable API, and not echoed', async () => {
  const { call } = await connect({ keyHeader: 'clé-SECRET-☕' });
  const result = await call('execute_endpoint', { id: 'listFiles' });
  expect(textOf(result)).toContain(
    `GET ${harness.upstream.url}/files was not sent: a header value holds characters beyond Latin-1, which an HTTP header cannot carry.`,
  );
  expect(textOf(result)).not.toContain('SECRET');
  expect(harness.upstream.requests).toHaveLength(0);
});
