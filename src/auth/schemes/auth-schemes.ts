/** @module The auth schemes we send, in the order they are tried: a new one is a file in this folder and a line here. */
import { apiKeyScheme } from './api-key.js';
import type { AuthScheme } from './auth-scheme.js';
import { awsSigV4Scheme } from './aws-sigv4.js';
import { bearerTokenScheme } from './bearer-token.js';
import { httpBasicScheme } from './http-basic.js';
import { httpBearerScheme } from './http-bearer.js';
import { oauth2ClientCredentialsScheme } from './oauth2-client-credentials.js';
import type { SchemeUse } from './scheme-use.js';

export const authSchemes: readonly AuthScheme[] = [
  // Before apiKey: AWS documents declare their signature as an apiKey in Authorization.
  awsSigV4Scheme,
  apiKeyScheme,
  httpBasicScheme,
  httpBearerScheme,
  oauth2ClientCredentialsScheme,
  // Last: it takes whatever the others do not.
  bearerTokenScheme,
];

/** The scheme that sends `use` with this secret. */
export function authSchemeFor(use: SchemeUse, secret: string): AuthScheme {
  return authSchemes.find((scheme) => scheme.sends(use, secret)) ?? bearerTokenScheme;
}
