/** @module OAuth 2 client-credentials tokens: fetched from the scheme's token URL, cached until they expire, dropped on a 401. */
import { createHash } from 'node:crypto';
import { describeError, UpstreamRequestError } from '../errors.js';
import type { FetchLike } from '../http/send-request.js';

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Renew this long before the stated expiry, so a token never dies in flight. */
const expiryMarginMs = 30_000;
/** Tokens kept at most (one per client, scheme and scope set). */
const maxCachedTokens = 10_000;
/** When the server does not say, assume an hour. */
const defaultLifetimeMs = 3_600_000;

export interface TokenRequest {
  scheme: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

export class ClientCredentialsTokens {
  private readonly cache = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly fetch: FetchLike,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async token(request: TokenRequest): Promise<string> {
    const key = cacheKey(request);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.accessToken;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchToken(request).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    const fresh = await pending;
    this.cache.delete(key);
    this.cache.set(key, fresh);
    // Per-caller credentials could grow the cache without end: the least recently fetched go first.
    while (this.cache.size > maxCachedTokens) this.cache.delete(this.cache.keys().next().value!);
    return fresh.accessToken;
  }

  /** The access tokens held now: credentials too, so results are cleaned of them. */
  issued(): string[] {
    return [...this.cache.values()].map((t) => t.accessToken);
  }

  /** Forgets the token (after the API answered 401 with it). */
  invalidate(request: TokenRequest): void {
    this.cache.delete(cacheKey(request));
  }

  private async fetchToken(request: TokenRequest): Promise<CachedToken> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (request.scopes.length) body.set('scope', request.scopes.join(' '));
    const basic = Buffer.from(`${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`).toString('base64');
    const where = `the OAuth token for "${request.scheme}" from ${request.tokenUrl}`;
    let response: Response;
    try {
      response = await this.fetch(request.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
        body: body.toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new UpstreamRequestError(`Fetching ${where} failed: ${describeError(error)}.`, { hint: 'Check that the token URL is reachable.', cause: error });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new UpstreamRequestError(`Fetching ${where} failed: HTTP ${response.status}.`, {
        hint: `Check the client id and secret given for "${request.scheme}".`,
      });
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new UpstreamRequestError(`Fetching ${where} failed: the answer is not JSON.`);
    }
    if (typeof parsed.access_token !== 'string' || !parsed.access_token) {
      throw new UpstreamRequestError(`Fetching ${where} failed: the answer has no access_token.`);
    }
    const lifetime = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in * 1000 : defaultLifetimeMs;
    return { accessToken: parsed.access_token, expiresAt: this.now() + Math.max(0, lifetime - expiryMarginMs) };
  }
}

/** The secret takes part (hashed): two callers sending one client id with different secrets never share a token. */
function cacheKey(request: TokenRequest): string {
  const secret = createHash('sha256').update(request.clientSecret).digest('base64url');
  return `${request.scheme}\n${request.tokenUrl}\n${request.clientId}\n${secret}\n${[...request.scopes].sort().join(' ')}`;
}
