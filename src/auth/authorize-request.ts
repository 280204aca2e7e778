/**
 * @module Applies an operation's security requirements to a request: the first alternative whose schemes
 * all have credentials wins, and each of its schemes is sent by the auth scheme that sends it (schemes/).
 */
import type { HttpRequest } from '../http/build-request.js';
import type { ClientCredentialsTokens, TokenRequest } from './client-credentials-tokens.js';
import { howToSet, type Credentials } from './credentials.js';
import type { AuthTarget } from './schemes/auth-scheme.js';
import { authSchemeFor } from './schemes/auth-schemes.js';
import { unsupportedType, type SchemeUse } from './schemes/scheme-use.js';

export interface Authorization {
  /** Names of the schemes applied. */
  schemes: string[];
  /** Header names the credentials own: arguments may not set them. */
  ownedHeaders: string[];
  /** Token requests used, to invalidate them after a 401. */
  tokenRequests: TokenRequest[];
  /** Set when the endpoint declares auth and none of its alternatives is wholly configured: what to configure. */
  missing?: string;
}

export interface AuthorizeInput {
  alternatives: SchemeUse[][];
  optional: boolean;
  credentials: Credentials;
  tokens: ClientCredentialsTokens;
  /** Base for relative token URLs. */
  baseUrl: URL;
  /** The API's own server per the document (see AuthTarget); default: `baseUrl`. */
  apiUrl?: URL;
  /** Schemes whose credential a configured header already sends (--header "Authorization: …"). */
  sentByHeaders?: ReadonlySet<string>;
}

/**
 * Chooses the alternative to use. When none is wholly configured the request still goes out, with the
 * credentials of the most nearly configured one, or without any (documents often declare auth an API does
 * not enforce, or it comes from --header), and `missing` says exactly what to configure.
 */
export function chooseAlternative(input: Pick<AuthorizeInput, 'alternatives' | 'optional' | 'credentials' | 'sentByHeaders'>): {
  chosen: SchemeUse[];
  missing?: string;
} {
  const { alternatives, credentials } = input;
  if (!alternatives.length) return { chosen: [] };
  const configured = (s: SchemeUse) => credentials.has(s.name) && !unsupportedType(s.type);
  const usable = alternatives.find((all) => all.every(configured));
  if (usable) return { chosen: usable };
  if (input.optional) return { chosen: [] };
  // A configured header carries the rest: nothing is missing, and what has a credential is still sent.
  const covered = alternatives.find((all) => all.every((s) => input.sentByHeaders?.has(s.name) || configured(s)));
  if (covered) return { chosen: covered.filter((s) => credentials.has(s.name) && !input.sentByHeaders?.has(s.name)) };
  const howTo = (s: SchemeUse) =>
    `${s.name} (${s.type === 'http' && s.scheme ? `http ${s.scheme}` : s.type}): ${unsupportedType(s.type) ? `${unsupportedType(s.type)!.name} is not supported` : howToSet(s.name)}`;
  // Part of an alternative configured (Appwrite's Key and Project, not its JWT): that part is sent, and only the rest is asked for.
  const partial = alternatives.reduce<SchemeUse[] | undefined>(
    (best, all) => (all.filter(configured).length > (best?.filter(configured).length ?? 0) ? all : best),
    undefined,
  );
  if (partial) {
    const [have, lack] = [partial.filter(configured), partial.filter((s) => !configured(s))];
    const names = (uses: SchemeUse[]) => uses.map((s) => s.name).join(' and ');
    return {
      chosen: have,
      missing: `This endpoint's auth takes ${names(lack)} with ${names(have)}; it was called with ${names(have)} only. To authenticate fully, ${lack.map(howTo).join(' and ')}, then restart the server.`,
    };
  }
  const options = alternatives.map((all) => all.map(howTo).join(' and '));
  return {
    chosen: [],
    missing: `This endpoint declares auth and none of its alternatives is configured; it was called without credentials. To authenticate, ${[...new Set(options)].join('; or ')}, then restart the server.`,
  };
}

/** Adds the credentials of the chosen alternative to the request, in place, each by the scheme that sends it. */
export async function authorizeRequest(request: HttpRequest, input: AuthorizeInput): Promise<Authorization> {
  const { chosen, missing } = chooseAlternative(input);
  const target: AuthTarget = {
    request,
    cookies: [],
    ownedHeaders: [],
    tokenRequests: [],
    tokens: input.tokens,
    baseUrl: input.baseUrl,
    apiUrl: input.apiUrl ?? input.baseUrl,
  };
  for (const use of chosen) {
    const secret = input.credentials.get(use.name)!;
    await authSchemeFor(use, secret).apply(use, secret, target);
  }
  if (target.cookies.length) {
    request.headers.cookie = [request.headers.cookie, ...target.cookies].filter(Boolean).join('; ');
    target.ownedHeaders.push('cookie');
  }
  const result: Authorization = { schemes: chosen.map((use) => use.name), ownedHeaders: target.ownedHeaders, tokenRequests: target.tokenRequests };
  if (missing) result.missing = missing;
  return result;
}
