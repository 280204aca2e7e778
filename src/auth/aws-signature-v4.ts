/**
 * @module AWS Signature Version 4: the headers that sign one request with an access key, as AWS documents
 * it (canonical request, string to sign, a signing key derived for the day, region and service).
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials (STS): sent as X-Amz-Security-Token and signed. */
  sessionToken?: string;
}

export interface SignV4Input {
  method: string;
  url: URL;
  /** The request's headers, lower-case names; all are signed but those a client or proxy may change. */
  headers: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  region: string;
  service: string;
  credential: AwsCredential;
  now: Date;
}

/** Headers an HTTP client or a proxy may add or change on the way: signing them would break the signature. */
const unsigned = new Set(['user-agent', 'content-length', 'connection', 'expect', 'accept-encoding', 'transfer-encoding']);

/** The headers to add to the request: Authorization, X-Amz-Date, and X-Amz-Security-Token or X-Amz-Content-Sha256 when they apply. */
export function signV4(input: SignV4Input): Record<string, string> {
  const { url, region, service, credential } = input;
  const amzDate = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256(input.body ?? '');
  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (credential.sessionToken) added['x-amz-security-token'] = credential.sessionToken;
  // S3 refuses a signed request without it; other services ignore it.
  if (service === 's3') added['x-amz-content-sha256'] = payloadHash;

  const headers = new Map<string, string>([['host', url.host]]);
  for (const [name, value] of Object.entries({ ...input.headers, ...added })) {
    const lower = name.toLowerCase();
    if (!unsigned.has(lower) && lower !== 'authorization') headers.set(lower, value.trim().replace(/\s+/g, ' '));
  }
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  // The header block ends in a newline of its own: the blank line before the signed names is AWS's format.
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalPath(url.pathname, service),
    canonicalQuery(url.searchParams),
    names.map((name) => `${name}:${headers.get(name)!}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credential.secretAccessKey}`, day), region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  added.authorization = `AWS4-HMAC-SHA256 Credential=${credential.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return added;
}

/**
 * The path as AWS signs it: each segment encoded strictly (RFC 3986); twice for every service but S3, which
 * encodes once and leaves a key's slashes as they are ("reports/2024.csv" however it was sent). Worked out
 * from the decoded segments, so that how we encoded them does not matter.
 */
function canonicalPath(pathname: string, service: string): string {
  const segments = pathname.split('/').map((segment) => {
    const raw = safeDecode(segment);
    return service === 's3' ? strictEncode(raw).replace(/%2F/g, '/') : strictEncode(strictEncode(raw));
  });
  return segments.join('/') || '/';
}

/** Parameters encoded strictly, sorted by name then value. */
function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([name, value]) => [strictEncode(name), strictEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Percent-encodes all but the unreserved characters A-Z a-z 0-9 - _ . ~ (encodeURIComponent leaves !'()* as they are). */
function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
