/**
 * @module Downloads a document over http(s) within bounds: every address checked before connecting (names
 * are resolved here, so a name cannot point one way when checked and another when used), redirects
 * followed hop by hop only where allowed, the body cut off past a byte limit, the whole read timed out.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { defaults } from '../config.js';
import { describeNetworkFailure } from '../network-failure.js';
import { userAgent } from '../version.js';
import { DocumentReadError } from './document-read-error.js';

export interface FetchDocumentOptions {
  /** Largest body read, in bytes. */
  maxBytes: number;
  /** Why the body was too large, for the message. */
  tooLarge: () => string;
  hint?: string;
  timeoutMs: number;
  /** Why a connection to `address` (resolved for `host`) is refused; undefined allows it. */
  refuseAddress(host: string, address: string): string | undefined;
  /** Why a redirect is not followed; undefined follows it. */
  refuseRedirect(from: URL, to: URL): string | undefined;
  /** Called with the address of the first connection made. */
  onConnect?(address: string): void;
  /** Told of the bytes received so far, and of the declared length when the server gives one. */
  onBytes?(received: number, declared: number | undefined): void;
}

export interface FetchedDocument {
  bytes: Buffer;
  /** Where the document was in the end, after redirects: relative refs resolve against it. */
  url: URL;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export async function fetchDocument(start: URL, options: FetchDocumentOptions): Promise<FetchedDocument> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const fail = (url: URL, reason: string, hint?: string, cause?: unknown) =>
    DocumentReadError.of(url.href, reason, { download: true, ...(hint ? { hint } : {}), ...(cause === undefined ? {} : { cause }) });
  let url = start;
  for (let hops = 0; ; hops++) {
    const response = await get(url, options, signal).catch((error: unknown) => {
      if (error instanceof DocumentReadError) throw error;
      const { reason, check } = describeNetworkFailure(error, options.timeoutMs);
      throw fail(url, reason, `${check} Or download the file and pass its path.`, error);
    });
    const location = response.headers.location;
    if (redirectStatuses.has(response.statusCode ?? 0) && location) {
      response.destroy();
      if (hops >= defaults.maxRedirects) throw fail(start, `more than ${defaults.maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw fail(url, 'it redirected to a location that is not a URL');
      }
      const refused = options.refuseRedirect(url, next);
      if (refused) throw fail(url, refused, 'Use the URL the redirect leads to, or download the document and pass its path.');
      url = next;
      continue;
    }
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      response.destroy();
      const answer = `HTTP ${status} ${response.statusMessage ?? ''}`.trim();
      const reason = status === 404 || status === 410 ? `${answer}: not found, there is no document at that URL` : answer;
      throw fail(url, reason, 'Check the URL; it must return the OpenAPI document itself.');
    }
    try {
      return { bytes: await readBody(response, options, () => fail(url, options.tooLarge(), options.hint)), url };
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      const { reason, check } = describeNetworkFailure(error, options.timeoutMs);
      throw fail(url, reason, check, error);
    }
  }
}

/** One GET, connecting only to allowed addresses. */
function get(url: URL, options: FetchDocumentOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const refused = options.refuseAddress(host, host);
    if (refused)
      return Promise.reject(
        DocumentReadError.of(url.href, refused, { download: true, hint: 'Refer to documents on public hosts, or load the document from the same network.' }),
      );
  }
  let refusedAtLookup: string | undefined;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => options.refuseAddress(hostname, a.address)).find((reason) => reason !== undefined);
      if (refused) {
        refusedAtLookup = refused;
        return callback(Object.assign(new Error(refused), { code: 'EREFUSEDADDRESS' }), '', 0);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: 'GET', agent: false, lookup, signal, headers: { accept: 'application/json, application/yaml, text/yaml, */*', 'user-agent': userAgent } },
      resolve,
    );
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        // Checked again on the socket itself: whatever path led here, the peer must be allowed.
        const address = socket.remoteAddress ?? '';
        const refused = options.refuseAddress(host, address);
        if (refused) request.destroy(DocumentReadError.of(url.href, refused, { download: true }));
        else options.onConnect?.(address);
      });
    });
    request.on('error', (error) => {
      reject(
        refusedAtLookup
          ? DocumentReadError.of(url.href, refusedAtLookup, {
              download: true,
              hint: 'Refer to documents on public hosts, or load the document from the same network.',
            })
          : error,
      );
    });
    request.end();
  });
}

async function readBody(
  response: IncomingMessage,
  options: Pick<FetchDocumentOptions, 'maxBytes' | 'onBytes'>,
  fail: () => DocumentReadError,
): Promise<Buffer> {
  const { maxBytes } = options;
  const declared = Number(response.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    response.destroy();
    throw fail();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw fail();
    }
    chunks.push(chunk);
    options.onBytes?.(total, declared || undefined);
  }
  return Buffer.concat(chunks, total);
}
