/** @module The error of a document read that failed or was refused: what was read, why not, and what to do. */
import { SpecLoadError } from '../errors.js';

export class DocumentReadError extends SpecLoadError {
  /** `Cannot read the OpenAPI document <where>: <reason>.`, or `Cannot download ...` for a download. */
  static of(where: string, reason: string, options: { hint?: string; cause?: unknown; download?: boolean } = {}): DocumentReadError {
    const sentence = /[.?!]$/.test(reason) ? reason : `${reason}.`;
    return new DocumentReadError(
      options.download ? `Cannot download the OpenAPI document from ${where}: ${sentence}` : `Cannot read the OpenAPI document ${where}: ${sentence}`,
      {
        hint: options.hint ?? 'Pass the path of an OpenAPI (3.0, 3.1) or Swagger 2.0 file in JSON or YAML, or an http(s) URL.',
        cause: options.cause,
      },
    );
  }
}
