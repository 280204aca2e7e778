/** @module apiKey schemes: the key in the header, query parameter or cookie the scheme names. */
import { encodeValue } from '../../http/serialize-param.js';
import type { AuthScheme } from './auth-scheme.js';
import type { ApiKeyUse } from './scheme-use.js';

export const apiKeyScheme: AuthScheme<ApiKeyUse> = {
  sends: (use): use is ApiKeyUse => use.type === 'apiKey',
  apply(use, secret, { request, cookies, ownedHeaders }) {
    const name = use.parameterName ?? use.name;
    if (use.in === 'query') request.url.search = `${request.url.search ? `${request.url.search}&` : '?'}${encodeValue(name)}=${encodeValue(secret)}`;
    else if (use.in === 'cookie') cookies.push(`${name}=${encodeValue(secret)}`);
    else {
      request.headers[name.toLowerCase()] = secret;
      ownedHeaders.push(name.toLowerCase());
    }
  },
};
