// The trust boundary's decisions as tables: which refs, redirects and addresses a document may reach.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { addressClass } from '../../src/openapi/address-class.js';
import { TrustBoundary } from '../../src/openapi/trust-boundary.js';
import { settings } from '../support/settings.js';

describe('addressClass', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['not an address', 'reserved'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
  ])('%s is %s', (address, want) => {
    expect(addressClass(address)).toBe(want);
  });
});

describe('TrustBoundary for a document from a URL', () => {
  const root = new URL('https://api.example.com/specs/openapi.json');
  const closed = new TrustBoundary(root, settings());
  const open = new TrustBoundary(root, settings({ allowRemoteRefs: true }));

  test.each([
    ['same origin', closed, 'https://api.example.com/schemas/pet.json', undefined],
    [
      'another host, remote refs off',
      closed,
      'https://cdn.example.com/pet.json',
      'it points to another host (https://cdn.example.com) and remote $refs are off; start with --allow-remote-refs to follow them',
    ],
    ['another port is another origin', closed, 'https://api.example.com:8443/pet.json', 'remote $refs are off'],
    ['another host, remote refs on', open, 'https://cdn.example.com/pet.json', undefined],
    ['a local file', open, 'file:///etc/passwd', 'a document from a URL never reads local files'],
    ['/dev/zero', open, 'file:///dev/zero', 'a document from a URL never reads local files'],
    ['another scheme', open, 'ftp://api.example.com/pet.json', 'unsupported location ftp://api.example.com/pet.json'],
  ])('a ref to %s', (_name, boundary, target, want) => {
    const refused = boundary.refuseRef(new URL(target));
    if (want === undefined) expect(refused).toBeUndefined();
    else expect(refused).toContain(want);
  });

  test.each([
    ['within the origin', closed, 'https://api.example.com/a', 'https://api.example.com/b', undefined],
    [
      'to another host',
      closed,
      'https://api.example.com/a',
      'https://evil.example.net/b',
      'it redirects to another host (https://evil.example.net), which is not followed',
    ],
    ['to another host with remote refs on', open, 'https://api.example.com/a', 'https://cdn.example.com/b', undefined],
    ['to a file', open, 'https://api.example.com/a', 'file:///etc/passwd', 'it redirects to a file: location, which is never followed'],
  ])('a redirect %s', (_name, boundary, from, to, want) => {
    const refused = boundary.refuseRedirect(new URL(from), new URL(to));
    if (want === undefined) expect(refused).toBeUndefined();
    else expect(refused).toContain(want);
  });

  test('refs may reach public addresses, and internal ones only of the kind the document came from', () => {
    const boundary = new TrustBoundary(root, settings({ allowRemoteRefs: true }));
    boundary.rootCameFrom('93.184.216.34');
    expect(boundary.refuseAddress('cdn.example.com', '151.101.1.1', false)).toBeUndefined();
    expect(boundary.refuseAddress('localhost', '127.0.0.1', false)).toBe(
      'localhost resolves to 127.0.0.1, a loopback address, and a document from https://api.example.com (a public address) may not reach loopback addresses',
    );
    expect(boundary.refuseAddress('metadata', '169.254.169.254', false)).toContain('a link-local address');
    expect(boundary.refuseAddress('x', '::ffff:10.0.0.5', false)).toContain('a private address');
    // The document itself comes from wherever its operator says.
    expect(boundary.refuseAddress('localhost', '127.0.0.1', true)).toBeUndefined();

    const internal = new TrustBoundary(new URL('http://specs.internal/openapi.json'), settings({ allowRemoteRefs: true }));
    internal.rootCameFrom('10.0.0.7');
    expect(internal.refuseAddress('schemas.internal', '10.0.0.8', false)).toBeUndefined();
    expect(internal.refuseAddress('localhost', '127.0.0.1', false)).toContain('a loopback address');
  });
});

describe('TrustBoundary for a local document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trust-boundary-'));
  mkdirSync(join(dir, 'api', 'schemas'), { recursive: true });
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'api', 'schemas', 'pet.json'), '{}');
  writeFileSync(join(dir, 'shared', 'common.json'), '{}');
  writeFileSync(join(dir, 'outside.json'), '{}');
  symlinkSync(join(dir, 'outside.json'), join(dir, 'api', 'escape.json'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = pathToFileURL(join(dir, 'api', 'openapi.yaml'));
  const file = (path: string) => pathToFileURL(join(dir, path));

  test.each([
    ['a file below its folder', {}, 'api/schemas/pet.json', undefined],
    [
      'a file above its folder',
      {},
      'outside.json',
      `is outside the document's folder (${join(dir, 'api')}); start with --allow-ref-dir ${dir} to allow reading that folder`,
    ],
    ['a link leading out of its folder', {}, 'api/escape.json', "is outside the document's folder"],
    ['a file in an allowed folder', { allowRefDirs: [join(dir, 'shared')] }, 'shared/common.json', undefined],
    ['a file next to an allowed folder', { allowRefDirs: [join(dir, 'shared')] }, 'outside.json', "is outside the document's folder"],
  ])('a ref to %s', (_name, options, path, want) => {
    const refused = new TrustBoundary(root, settings(options)).refuseRef(file(path));
    if (want === undefined) expect(refused).toBeUndefined();
    else expect(refused).toContain(want);
  });

  test.each(['file:///dev/zero', 'file:///dev/stdin', 'file:///proc/self/environ', 'file:///sys/kernel/notes'])(
    '%s is refused by name, even from an allowed folder',
    (target) => {
      const boundary = new TrustBoundary(pathToFileURL('/openapi.json'), settings({ allowRefDirs: ['/'] }));
      expect(boundary.refuseRef(new URL(target))).toContain('is a device or system file, which is never read as a document');
    },
  );

  test('remote refs from a local document need --allow-remote-refs and reach public addresses only', () => {
    expect(new TrustBoundary(root, settings()).refuseRef(new URL('https://cdn.example.com/pet.json'))).toContain('remote $refs are off');
    const open = new TrustBoundary(root, settings({ allowRemoteRefs: true }));
    expect(open.refuseRef(new URL('https://cdn.example.com/pet.json'))).toBeUndefined();
    expect(open.refuseAddress('localhost', '127.0.0.1', false)).toBe(
      'localhost resolves to 127.0.0.1, a loopback address, and a document from a local file may not reach loopback addresses',
    );
  });
});
