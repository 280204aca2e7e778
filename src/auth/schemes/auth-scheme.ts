/** @module What an auth scheme provides: which scheme uses it sends, and how it puts their credential on a request. */
import type { HttpRequest } from '../../http/build-request.js';
import type { ClientCredentialsTokens, TokenRequest } from '../client-credentials-tokens.js';
import type { SchemeUse } from './scheme-use.js';

/** The request being authorized and what the schemes applied so far have added to it. */
export interface AuthTarget {
  request: HttpRequest;
  /** Cookies to send, joined once every scheme is applied. */
  cookies: string[];
  /** Header names the credentials own: arguments may not set them. */
  ownedHeaders: string[];
  /** Token requests used, so their tokens can be dropped after a 401. */
  tokenRequests: TokenRequest[];
  /** The process's OAuth token cache. */
  tokens: ClientCredentialsTokens;
  /** Base for relative token URLs. */
  baseUrl: URL;
  /** The API's own server per the document, before any --base-url: where AWS reads the region a request is signed for. */
  apiUrl: URL;
}

export interface AuthScheme<U extends SchemeUse = SchemeUse> {
  /** Whether this scheme sends `use` with this secret; the first scheme of the list that does, does. */
  sends(use: SchemeUse, secret: string): use is U;
  apply(use: U, secret: string, target: AuthTarget): void | Promise<void>;
}

/** Sets the Authorization header, which the credentials then own. */
export function setAuthorization(target: AuthTarget, value: string): void {
  target.request.headers.authorization = value;
  target.ownedHeaders.push('authorization');
}
