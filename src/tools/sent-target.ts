/**
 * @module The request target a model is shown after a call: the path as sent and its query string, so it
 * can see where its arguments went ("PUT /me/player/volume?volume_percent=30"), with the values of
 * credential parameters masked and a long query shortened.
 */
import { namesQueryCredential } from '../base/credential-names.js';

/** Past this many characters the query is cut: its values are the model's own arguments, seen in full elsewhere. */
const maxQueryChars = 200;
const mask = '***';

/**
 * The path and query of `url`, encoded as sent; values of the parameters named in `credentials` (the
 * document's API keys in the query) or named like credentials are masked.
 */
export function sentTarget(url: URL, credentials: ReadonlySet<string> = new Set()): string {
  if (!url.search) return url.pathname;
  const pairs = url.search
    .slice(1)
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at === -1) return pair;
      const name = pair.slice(0, at);
      let decoded: string;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        decoded = name;
      }
      return credentials.has(decoded) || namesQueryCredential(decoded) ? `${name}=${mask}` : pair;
    });
  const query = pairs.join('&');
  return `${url.pathname}?${query.length > maxQueryChars ? `${query.slice(0, maxQueryChars)}…` : query}`;
}
