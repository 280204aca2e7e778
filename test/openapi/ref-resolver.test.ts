// Tests for $ref resolution: JSON pointers, chains, loops, external files and remote documents.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RefResolver, isRef, readPointer } from '../../src/openapi/ref-resolver.js';
import { BrokenRefError } from '../../src/errors.js';
import { DocumentReader } from '../../src/openapi/document-reader.js';
import { readerFor, settings } from '../support/settings.js';

const rootUrl = 'file:///virtual/api.json';

const document = {
  components: {
    schemas: {
      Pet: { type: 'object', properties: { name: { type: 'string' } } },
      Alias: { $ref: '#/components/schemas/Alias2' },
      Alias2: { $ref: '#/components/schemas/Pet' },
      LoopA: { $ref: '#/components/schemas/LoopB' },
      LoopB: { $ref: '#/components/schemas/LoopA' },
      SelfLoop: { $ref: '#/components/schemas/SelfLoop' },
    },
  },
  paths: { '/pets/{id}': { get: { operationId: 'getPet' } } },
  'a~b': { 'c/d': 'escaped', 'e%f': 'percent', 'sp ace': 'space' },
  list: ['zero', 'one'],
};

/** Runs `fn` and returns the BrokenRefError it throws. */
function brokenRefOf(fn: () => unknown): BrokenRefError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BrokenRefError);
    return error as BrokenRefError;
  }
  throw new Error('expected a BrokenRefError');
}

describe('readPointer', () => {
  test.each([
    ['', document],
    ['/', document],
    ['/components/schemas/Pet', document.components.schemas.Pet],
    ['/paths/~1pets~1{id}/get/operationId', 'getPet'],
    ['/a~0b/c~1d', 'escaped'],
    ['/a~0b/e%25f', 'percent'],
    ['/a~0b/sp%20ace', 'space'],
    ['/paths/%7E1pets%7E1%7Bid%7D/get/operationId', 'getPet'],
    ['/list/1', 'one'],
  ] as [string, unknown][])('reads "#%s"', (fragment, want) => {
    expect(readPointer(document, fragment, `#${fragment}`, 'test')).toEqual(want);
  });

  test.each([
    ['/components/schemas/Missing', '"#/components/schemas" has no "Missing"'],
    ['/components/schemas/Pet/properties/age/type', '"#/components/schemas/Pet/properties" has no "age"'],
    ['/nothing', 'the document root has no "nothing"'],
    ['/a~0b/c~1d/deeper', '"#/a~0b/c~1d" has no "deeper"'],
    ['/list/5', '"#/list" has no "5"'],
    ['/components/schemas/constructor', '"#/components/schemas" has no "constructor"'],
    ['/components/schemas/toString', '"#/components/schemas" has no "toString"'],
  ])('a missing "#%s" names the deepest location that exists', (fragment, want) => {
    const error = brokenRefOf(() => readPointer(document, fragment, `#${fragment}`, 'getPet response'));
    expect(error.message).toBe(`Cannot resolve $ref "#${fragment}" used at getPet response: ${want}`);
    expect(error.ref).toBe(`#${fragment}`);
    expect(error.code).toBe('BROKEN_REF');
  });

  test('rejects a fragment that is not a JSON pointer', () => {
    expect(() => readPointer(document, 'Pet', '#Pet', 'test')).toThrow('only JSON-pointer fragments (#/...) are supported');
  });
});

