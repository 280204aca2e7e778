/**
 * @module The request target a model is shown after a call: the path as sent and its query string, so it
 * can see where its arguments went ("PUT /me/player/volume?volume_percent=30"), with the values of
 * credential parameters masked and a long query shortened.
 */

/**
 * Query parameter names that carry credentials in most APIs ("key", "api_key", "access_token", "sig"). A key
 * of something else is a name, not a secret (Adafruit's "feed_key", "sort_key", "idempotency_key"): masked,
 * the model could not see where its own argument went.
 */
const credentialName =
  /^(?:key|apikey|sig|auth|authorization)$|(?:^|[_.-])(?:api|access|private|secret|auth|client|consumer|master|app|license|session)[_.-]?key$|(?:^|[_.-])(?:token|secret|password|passwd|pwd|signature|credentials?)$/i;
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
      return credentials.has(decoded) || credentialName.test(decoded) ? `${name}=${mask}` : pair;
    });
  const query = pairs.join('&');
  return `${url.pathname}?${query.length > maxQueryChars ? `${query.slice(0, maxQueryChars)}…` : query}`;
}
