/** @module Sends a built request with a timeout, following redirects only within the API's own servers; failures become clear errors naming method and URL. */
import { defaults, type Config } from '../config.js';
import { UpstreamRequestError } from '../errors.js';
import { describeNetworkFailure } from '../network-failure.js';
import { userAgent } from '../version.js';
import type { BodyLease } from './body-budget.js';
import type { HttpRequest } from './build-request.js';

export type FetchLike = (input: URL | string, init: RequestInit) => Promise<Response>;

/** `maxDownloadBytes`: larger answers are refused rather than held in memory. */
export interface SendOptions extends Pick<Config, 'timeoutMs' | 'maxDownloadBytes'> {
  fetch: FetchLike;
  /** Origins a redirect may lead to; the request's own origin is always allowed. */
  allowedOrigins?: ReadonlySet<string>;
  /** The bytes read count against it: many large answers at once fail instead of exhausting memory. */
  bodyLease?: BodyLease | undefined;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array;
  url: URL;
}

export async function sendRequest(request: HttpRequest, options: SendOptions): Promise<RawResponse> {
  const { timeoutMs } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = request.url;
  let method = request.method;
  let body = request.body;
  const headers = { ...request.headers };
  // Unless the request sets its own (a --header, say): upstream logs can tell our traffic apart.
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) headers['user-agent'] = userAgent;
  const label = () => `${method} ${url.origin}${url.pathname}`;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      const init: RequestInit = { method, headers, redirect: 'manual', signal };
      if (body !== undefined) init.body = body;
      response = await options.fetch(url, init);
    } catch (error) {
      throw connectionError(error, label(), timeoutMs);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && redirects < defaults.maxRedirects) {
      const next = new URL(location, url);
      if (next.origin !== request.url.origin && !options.allowedOrigins?.has(next.origin)) {
        throw new UpstreamRequestError(`${label()} redirected to ${next.origin}, which is not one of the API's servers; the redirect was not followed.`);
      }
      await response.body?.cancel();
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      url = next;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, options.maxDownloadBytes, label(), options.bodyLease);
    } catch (error) {
      if (error instanceof UpstreamRequestError) throw error;
      throw connectionError(error, label(), timeoutMs);
    }
    return { status: response.status, statusText: response.statusText, headers: response.headers, bytes, url };
  }
}

function connectionError(error: unknown, label: string, timeoutMs: number): UpstreamRequestError {
  const { reason, check, answered } = describeNetworkFailure(error, timeoutMs);
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new UpstreamRequestError(`${label} ${reason}.`, { hint: 'The API is slow or unreachable; retry, or raise --timeout.', cause: error });
  }
  if (error instanceof TypeError && /ByteString/.test(error.message)) {
    return new UpstreamRequestError(`${label} was not sent: a header value holds characters beyond Latin-1, which an HTTP header cannot carry.`, {
      hint: 'Check the configured credentials and --header values for such characters.',
      cause: error,
    });
  }
  return new UpstreamRequestError(`${label} failed: ${reason}.`, {
    hint: answered
      ? `The request reached the server and may have taken effect: check before repeating a write. ${check}`
      : 'Check that the API is reachable from this machine and that the base URL is right.',
    cause: error,
  });
}

/** Reads the body, giving up (and closing the connection) once it passes the limit. */
async function readLimited(response: Response, maxBytes: number, label: string, lease: BodyLease | undefined): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new UpstreamRequestError(`${label} answered with a body over ${maxBytes} bytes, which is not read.`, {
      hint: 'Ask for less: a smaller page, fewer fields, or a filter parameter of the endpoint.',
    });
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    try {
      lease?.take(value.byteLength, label);
    } catch (error) {
      await reader.cancel();
      throw error;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
