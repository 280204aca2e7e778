// Tests for the error base: one constructor shape, a code per subclass, and describeError for any thrown value.
import { describe, expect, test } from 'vitest';
import { ArgumentShapeError } from '../src/arguments/normalize-arguments.js';
import {
  BrokenRefError,
  ConfigError,
  describeError,
  DynamicMcpError,
  RequestBuildError,
  SessionStoreError,
  SpecLoadError,
  UpstreamRequestError,
} from '../src/errors.js';
import { DocumentReadError } from '../src/openapi/document-read-error.js';
import { UnknownToolError } from '../src/protocol/call-tool.js';
import { BodyTooLargeError } from '../src/transports/http/read-body.js';

describe('errors', () => {
  test.each([
    [SpecLoadError, 'SPEC_LOAD'],
    [ConfigError, 'CONFIG'],
    [ArgumentShapeError, 'INVALID_ARGUMENTS'],
    [RequestBuildError, 'REQUEST_BUILD'],
    [UpstreamRequestError, 'UPSTREAM_REQUEST'],
    [SessionStoreError, 'SESSION_STORE'],
    [UnknownToolError, 'UNKNOWN_TOOL'],
    [BodyTooLargeError, 'TOO_LARGE'],
  ] as const)('%o is built from (message, { hint, cause }) and has the code %s', (ErrorClass, code) => {
    const cause = new Error('underneath');
    const error = new ErrorClass('What failed, where.', { hint: 'What to do.', cause });
    expect(error).toBeInstanceOf(DynamicMcpError);
    expect(error).toMatchObject({ code, message: 'What failed, where.', hint: 'What to do.', cause, name: ErrorClass.name });
    expect(error.toText()).toBe('What failed, where.\nWhat to do.');
  });

  test('a broken ref names the ref and where it is used', () => {
    const error = BrokenRefError.at('#/components/schemas/Pet', 'getPet responses', 'it points nowhere');
    expect(error).toMatchObject({
      code: 'BROKEN_REF',
      ref: '#/components/schemas/Pet',
      message: 'Cannot resolve $ref "#/components/schemas/Pet" used at getPet responses: it points nowhere',
    });
  });

  test('a failed read of a document is a spec load error saying what to pass instead', () => {
    const error = DocumentReadError.of('https://example.com/openapi.json', 'HTTP 404', { download: true });
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error.message).toBe('Cannot download the OpenAPI document from https://example.com/openapi.json: HTTP 404.');
    expect(error.hint).toContain('Pass the path');
  });

  test.each([
    ['our error, with its hint', new ConfigError('Bad flag.', { hint: 'Fix it.' }), {}, 'Bad flag.\nFix it.'],
    ['our error, without its hint', new ConfigError('Bad flag.', { hint: 'Fix it.' }), { withHint: false }, 'Bad flag.'],
    ['any Error', new TypeError('not a function'), {}, 'not a function'],
    ['a thrown string', 'boom', {}, 'boom'],
  ])('describeError: %s', (_name, error, options, want) => {
    expect(describeError(error, options)).toBe(want);
  });
});
