// Tests for the request target shown after a call: path and query as sent, credentials masked.
import { describe, expect, test } from 'vitest';
import { sentTarget } from '../../src/tools/sent-target.js';

describe('sentTarget', () => {
  test('is the path alone without a query, and path and query as sent with one', () => {
    expect(sentTarget(new URL('https://api.test/v2/droplets/42'))).toBe('/v2/droplets/42');
    expect(sentTarget(new URL('https://api.test/me/player/volume?volume_percent=30&device_id=a%20b'))).toBe(
      '/me/player/volume?volume_percent=30&device_id=a%20b',
    );
  });

  test('masks the values of parameters named like credentials, and of those the document names as its keys', () => {
    const url = new URL('https://api.test/cards?key=k123&token=t456&api_key=x&access_token=y&sig=z&keyword=cats&monkey=1&k=secret');
    expect(sentTarget(url, new Set(['k']))).toBe('/cards?key=***&token=***&api_key=***&access_token=***&sig=***&keyword=cats&monkey=1&k=***');
  });

  test('shows a key that names something rather than opening a door', () => {
    const url = new URL('https://api.test/maker42/groups/sensors/add?feed_key=temperature&sort_key=date&client_key=c1&private_key=p2');
    expect(sentTarget(url)).toBe('/maker42/groups/sensors/add?feed_key=temperature&sort_key=date&client_key=***&private_key=***');
    const doors = new URL('https://api.test/x?subscription-key=a&user_key=b&api_dev_key=c&api_sig=d&x-auth=e&account_key=f&signing_key=g');
    expect(sentTarget(doors)).toBe('/x?subscription-key=***&user_key=***&api_dev_key=***&api_sig=***&x-auth=***&account_key=***&signing_key=***');
  });

  test('shortens a long query', () => {
    const shown = sentTarget(new URL(`https://api.test/search?q=${'a'.repeat(500)}`));
    expect(shown.length).toBeLessThan(260);
    expect(shown.endsWith('…')).toBe(true);
  });
});
