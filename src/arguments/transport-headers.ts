/** @module Headers the HTTP client computes for each request (framing, connection): a document that declares them as parameters cannot make them arguments. */

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
