/** @module Continuations of long responses: the rest is kept in the session store; a token names it and the byte offset to resume at. */
import { randomBytes } from 'node:crypto';

export interface ContinuationToken {
  key: string;
  offset: number;
}

export function newContinuationKey(): string {
  return randomBytes(16).toString('base64url');
}

export function encodeContinuation(token: ContinuationToken): string {
  return `${token.key}.${token.offset}`;
}

export function decodeContinuation(text: string): ContinuationToken | undefined {
  const match = /^([A-Za-z0-9_-]{22})\.(\d{1,12})$/.exec(text.trim());
  return match ? { key: match[1]!, offset: Number(match[2]) } : undefined;
}
