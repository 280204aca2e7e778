/** @module What went wrong when a request got no answer (refused, DNS, TLS, reset, timeout), and what to check, in words. */

export interface NetworkFailure {
  /** e.g. "the connection was refused (is the server running?)" */
  reason: string;
  /** What to check next. */
  check: string;
  /** The server answered (wrongly): the request was sent, and the base URL is right. */
  answered?: true;
}

/** Classifies an error thrown by fetch (undici puts the system error in `cause`). */
export function describeNetworkFailure(error: unknown, timeoutMs: number): NetworkFailure {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { reason: `timed out after ${timeoutMs} ms`, check: 'The server is slow or unreachable; retry, or raise --timeout.' };
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  const reachable = 'Check that the host is reachable from this machine (VPN, firewall, proxy).';
  if (code === 'ECONNREFUSED')
    return { reason: 'the connection was refused (is the server running?)', check: 'Check the host and port, and that the server is running.' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { reason: 'the host name could not be resolved (DNS)', check: "Check the host name for typos, and this machine's network and DNS." };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return { reason: 'the connection was reset', check: `Retry; if it persists: ${reachable.charAt(0).toLowerCase()}${reachable.slice(1)}` };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return { reason: 'connecting timed out', check: reachable };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { reason: 'the host is unreachable', check: reachable };
  if (code && (code.startsWith('CERT_') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'EPROTO')) {
    return {
      reason: `TLS failed (${code})`,
      check: 'Check that the URL names the right host and uses https only where the server speaks TLS; for a private CA, set NODE_EXTRA_CA_CERTS.',
    };
  }
  // undici's HTTP parser (HPE_*): the server answered, but not in HTTP/1.1 (Content-Length beside Transfer-Encoding, a bad status line).
  if (code?.startsWith('HPE_'))
    return {
      reason: `the answer is not valid HTTP (${cause?.message ?? code})`,
      check: 'Retrying gets the same answer: the server, or a proxy in front of it, must be fixed.',
      answered: true,
    };
  if (cause?.message === 'bad port') return { reason: 'fetch refuses that port (it is reserved for another protocol)', check: 'Serve it on another port.' };
  return { reason: cause?.message ?? (error as Error | undefined)?.message ?? String(error), check: reachable };
}
