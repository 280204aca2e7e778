// Tests for the names that say a header carries the user's credential, and those that do not.
import { describe, expect, test } from 'vitest';
import { namesCredential } from '../../src/base/credential-names.js';

describe('namesCredential', () => {
  test.each([
    'Api-Key',
    'Api-Username',
    'trakt-api-key',
    'X-Auth-Token',
    'Token',
    'Password',
    'ClearBlade-UserToken',
    'ClearBlade-DevToken',
    'X-VTEX-API-AppToken',
    'ClearBlade-SystemSecret',
    'PLAID-SECRET',
    'x-amz-sso_bearer_token',
    'PRIVATE-TOKEN',
    'X-Amz-Security-Token',
    'Ocp-Apim-Subscription-Key',
    'Secret',
    'X-API2CRM-USER-KEY',
    'X-API2CRM-APPLICATION-KEY',
    'X-VTEX-API-AppKey',
    'App-Key',
    'app_key',
  ])('%s is a credential', (name) => {
    expect(namesCredential(name)).toBe(true);
  });

  // A page cursor, a CSRF token and AWS's idempotency token are made by the API or the caller, not given by the user.
  test.each([
    'X-Page-Token',
    'X-CSRF-Token',
    'X-Amz-Client-Token',
    'X-Request-Token',
    'Idempotency-Key',
    'X-Secretary',
    'X-Cache-Key',
    'Sort-Key',
    'X-Appkey-Hint',
  ])('%s is not', (name) => {
    expect(namesCredential(name)).toBe(false);
  });
});
