/**
 * @module Session handles any replica can verify without the store: 128 random bits, the issue second and an
 * HMAC over both and the principal they were minted for, keyed by the secret all replicas share. One kind of
 * handle serves as the `session` tool argument and as a 2025-era client's Mcp-Session-Id.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type HandleCheck = { valid: true; issuedAt: number } | { valid: false; reason: 'malformed' | 'forged' | 'expired' };

const handlePattern = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/;

export class SessionHandles {
  constructor(
    private readonly secret: string | Buffer,
    /** Absolute lifetime of a handle, in ms, however active its conversation is. */
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new handle bound to `principal` (who authenticated; "" when callers are anonymous). */
  mint(principal: string): string {
    const random = randomBytes(16).toString('base64url');
    const issued = Math.floor(this.now() / 1000).toString(36);
    return `${random}.${issued}.${this.sign(random, issued, principal)}`;
  }

  verify(handle: string, principal: string): HandleCheck {
    const match = handlePattern.exec(handle);
    if (!match) return { valid: false, reason: 'malformed' };
    const [, random, issued, mac] = match as unknown as [string, string, string, string];
    if (!timingSafeEqual(Buffer.from(this.sign(random, issued, principal)), Buffer.from(mac))) return { valid: false, reason: 'forged' };
    const issuedAt = parseInt(issued, 36) * 1000;
    if (this.now() - issuedAt > this.maxAgeMs || issuedAt > this.now() + 60_000) return { valid: false, reason: 'expired' };
    return { valid: true, issuedAt };
  }

  /** 128 bits of HMAC-SHA256: forging one is as hard as guessing the random part. */
  private sign(random: string, issued: string, principal: string): string {
    return createHmac('sha256', this.secret).update(`${random}.${issued}.${principal}`).digest().subarray(0, 16).toString('base64url');
  }
}
