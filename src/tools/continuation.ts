/** @module Continuations of long responses: the rest is kept in the session store; a token names it and the byte offset to resume at. */
import { randomBytes } from 'node:crypto';
import { describeError } from '../errors.js';
import type { ShapedResponse } from '../http/shape-response.js';
import type { ToolContext } from './tool-context.js';

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

/**
 * Keeps the rest of a long body in the session store and returns the token for its next part; when the
 * store cannot keep it, the result's notes say so and there is no token.
 */
export async function keepRest(shaped: ShapedResponse, operationId: string, context: Pick<ToolContext, 'session' | 'execution'>): Promise<string | undefined> {
  if (!shaped.overflow) return undefined;
  const key = newContinuationKey();
  const record = { operationId, status: shaped.status, text: shaped.overflow.text, ...(shaped.contentType ? { contentType: shaped.contentType } : {}) };
  try {
    await context.session.saveContinuation(key, record, context.execution.continuationTtlSeconds);
    return encodeContinuation({ key, offset: shaped.overflow.returnedBytes });
  } catch (error) {
    shaped.notes.push(`${describeError(error)} Narrow the response with select to see the rest.`);
    return undefined;
  }
}
