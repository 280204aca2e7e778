/**
 * @module Reads a local document within bounds: at most a number of bytes, and for files a document refers
 * to, only regular files (opened without blocking, so a pipe cannot hang the read, and checked on the open
 * file, so nothing can be swapped in between).
 */
import { describeError } from '../errors.js';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DocumentReadError } from './document-read-error.js';

export interface LocalReadLimits {
  maxBytes: number;
  tooLarge: () => string;
  hint?: string;
}

/** A file a document refers to, synchronously: refs are resolved when first needed. */
export function readRegularFileSync(path: string, limits: LocalReadLimits): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(path);
    if (stat.size > limits.maxBytes) throw tooLarge(path, limits);
    // Read to the end rather than to the stated size: a file may grow meanwhile.
    const buffer = Buffer.allocUnsafe(Math.min(limits.maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw tooLarge(path, limits);
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limits.maxBytes) throw tooLarge(path, limits);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The document the operator named: any readable file, even a pipe (`<(curl …)`), but at most `maxBytes`
 * and within `timeoutMs`.
 */
export async function readDocumentFile(path: string, limits: LocalReadLimits & { timeoutMs: number }): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openError(path, error);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(DocumentReadError.of(path, `no complete read within ${limits.timeoutMs} ms (--timeout)`));
    }, limits.timeoutMs);
  });
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw DocumentReadError.of(path, 'it is a directory');
    if (stat.isFile()) {
      // A regular file is read whole, in one read where the platform allows: readFile's 512 KB chunks cost
      // GitHub's 11 MB document twenty-odd trips to the thread pool at startup.
      if (stat.size > limits.maxBytes) throw tooLarge(path, limits);
      return await readWhole(handle, stat.size, path, limits);
    }
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limits.maxBytes + 1 - total));
      const { bytesRead } = await Promise.race([handle.read(chunk, 0, chunk.length, null), timedOut]);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limits.maxBytes) throw tooLarge(path, limits);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    clearTimeout(timer);
    // A read still waiting on a silent pipe would hold up the close: then it is left to finish on its own.
    if (expired) void handle.close().catch(() => undefined);
    else await handle.close();
  }
}

async function readWhole(handle: FileHandle, size: number, path: string, limits: LocalReadLimits): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.min(size + 1, limits.maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      // The file grew since its size was taken: room is made, up to the limit.
      if (length > limits.maxBytes) throw tooLarge(path, limits);
      const larger = Buffer.allocUnsafe(Math.min(length * 2, limits.maxBytes + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

function openError(path: string, error: unknown): DocumentReadError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : describeError(error);
  return DocumentReadError.of(path, reason, { cause: error });
}

function notRegular(path: string): DocumentReadError {
  return DocumentReadError.of(path, 'it is not a regular file (a device, pipe, socket or folder), so it is not read as a document');
}

function tooLarge(path: string, limits: LocalReadLimits): DocumentReadError {
  return DocumentReadError.of(path, limits.tooLarge(), limits.hint ? { hint: limits.hint } : {});
}
