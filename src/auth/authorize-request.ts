/**
 * @module Applies an operation's security requirements to a request: the first alternative whose schemes
 * all have credentials wins; apiKey (header, query, cookie), HTTP basic and bearer, OAuth 2 and OpenID
 * Connect as bearer tokens, OAuth 2 client credentials fetched and cached.
 */
import { encodeValue } from '../http/serialize-param.js';
import type { HttpRequest } from '../http/build-request.js';
import type { SchemeUse } from './describe-security.js';
import type { ClientCredentialsTokens, TokenRequest } from './client-credentials-tokens.js';
import { howToSet, type Credentials } from './credentials.js';

export interface Authorization {
  /** Names of the schemes applied. */
  schemes: string[];
  /** Header names the credentials own: arguments may not set them. */
  ownedHeaders: string[];
  /** Token requests used, to invalidate them after a 401. */
  tokenRequests: TokenRequest[];
  /** Set when the endpoint declares auth and none of its alternatives is configured: what to configure. */
  missing?: string;
}

export interface AuthorizeInput {
  alternatives: SchemeUse[][];
  optional: boolean;
  credentials: Credentials;
  tokens: ClientCredentialsTokens;
  /** Base for relative token URLs. */
  baseUrl: URL;
}

/**
 * Chooses the alternative to use. When none is configured the request still goes out without
 * credentials (documents often declare auth an API does not enforce, or it comes from --header),
 * and `missing` says exactly what to configure.
 */
export function chooseAlternative(input: Pick<AuthorizeInput, 'alternatives' | 'optional' | 'credentials'>): { chosen: SchemeUse[]; missing?: string } {
  const { alternatives, credentials } = input;
  if (!alternatives.length) return { chosen: [] };
  const usable = alternatives.find((all) => all.every((s) => credentials.has(s.name) && s.type !== 'mutualTLS'));
  if (usable) return { chosen: usable };
  if (input.optional) return { chosen: [] };
  const options = alternatives.map((all) => all.map((s) => `${s.name} (${s.type}${s.scheme ? ` ${s.scheme}` : ''}): ${s.type === 'mutualTLS' ? 'mutual TLS is not supported' : howToSet(s.name)}`).join(' and '));
  return { chosen: [], missing: `This endpoint declares auth and none is configured; it was called without credentials. To authenticate, ${options.join('; or ')}, then restart the server.` };
}

/** Adds the credentials of the chosen alternative to the request, in place. */
export async function authorizeRequest(request: HttpRequest, input: AuthorizeInput): Promise<Authorization> {
  const { chosen, missing } = chooseAlternative(input);
  const result: Authorization = { schemes: [], ownedHeaders: [], tokenRequests: [] };
  if (missing) result.missing = missing;
  const cookies: string[] = [];
  for (const scheme of chosen) {
    const secret = input.credentials.get(scheme.name)!;
    result.schemes.push(scheme.name);
    if (scheme.type === 'apiKey') {
      const name = scheme.parameterName ?? scheme.name;
      if (scheme.in === 'query') request.url.search = `${request.url.search ? `${request.url.search}&` : '?'}${encodeValue(name)}=${encodeValue(secret)}`;
      else if (scheme.in === 'cookie') cookies.push(`${name}=${encodeValue(secret)}`);
      else {
        request.headers[name.toLowerCase()] = secret;
        result.ownedHeaders.push(name.toLowerCase());
      }
      continue;
    }
    let authorization: string;
    if (scheme.type === 'http' && scheme.scheme === 'basic') {
      authorization = `Basic ${secret.includes(':') ? Buffer.from(secret).toString('base64') : secret}`;
    } else if (scheme.type === 'http' && scheme.scheme && scheme.scheme !== 'bearer') {
      authorization = `${scheme.scheme[0]!.toUpperCase()}${scheme.scheme.slice(1)} ${secret}`;
    } else if (scheme.type === 'oauth2' && scheme.tokenUrl && /^[^:\s]+:\S+$/.test(secret)) {
      const at = secret.indexOf(':');
      const tokenRequest: TokenRequest = {
        scheme: scheme.name,
        tokenUrl: new URL(scheme.tokenUrl, input.baseUrl).href,
        clientId: secret.slice(0, at),
        clientSecret: secret.slice(at + 1),
        scopes: scheme.scopes ?? [],
      };
      result.tokenRequests.push(tokenRequest);
      authorization = `Bearer ${await input.tokens.token(tokenRequest)}`;
    } else {
      authorization = `Bearer ${secret}`;
    }
    request.headers.authorization = authorization;
    result.ownedHeaders.push('authorization');
  }
  if (cookies.length) request.headers.cookie = [request.headers.cookie, ...cookies].filter(Boolean).join('; ');
  if (cookies.length) result.ownedHeaders.push('cookie');
  return result;
}
