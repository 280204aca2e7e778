/**
 * @module The error types of openapi-dynamic-mcp: one base with a stable code, a message saying what failed
 * and where, and a hint saying what to do. Every subclass is built the same way: (message, { hint, cause }).
 */

/** Each is used by one subclass: here, or beside the code that throws it (ArgumentShapeError, UnknownToolError, BodyTooLargeError, and two that never leave their module). */
export type ErrorCode =
  | 'SPEC_LOAD'
  | 'BROKEN_REF'
  | 'CONFIG'
  | 'INVALID_ARGUMENTS'
  | 'REQUEST_BUILD'
  | 'UPSTREAM_REQUEST'
  | 'SESSION_STORE'
  | 'UNKNOWN_TOOL'
  | 'TOO_LARGE'
  | 'UNREPAIRABLE';

export interface ErrorOptions {
  /** What to do about it, for a person or a model. */
  hint?: string | undefined;
  cause?: unknown;
}

/** Base class: every expected failure carries a code and, where there is one, an actionable hint. */
export abstract class DynamicMcpError extends Error {
  abstract readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }

  /** The message and hint as one text, for a person or a model. */
  toText(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

/** The OpenAPI document could not be read, parsed or understood. */
export class SpecLoadError extends DynamicMcpError {
  readonly code = 'SPEC_LOAD';
}

/** A `$ref` that points nowhere; names the ref and where it is used. */
export class BrokenRefError extends DynamicMcpError {
  readonly code = 'BROKEN_REF';
  /** The ref as the document writes it. */
  ref = '';

  static at(ref: string, usedAt: string, reason: string): BrokenRefError {
    const error = new BrokenRefError(`Cannot resolve $ref "${ref}" used at ${usedAt}: ${reason}`, {
      hint: 'Fix the reference in the OpenAPI document; the rest of the API still works.',
    });
    error.ref = ref;
    return error;
  }
}

/** Bad configuration: a flag or environment variable with an unusable value (a usage error, exit 2). */
export class ConfigError extends DynamicMcpError {
  readonly code = 'CONFIG';
}

/** The arguments could not be turned into a request (for example a path value of ".."). */
export class RequestBuildError extends DynamicMcpError {
  readonly code = 'REQUEST_BUILD';
}

/** The upstream API could not be reached or did not answer in time. */
export class UpstreamRequestError extends DynamicMcpError {
  readonly code = 'UPSTREAM_REQUEST';
}

/** The session store failed; callers degrade to an empty session rather than fail. */
export class SessionStoreError extends DynamicMcpError {
  readonly code = 'SESSION_STORE';
}

/**
 * A short description of any thrown value, never a stack trace: the message, and the hint of our own
 * errors unless `withHint` is false (where the message is quoted inside another that says what to do).
 */
export function describeError(error: unknown, { withHint = true }: { withHint?: boolean } = {}): string {
  if (error instanceof DynamicMcpError) return withHint ? error.toText() : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
