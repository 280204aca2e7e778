/** @module The error of a document read that failed or was refused: what was read, why not, and what to do. */
import { SpecLoadError } from '../errors.js';

export class DocumentReadError extends SpecLoadError {
  /** The reason alone, for messages that name the `$ref` instead. */
  readonly reason: string;

  constructor(where: string, reason: string, options: { hint?: string; cause?: unknown; download?: boolean } = {}) {
    const sentence = /[.?!]$/.test(reason) ? reason : `${reason}.`;
    super(options.download ? `Cannot download the OpenAPI document from ${where}: ${sentence}` : `Cannot read the OpenAPI document ${where}: ${sentence}`, {
      hint: options.hint ?? 'Pass the path of an OpenAPI (3.0, 3.1) or Swagger 2.0 file in JSON or YAML, or an http(s) URL.',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.reason = reason;
  }
}
