/** @module Headers the HTTP client sets: those it computes for each request, never arguments, and those it sends when the caller does not. */
import type { ParameterObject } from '../openapi/openapi-types.js';

/** Lower-case names; `Content-Length` comes from the body, `Host` from the URL, the rest from the connection. */
export const transportHeaders: ReadonlySet<string> = new Set([
  'content-length',
  'host',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
]);

/** Lower-case names of the headers the HTTP client sends when the caller gives none (see http/send-request). */
const clientDefaultedHeaders: ReadonlySet<string> = new Set(['user-agent']);

/** Whether the parameter is a header the HTTP client sends when the caller does not: a document may require it, the caller need not give it. */
export function isClientDefaulted(p: ParameterObject): boolean {
  return p.in === 'header' && clientDefaultedHeaders.has(p.name.toLowerCase());
}
