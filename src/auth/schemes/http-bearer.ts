/** @module http bearer, and every other HTTP authentication scheme, with the token as given: `Bearer <token>`, `Digest <credentials>`. */
import { setAuthorization, type AuthScheme } from './auth-scheme.js';
import type { HttpUse } from './scheme-use.js';

export const httpBearerScheme: AuthScheme<HttpUse> = {
  sends: (use): use is HttpUse => use.type === 'http',
  apply(use, secret, target) {
    const scheme = use.scheme && use.scheme !== 'bearer' ? `${use.scheme[0]!.toUpperCase()}${use.scheme.slice(1)}` : 'Bearer';
    setAuthorization(target, `${scheme} ${secret}`);
  },
};
