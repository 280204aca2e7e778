import { describe, expect, test } from 'vitest';
import { SessionHandles } from '../../src/session/session-handles.js';

describe('SessionHandles', () => {
  const handles = new SessionHandles('a-secret-shared-by-every-replica-0123456789', 60_000);

  test('a minted handle has 128 random bits and verifies for its principal only', () => {
    const handle = handles.mint('alice');
    expect(handle).toMatch(/^[A-Za-z0-9_-]{22}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(handle.split('.')[0]!, 'base64url')).toHaveLength(16);
    expect(handles.verify(handle, 'alice').valid).toBe(true);
    expect(handles.verify(handle, 'bob')).toEqual({ valid: false, reason: 'forged' });
    expect(handles.mint('alice')).not.toBe(handle);
  });

  test('another secret (another deployment) does not accept it', () => {
    const handle = handles.mint('');
    expect(new SessionHandles('another-secret-of-another-deployment-0123', 60_000).verify(handle, '')).toEqual({ valid: false, reason: 'forged' });
  });

  test('a handle past its lifetime, or issued in the future, is expired', () => {
    let now = 1_000_000_000;
    const clocked = new SessionHandles('a-secret-shared-by-every-replica-0123456789', 60_000, () => now);
    const handle = clocked.mint('');
    now += 60_001;
    expect(clocked.verify(handle, '')).toEqual({ valid: false, reason: 'expired' });
    now -= 200_000;
    expect(clocked.verify(handle, '')).toEqual({ valid: false, reason: 'expired' });
  });

  test.each([
    ['empty', ''],
    ['made up', 'my-session'],
    ['too long', `${'a'.repeat(22)}.1.${'b'.repeat(23)}`],
    ['wrong mac', `${'a'.repeat(22)}.k0.${'b'.repeat(22)}`],
  ])('a %s handle is refused without throwing', (_name, handle) => {
    expect(handles.verify(handle, '').valid).toBe(false);
  });
});