describe('RefResolver in one document', () => {
  const resolver = new RefResolver(rootUrl, document, { reader: readerFor(rootUrl) });

  test('resolves a local ref with its document and a stable key', () => {
    const resolved = resolver.resolveRef('#/components/schemas/Pet', rootUrl, 'test');
    expect(resolved).toEqual({ value: document.components.schemas.Pet, docUrl: rootUrl, key: `${rootUrl}#/components/schemas/Pet` });
  });

  test('follows a chain of refs to the final value', () => {
    const resolved = resolver.deref({ $ref: '#/components/schemas/Alias' }, rootUrl, 'test');
    expect(resolved.value).toBe(document.components.schemas.Pet);
    expect(resolved.key).toBe(`${rootUrl}#/components/schemas/Pet`);
  });

  test('returns a value that is not a ref unchanged', () => {
    const value = { type: 'string' };
    expect(resolver.deref(value, rootUrl, 'test')).toEqual({ value, docUrl: rootUrl, key: '' });
  });

  test.each(['#/components/schemas/LoopA', '#/components/schemas/SelfLoop'])('a ref loop through %s throws a BrokenRefError saying it loops', (ref) => {
    const error = brokenRefOf(() => resolver.deref({ $ref: ref }, rootUrl, 'getPet body'));
    expect(error.message).toMatch(/used at getPet body: the \$ref chain loops back on itself$/);
  });

  test('a remote ref without allowRemoteRefs tells how to allow it', () => {
    const error = brokenRefOf(() => resolver.resolveRef('https://example.com/schemas.json#/Pet', rootUrl, 'getPet body'));
    expect(error.message).toContain('remote $refs are off');
    expect(error.message).toContain('--allow-remote-refs');
  });

  test('a remote ref that was allowed but not preloaded says it could not be fetched', () => {
    const remote = new RefResolver(rootUrl, document, { reader: new DocumentReader(new URL(rootUrl), settings({ allowRemoteRefs: true })) });
    expect(() => remote.resolveRef('https://example.com/schemas.json#/Pet', rootUrl, 'test')).toThrow('could not be fetched at startup');
  });

  test('a preloaded remote document resolves, and refs inside it are relative to it', () => {
    const preloaded = new Map<string, unknown>([['https://example.com/schemas.json', { Pet: { $ref: '#/Base' }, Base: { type: 'object' } }]]);
    const remote = new RefResolver(rootUrl, document, { reader: new DocumentReader(new URL(rootUrl), settings({ allowRemoteRefs: true })), preloaded });
    const resolved = remote.deref({ $ref: 'https://example.com/schemas.json#/Pet' }, rootUrl, 'test');
    expect(resolved).toEqual({ value: { type: 'object' }, docUrl: 'https://example.com/schemas.json', key: 'https://example.com/schemas.json#/Base' });
  });

  test('an unsupported URL scheme is a broken ref', () => {
    expect(() => resolver.resolveRef('urn:example:pet', rootUrl, 'test')).toThrow('unsupported location urn:example:pet');
  });
});

describe('RefResolver across local files', () => {
  let dir: string;
  let root: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ref-resolver-'));
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas', 'pet.json'), JSON.stringify({ Pet: { properties: { tag: { $ref: 'common.json#/Tag' } } } }));
    writeFileSync(join(dir, 'schemas', 'common.json'), JSON.stringify({ Tag: { type: 'string' } }));
    writeFileSync(join(dir, 'schemas', 'pet.yaml'), 'Pet:\n  type: object\n');
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    root = pathToFileURL(join(dir, 'api.json')).href;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('resolves a relative file ref, and refs in that file relative to it', () => {
    const resolver = new RefResolver(root, {}, { reader: readerFor(root) });
    const pet = resolver.resolveRef('./schemas/pet.json#/Pet', root, 'test');
    expect(pet.docUrl).toBe(pathToFileURL(join(dir, 'schemas', 'pet.json')).href);
    const tagRef = (pet.value as { properties: { tag: unknown } }).properties.tag;
    expect(isRef(tagRef)).toBe(true);
    const tag = resolver.deref(tagRef, pet.docUrl, 'test');
    expect(tag.value).toEqual({ type: 'string' });
    expect(tag.key).toBe(`${pathToFileURL(join(dir, 'schemas', 'common.json')).href}#/Tag`);
  });

  test('a ref without a fragment is the whole file', () => {
    const resolver = new RefResolver(root, {}, { reader: readerFor(root) });
    expect(resolver.resolveRef('schemas/common.json', root, 'test').value).toEqual({ Tag: { type: 'string' } });
  });

  test('reads external YAML', () => {
    const resolver = new RefResolver(root, {}, { reader: readerFor(root) });
    expect(resolver.resolveRef('schemas/pet.yaml#/Pet', root, 'test').value).toEqual({ type: 'object' });
  });

  test.each([
    { ref: 'schemas/missing.json#/Pet', want: 'no such file' },
    { ref: 'broken.json#/Pet', want: 'Cannot parse' },
    { ref: 'schemas/pet.json#/Dog', want: 'the document root has no "Dog"' },
  ])('a broken external ref $ref is a BrokenRefError: $want', ({ ref, want }) => {
    const error = brokenRefOf(() => new RefResolver(root, {}, { reader: readerFor(root) }).resolveRef(ref, root, 'getPet body'));
    expect(error.message).toContain(`Cannot resolve $ref "${ref}" used at getPet body`);
    expect(error.message).toContain(want);
  });
});
