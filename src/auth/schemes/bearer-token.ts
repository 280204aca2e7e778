/** @module Everything else sends its credential as a bearer token: oauth2 (other flows, or an access token given), openIdConnect, undeclared schemes. */
import { setAuthorization, type AuthScheme } from './auth-scheme.js';
import type { SchemeUse } from './scheme-use.js';

export const bearerTokenScheme: AuthScheme = {
  sends: (_use): _use is SchemeUse => true,
  apply(_use, secret, target) {
    setAuthorization(target, `Bearer ${secret}`);
  },
};
