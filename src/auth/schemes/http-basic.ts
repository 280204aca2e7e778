/** @module http basic: `user:password` sent base64-encoded (a secret without a colon is taken as already encoded). */
import { setAuthorization, type AuthScheme } from './auth-scheme.js';
import type { HttpUse } from './scheme-use.js';

export const httpBasicScheme: AuthScheme<HttpUse> = {
  sends: (use): use is HttpUse => use.type === 'http' && use.scheme === 'basic',
  apply(_use, secret, target) {
    setAuthorization(target, `Basic ${secret.includes(':') ? Buffer.from(secret).toString('base64') : secret}`);
  },
};
