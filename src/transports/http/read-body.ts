/** @module Reads a request body up to a size limit. */
import type { IncomingMessage } from 'node:http';
import { DynamicMcpError } from '../../errors.js';

/** The request body is over --max-body-bytes: answered 413. */
export class BodyTooLargeError extends DynamicMcpError {
  readonly code = 'TOO_LARGE';
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError(`Request body of ${declared} bytes exceeds the ${maxBytes}-byte limit.`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new BodyTooLargeError(`Request body exceeds the ${maxBytes}-byte limit.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
