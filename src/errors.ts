/** @module The error types of openapi-dynamic-mcp: a stable code, a message saying what failed and where, and a hint saying what to do. */

export type ErrorCode =
  | 'SPEC_LOAD'
  | 'BROKEN_REF'
  | 'UNKNOWN_ENDPOINT'
  | 'INVALID_ARGUMENTS'
  | 'REQUEST_BUILD'
  | 'UPSTREAM_REQUEST'
  | 'SESSION_STORE'
  | 'MISSING_CREDENTIALS'
  | 'CONFIG';

/** Base class: every expected failure carries a code and an actionable hint. */
export class DynamicMcpError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }

  /** The message and hint as one text, for a person or a model. */
  toText(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

/** The OpenAPI document could not be read, parsed or understood. */
export class SpecLoadError extends DynamicMcpError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('SPEC_LOAD', message, options);
  }
}

/** A `$ref` that points nowhere; names the ref and where it is used. */
export class BrokenRefError extends DynamicMcpError {
  readonly ref: string;
  constructor(ref: string, usedAt: string, reason: string) {
    super('BROKEN_REF', `Cannot resolve $ref "${ref}" used at ${usedAt}: ${reason}`, {
      hint: 'Fix the reference in the OpenAPI document; the rest of the API still works.',
    });
    this.ref = ref;
  }
}

/** Bad configuration: a flag or environment variable with an unusable value. */
export class ConfigError extends DynamicMcpError {
  constructor(message: string, hint?: string) {
    super('CONFIG', message, hint === undefined ? {} : { hint });
  }
}

/** The arguments could not be turned into a request (for example a path value of ".."). */
export class RequestBuildError extends DynamicMcpError {
  constructor(message: string, hint?: string) {
    super('REQUEST_BUILD', message, hint === undefined ? {} : { hint });
  }
}

/** The upstream API could not be reached or did not answer in time. */
export class UpstreamRequestError extends DynamicMcpError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('UPSTREAM_REQUEST', message, options);
  }
}

/** The operation needs credentials this server was not given; the message says which flag or variable to set. */
export class MissingCredentialsError extends DynamicMcpError {
  constructor(message: string, hint: string) {
    super('MISSING_CREDENTIALS', message, { hint });
  }
}

/** The session store failed; callers degrade to an empty session rather than fail. */
export class SessionStoreError extends DynamicMcpError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('SESSION_STORE', message, options);
  }
}

/** A short one-line description of any thrown value, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof DynamicMcpError) return error.toText();
  if (error instanceof Error) return error.message;
  return String(error);
}
