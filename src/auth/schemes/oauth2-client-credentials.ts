/**
 * @module oauth2 with a client-credentials flow, given `client_id:client_secret`: a token fetched from the
 * flow's tokenUrl with the operation's scopes, cached by the process until it expires, renewed after a 401.
 */
import type { TokenRequest } from '../client-credentials-tokens.js';
import { setAuthorization, type AuthScheme } from './auth-scheme.js';
import type { OAuth2Use } from './scheme-use.js';

type ClientCredentialsUse = OAuth2Use & { tokenUrl: string };

export const oauth2ClientCredentialsScheme: AuthScheme<ClientCredentialsUse> = {
  sends: (use, secret): use is ClientCredentialsUse => use.type === 'oauth2' && use.tokenUrl !== undefined && /^[^:\s]+:\S+$/.test(secret),
  async apply(use, secret, target) {
    const at = secret.indexOf(':');
    const tokenRequest: TokenRequest = {
      scheme: use.name,
      tokenUrl: new URL(use.tokenUrl, target.baseUrl).href,
      clientId: secret.slice(0, at),
      clientSecret: secret.slice(at + 1),
      scopes: use.scopes ?? [],
    };
    target.tokenRequests.push(tokenRequest);
    setAuthorization(target, `Bearer ${await target.tokens.token(tokenRequest)}`);
  },
};
