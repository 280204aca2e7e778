// Tests for the Content-Type a document requires of a request with no body.
import { describe, expect, test } from 'vitest';
import type { ParameterObject } from '../../src/openapi/openapi-types.js';
import { declaredContentType } from '../../src/http/declared-content-type.js';

const header = (schema: Record<string, unknown>, required = true): ParameterObject => ({ name: 'Content-Type', in: 'header', required, schema });

describe('the Content-Type a document requires of a request with no body', () => {
  test.each([
    { why: "a required header's default", given: header({ type: 'string', default: 'application/json' }), want: 'application/json' },
    { why: 'its only value, with a parameter', given: header({ enum: ['application/json; charset=utf-8'] }), want: 'application/json; charset=utf-8' },
    { why: 'no optional header', given: header({ default: 'application/json' }, false), want: undefined },
    { why: 'no multipart type, whose boundary only a body has', given: header({ default: 'multipart/form-data' }), want: undefined },
    { why: 'no value that is not a media type', given: header({ default: 'application/json\r\nX-Injected: 1' }), want: undefined },
    { why: 'none without a value', given: header({ type: 'string' }), want: undefined },
  ])('$why', ({ given, want }) => {
    expect(declaredContentType([given])).toBe(want);
  });
});
