/**
 * @module Writes a multipart/form-data body (RFC 7578) byte for byte, so each part carries exactly the
 * headers it should: a filename only on files, and its own Content-Type on any part.
 */
import { randomBytes } from 'node:crypto';
import { RequestBuildError } from '../errors.js';

export interface MultipartPart {
  /** The `name` of `Content-Disposition: form-data`. */
  name: string;
  /** Only for files: servers take a part with a filename for an upload, one without for a field. */
  filename?: string;
  /** Absent means text/plain, the default of a form-data part (RFC 7578 §4.4). */
  contentType?: string;
  content: string | Uint8Array;
}

/** A boundary of 128 random bits: content cannot contain it by chance, and the caller cannot guess it. */
export function randomBoundary(): string {
  return `----openapi-dynamic-mcp-${randomBytes(16).toString('hex')}`;
}

/** The body for `Content-Type: multipart/form-data; boundary=<boundary>`. */
export function serializeMultipart(parts: readonly MultipartPart[], boundary: string): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(part.name)}"`;
    if (part.filename !== undefined) head += `; filename="${escapeQuoted(part.filename)}"`;
    if (part.contentType) head += `\r\nContent-Type: ${checkHeaderValue(part.contentType, part.name)}`;
    chunks.push(encoder.encode(`${head}\r\n\r\n`));
    chunks.push(typeof part.content === 'string' ? encoder.encode(part.content) : part.content);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return concatBytes(chunks);
}

/** Names and filenames are escaped as browsers do (HTML's multipart/form-data encoding algorithm): `"`, CR and LF percent-encoded. */
function escapeQuoted(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

function checkHeaderValue(value: string, name: string): string {
  if (/[\r\n\0]/.test(value))
    throw new RequestBuildError(`The content type of the multipart part "${name}" contains a line break or NUL, which is not allowed.`, {
      hint: 'Give a plain media type such as image/png.',
    });
  return value;
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
