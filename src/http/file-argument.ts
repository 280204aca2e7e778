/** @module Files in arguments, given as text or as `{ base64, filename?, contentType? }`, read into bytes to send. */
import { RequestBuildError } from '../errors.js';
import { isObject } from '../base/json.js';

export interface FileValue {
  bytes: Uint8Array;
  filename?: string;
  contentType?: string;
}

export function isFileArgument(value: unknown): value is { base64: string; filename?: string; contentType?: string } {
  return isObject(value) && typeof value.base64 === 'string';
}

/** Decodes a file argument; text is sent as UTF-8. */
export function readFileArgument(value: unknown, where: string): FileValue {
  if (typeof value === 'string') return { bytes: new TextEncoder().encode(value) };
  if (isFileArgument(value)) {
    const clean = value.base64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean))
      throw new RequestBuildError(`${where}.base64 is not valid base64.`, { hint: 'Encode the file with standard base64.' });
    const file: FileValue = { bytes: new Uint8Array(Buffer.from(clean, 'base64')) };
    if (value.filename) file.filename = value.filename;
    if (value.contentType) file.contentType = value.contentType;
    return file;
  }
  throw new RequestBuildError(`${where} must be the file's text or { "base64": "...", "filename": "...", "contentType": "..." }.`);
}
