// Tests for the auth line of describe_endpoint: alternatives, each a set of schemes, said once each.
import { describe, expect, test } from 'vitest';
import { securityText } from '../../src/auth/describe-security.js';
import type { SchemeUse } from '../../src/auth/schemes/scheme-use.js';

const oauth = (name: string, scopes: string[]): SchemeUse => ({ name, type: 'oauth2', scopes, configured: true });

describe('securityText', () => {
  test('alternatives that differ only in scopes, which it leaves out, are said once', () => {
    const alternatives = ['youtube', 'youtube.force-ssl', 'youtube.readonly'].map((scope) => [oauth('Oauth2', [scope]), oauth('Oauth2c', [scope])]);
    expect(securityText(alternatives)).toBe('Oauth2 (oauth2, configured) + Oauth2c (oauth2, configured)');
  });

  test('different alternatives are all said', () => {
    expect(securityText([[oauth('Oauth2', ['a'])], [oauth('Oauth2c', ['a'])]])).toBe('Oauth2 (oauth2, configured) or Oauth2c (oauth2, configured)');
  });

  test('no alternative: none', () => {
    expect(securityText([])).toBe('none');
  });

  test('an optional requirement none of whose schemes is set reads as none needed; one partly set, or a key the model may pass, keeps its how-to', () => {
    const unset = (name: string): SchemeUse => ({ name, type: 'oauth2', scopes: [], configured: false });
    expect(securityText([[unset('A'), unset('B')]], true)).toBe('none needed (A, B: optional, not configured)');
    expect(securityText([[oauth('A', []), unset('B')]], true)).toMatch(/^A \(oauth2, configured\) \+ B \(oauth2, not configured: .*\), or none$/);
    const key: SchemeUse = { name: 'key', type: 'apiKey', in: 'query', parameterName: 'key', configured: false, asArgument: true };
    expect(securityText([[key]], true)).toContain('pass it as the argument "key"');
  });
});
