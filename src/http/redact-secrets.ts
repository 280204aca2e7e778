/**
 * @module Takes configured credentials out of what a tool returns or keeps: each secret in every form it
 * takes on the wire (as is, percent-encoded once or twice, form-encoded, JSON-escaped, Base64 as in Basic
 * auth), wherever it shows up (an upstream echoing the URL in a Link or Location header, a body echoing
 * the request, an error message).
 */
import { encodeValue } from './serialize-param.js';

export const redactedMark = '[redacted]';
/** Shorter values are not redacted: replacing two letters everywhere would destroy the text and hide nothing. */
const minSecretLength = 4;
/**
 * Shorter forms are redacted only as words of their own, not inside longer ones: a four-letter test key
 * ("test") would otherwise turn every "latest" of a body into "la[redacted]". An upstream that echoes a
 * secret echoes it whole, between quotes, delimiters or spaces.
 */
const wordOnlyBelow = 8;

export class SecretRedactor {
  private readonly pattern: RegExp | undefined;
  private readonly needles: Buffer[];

  constructor(secrets: Iterable<string>) {
    const variants = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < minSecretLength) continue;
      for (const variant of forms(secret)) variants.add(variant);
    }
    const sorted = [...variants].sort((a, b) => b.length - a.length);
    this.pattern = sorted.length ? new RegExp(sorted.map(patternOf).join('|'), 'g') : undefined;
    this.needles = sorted.map((v) => Buffer.from(v));
  }

  get isEmpty(): boolean {
    return this.pattern === undefined;
  }

  text(text: string): string {
    return this.pattern ? text.replace(this.pattern, redactedMark) : text;
  }

  /** Whether raw bytes hold a secret (binary bodies cannot be edited, only withheld): any occurrence, inside words too, since withholding too much loses nothing secret. */
  inBytes(bytes: Uint8Array): boolean {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return this.needles.some((needle) => buffer.includes(needle));
  }

  /** A copy of a JSON-like value with every string (and key) redacted; without recursion, however deep. */
  value<T>(value: T): T {
    if (!this.pattern) return value;
    if (typeof value === 'string') return this.text(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    const root: { v: unknown } = { v: undefined };
    const stack: [unknown, (copy: unknown) => void][] = [[value, (copy) => (root.v = copy)]];
    while (stack.length) {
      const [node, place] = stack.pop()!;
      if (typeof node === 'string') place(this.text(node));
      else if (Array.isArray(node)) {
        const copy: unknown[] = new Array(node.length);
        place(copy);
        node.forEach((child, i) => stack.push([child, (c) => (copy[i] = c)]));
      } else if (typeof node === 'object' && node !== null) {
        const copy: Record<string, unknown> = {};
        place(copy);
        for (const [key, child] of Object.entries(node)) {
          const name = this.text(key);
          stack.push([child, (c) => (copy[name] = c)]);
        }
      } else place(node);
    }
    return root.v as T;
  }
}

/** The forms one secret takes in URLs (also a URL inside another's query, encoded twice), forms, JSON text and Basic auth. */
function forms(secret: string): string[] {
  const once = [encodeURIComponent(secret), encodeValue(secret)];
  const percent = [...once, ...once.map((p) => encodeURIComponent(p))];
  const all = [
    secret,
    ...percent,
    ...percent.map((p) => p.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
  ];
  return all.filter((form) => form.length >= minSecretLength);
}

/**
 * The pattern of one form: as is when long; when short, not where a letter or digit runs on from either edge,
 * unless that letter or digit ends an escape ("%3D", "\\n", "\\u00e9"), which is a boundary in its text.
 */
function patternOf(form: string): string {
  const escaped = escapeRegExp(form);
  if (form.length >= wordOnlyBelow) return escaped;
  const before = /^[A-Za-z0-9]/.test(form) ? '(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2}|\\\\[a-z]|\\\\u[0-9A-Fa-f]{4}))' : '';
  const after = /[A-Za-z0-9]$/.test(form) ? '(?=[^A-Za-z0-9]|$|%[0-9A-Fa-f]{2})' : '';
  return `${before}${escaped}${after}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
