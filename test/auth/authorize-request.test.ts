// Tests for applying credentials: each scheme of the chosen alternative sent by the auth scheme that sends it.
import { describe, expect, test } from 'vitest';
import { authorizeRequest, chooseAlternative } from '../../src/auth/authorize-request.js';
import { ClientCredentialsTokens } from '../../src/auth/client-credentials-tokens.js';
import { authSchemeFor } from '../../src/auth/schemes/auth-schemes.js';
import { bearerTokenScheme } from '../../src/auth/schemes/bearer-token.js';
import { oauth2ClientCredentialsScheme } from '../../src/auth/schemes/oauth2-client-credentials.js';
import type { SchemeUse } from '../../src/auth/schemes/scheme-use.js';
import type { HttpRequest } from '../../src/http/build-request.js';

const baseUrl = new URL('https://api.example.com/v1');
const request = (): HttpRequest => ({ method: 'GET', url: new URL('https://api.example.com/v1/pets?limit=2'), headers: { cookie: 'theme=dark' } });
const noTokens = new ClientCredentialsTokens(() => Promise.reject(new Error('no token server here')), 1000);

async function authorize(use: SchemeUse, secret: string) {
  const built = request();
  const auth = await authorizeRequest(built, { alternatives: [[use]], optional: false, credentials: new Map([[use.name, secret]]), tokens: noTokens, baseUrl });
  return { headers: built.headers, url: built.url.href, owned: auth.ownedHeaders };
}

describe('authorizeRequest', () => {
  test.each<[string, SchemeUse, string, { headers?: Record<string, string>; url?: string; owned: string[] }]>([
    [
      'apiKey in a header',
      { name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' },
      's3cret',
      { headers: { 'x-api-key': 's3cret' }, owned: ['x-api-key'] },
    ],
    [
      'apiKey in the query',
      { name: 'key', type: 'apiKey', in: 'query', parameterName: 'api key' },
      'a&b',
      { url: 'https://api.example.com/v1/pets?limit=2&api%20key=a%26b', owned: [] },
    ],
    [
      'apiKey in a cookie, after the cookies already set',
      { name: 'key', type: 'apiKey', in: 'cookie', parameterName: 'sid' },
      'x y',
      { headers: { cookie: 'theme=dark; sid=x%20y' }, owned: ['cookie'] },
    ],
    [
      'http basic from user:password',
      { name: 'basic', type: 'http', scheme: 'basic' },
      'ada:pw',
      { headers: { authorization: `Basic ${Buffer.from('ada:pw').toString('base64')}` }, owned: ['authorization'] },
    ],
    [
      'http basic already encoded',
      { name: 'basic', type: 'http', scheme: 'basic' },
      'YWRhOnB3',
      { headers: { authorization: 'Basic YWRhOnB3' }, owned: ['authorization'] },
    ],
    ['http bearer', { name: 'token', type: 'http', scheme: 'bearer' }, 'tok', { headers: { authorization: 'Bearer tok' }, owned: ['authorization'] }],
    [
      'another http scheme, named as declared',
      { name: 'digest', type: 'http', scheme: 'digest' },
      'creds',
      { headers: { authorization: 'Digest creds' }, owned: ['authorization'] },
    ],
    [
      'oauth2 given an access token',
      { name: 'oauth', type: 'oauth2', tokenUrl: '/token' },
      'access-token',
      { headers: { authorization: 'Bearer access-token' }, owned: ['authorization'] },
    ],
    ['openIdConnect', { name: 'oidc', type: 'openIdConnect' }, 'id-token', { headers: { authorization: 'Bearer id-token' }, owned: ['authorization'] }],
  ])('%s', async (_name, use, secret, want) => {
    const got = await authorize(use, secret);
    if (want.headers) expect(got.headers).toMatchObject(want.headers);
    if (want.url) expect(got.url).toBe(want.url);
    expect(got.owned).toEqual(want.owned);
  });

  test('oauth2 with a token URL and client_id:client_secret fetches a token; without them the secret is the token', () => {
    const oauth: SchemeUse = { name: 'oauth', type: 'oauth2', tokenUrl: '/token' };
    expect(authSchemeFor(oauth, 'client:secret')).toBe(oauth2ClientCredentialsScheme);
    expect(authSchemeFor(oauth, 'plain-token')).toBe(bearerTokenScheme);
    expect(authSchemeFor({ name: 'oauth', type: 'oauth2' }, 'client:secret')).toBe(bearerTokenScheme);
  });

  test('an alternative a configured header carries is not missing; its schemes with credentials are still sent', () => {
    const bearer: SchemeUse = { name: 'bearer', type: 'http', scheme: 'bearer' };
    const key: SchemeUse = { name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Key' };
    expect(chooseAlternative({ alternatives: [[bearer]], optional: false, credentials: new Map(), sentByHeaders: new Set(['bearer']) })).toEqual({
      chosen: [],
    });
    expect(
      chooseAlternative({ alternatives: [[bearer, key]], optional: false, credentials: new Map([['key', 'k']]), sentByHeaders: new Set(['bearer']) }),
    ).toEqual({
      chosen: [key],
    });
    expect(chooseAlternative({ alternatives: [[bearer, key]], optional: false, credentials: new Map(), sentByHeaders: new Set(['bearer']) }).missing).toContain(
      'none of its alternatives is configured',
    );
  });

  test('an alternative configured in part is sent in part, and the note asks only for the rest', () => {
    const jwt: SchemeUse = { name: 'JWT', type: 'apiKey', in: 'header', parameterName: 'X-Appwrite-JWT' };
    const key: SchemeUse = { name: 'Key', type: 'apiKey', in: 'header', parameterName: 'X-Appwrite-Key' };
    const project: SchemeUse = { name: 'Project', type: 'apiKey', in: 'header', parameterName: 'X-Appwrite-Project' };
    const other: SchemeUse = { name: 'Oauth', type: 'oauth2' };
    const { chosen, missing } = chooseAlternative({
      alternatives: [[other], [jwt, key, project]],
      optional: false,
      credentials: new Map([
        ['Key', 'k'],
        ['Project', 'p'],
      ]),
    });
    expect(chosen).toEqual([key, project]);
    expect(missing).toMatch(
      /^This endpoint's auth takes JWT with Key and Project; it was called with Key and Project only\. To authenticate fully, JWT \(apiKey\): /,
    );
    expect(missing).not.toContain('Oauth');
  });

  test('mutual TLS is never chosen: the alternative says it is not supported', () => {
    const { chosen, missing } = chooseAlternative({
      alternatives: [[{ name: 'cert', type: 'mutualTLS' }]],
      optional: false,
      credentials: new Map([['cert', 'x']]),
    });
    expect(chosen).toEqual([]);
    expect(missing).toContain('cert (mutualTLS): mutual TLS is not supported');
  });
});
