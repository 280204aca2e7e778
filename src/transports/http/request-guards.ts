/**
 * @module Checks every HTTP request before MCP sees it: Host and Origin (DNS-rebinding protection,
 * https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#security-warning) and the
 * client's bearer token, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardOptions {
  /** Host names (without port) accepted in the Host header. */
  allowedHosts: ReadonlySet<string>;
  /** Origins (scheme://host[:port]) accepted; requests without Origin (non-browser clients) pass. */
  allowedOrigins: ReadonlySet<string>;
  /** Bearer tokens clients must present; empty means no client authentication. */
  authTokens: readonly string[];
}

export type GuardResult = { ok: true; clientKey: string } | { ok: false; status: 400 | 401 | 403; message: string };

/** With `authenticate: false` only Host and Origin are checked (probes that carry no token). */
export function checkRequest(req: IncomingMessage, options: GuardOptions, authenticate = true): GuardResult {
  const host = (req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  if (!options.allowedHosts.has('*') && !options.allowedHosts.has(host)) {
    return { ok: false, status: 403, message: `Host "${host}" is not allowed. Add it with --allowed-hosts.` };
  }
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !options.allowedOrigins.has('*') &&
    !options.allowedOrigins.has(origin.toLowerCase()) &&
    !isSameOrigin(origin, req.headers.host)
  ) {
    return { ok: false, status: 403, message: `Origin "${origin}" is not allowed. Add it with --allowed-origins.` };
  }
  if (!authenticate || !options.authTokens.length) return { ok: true, clientKey: '' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return { ok: false, status: 401, message: 'Missing bearer token: send "Authorization: Bearer <token>".' };
  const presented = digest(match[1]!);
  // Compare digests, not tokens: equal lengths, and no early exit that leaks how much matched.
  let found: string | undefined;
  for (const token of options.authTokens) if (timingSafeEqual(presented, digest(token))) found = token;
  if (!found) return { ok: false, status: 401, message: 'Invalid bearer token.' };
  return { ok: true, clientKey: digest(found).toString('base64url').slice(0, 22) };
}

/** An Origin naming the very host (already checked above) the request was sent to is not cross-site. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Loopback names always allowed when binding to loopback; other hosts must be listed. */
export function defaultAllowedHosts(bindHost: string, extra: readonly string[]): Set<string> {
  const hosts = new Set(extra.map((h) => h.toLowerCase()));
  for (const h of ['localhost', '127.0.0.1', '::1']) hosts.add(h);
  if (bindHost !== '0.0.0.0' && bindHost !== '::') hosts.add(bindHost.toLowerCase());
  return hosts;
}
