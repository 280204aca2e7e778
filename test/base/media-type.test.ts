// Tests for telling JSON media types, and for the request body type chosen when a document declares several.
import { describe, expect, test } from 'vitest';
import { isJsonMediaType } from '../../src/base/media-type.js';
import { preferredMediaType } from '../../src/arguments/input-schema.js';

describe('isJsonMediaType', () => {
  test.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/merge-patch+json', true],
    ['text/json', true],
    ['text/plain', false],
    ['application/jsonl', false],
    ['multipart/form-data', false],
  ])('%s: %s', (type, expected) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });
});

describe('preferredMediaType', () => {
  test('application/json first, then any other JSON type, then forms, then the first declared', () => {
    expect(preferredMediaType({ 'text/json': {}, 'application/json': {} })).toBe('application/json');
    expect(preferredMediaType({ 'text/plain': {}, 'text/json': {} })).toBe('text/json');
    expect(preferredMediaType({ 'text/plain': {}, 'application/x-www-form-urlencoded': {} })).toBe('application/x-www-form-urlencoded');
    expect(preferredMediaType({ 'text/plain': {}, 'application/xml': {} })).toBe('text/plain');
  });
});
