/**
 * @module Session ids any replica can verify without the store: 256 random bits, the issue time and an
 * HMAC over both and the client they were issued to, keyed by the secret all replicas share.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type SessionIdCheck = { valid: true; issuedAt: number } | { valid: false; reason: 'malformed' | 'forged' | 'expired' };

export class SessionIds {
  constructor(
    private readonly secret: string | Buffer,
    /** Absolute lifetime of a session, in ms, however active it is. */
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new id bound to `clientKey` (who authenticated; "" when clients are anonymous). */
  mint(clientKey: string): string {
    const random = randomBytes(32).toString('base64url');
    const issued = this.now().toString(36);
    return `${random}.${issued}.${this.sign(random, issued, clientKey)}`;
  }

  verify(id: string, clientKey: string): SessionIdCheck {
    const parts = id.split('.');
    if (parts.length !== 3 || !/^[A-Za-z0-9_-]{43}$/.test(parts[0]!) || !/^[0-9a-z]{1,12}$/.test(parts[1]!) || !/^[A-Za-z0-9_-]{43}$/.test(parts[2]!)) {
      return { valid: false, reason: 'malformed' };
    }
    const [random, issued, mac] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(random, issued, clientKey));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return { valid: false, reason: 'forged' };
    const issuedAt = parseInt(issued, 36);
    if (this.now() - issuedAt > this.maxAgeMs || issuedAt > this.now() + 60_000) return { valid: false, reason: 'expired' };
    return { valid: true, issuedAt };
  }

  private sign(random: string, issued: string, clientKey: string): string {
    return createHmac('sha256', this.secret).update(`${random}.${issued}.${clientKey}`).digest('base64url');
  }
}
