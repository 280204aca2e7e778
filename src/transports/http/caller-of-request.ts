/** @module Who calls, from one HTTP request: the principal session handles are bound to, and upstream credentials sent in mapped headers. */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Credentials } from '../../auth/credentials.js';
import type { CallerScope } from '../../protocol/call-tool.js';

/**
 * `clientKey` names the bearer token the client authenticated with ("" when clients are anonymous). Without
 * one, per-caller upstream credentials name the caller (hashed), so a handle minted for one user's key never
 * works with another's.
 */
export function callerOfRequest(req: IncomingMessage, clientKey: string, configured: Credentials, credentialHeaders: Record<string, string>): CallerScope {
  const entries = Object.entries(credentialHeaders);
  if (!entries.length) return { principal: clientKey };
  const credentials = new Map(configured);
  const identity = createHash('sha256');
  for (const [scheme, header] of entries) {
    const value = req.headers[header.toLowerCase()];
    if (typeof value !== 'string' || !value) continue;
    credentials.set(scheme, value);
    identity.update(`${scheme}\0${value}\0`);
  }
  return { principal: clientKey || (credentials.size > configured.size ? identity.digest('base64url').slice(0, 22) : ''), credentials };
}
