import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionStoreError } from '../../src/errors.js';
import { MemcachedSessionStore } from '../../src/session/memcached-session-store.js';
import { pickServer } from '../../src/session/rendezvous.js';
import { startMemcached, type Memcached } from '../support/memcached.js';

let memcached: Memcached;
let second: Memcached;
beforeAll(async () => {
  [memcached, second] = await Promise.all([startMemcached(), startMemcached()]);
});
afterAll(async () => {
  await Promise.all([memcached.stop(), second.stop()]);
});

const store = (servers = [memcached.address], extra = {}) => new MemcachedSessionStore({ servers, namespace: `t${Date.now()}${Math.random()}`, ...extra });

describe('MemcachedSessionStore (real memcached)', () => {
  test('stores, updates and reads a session; unknown sessions are undefined', async () => {
    const s = store();
    expect(await s.get('nope')).toBeUndefined();
    await s.update('a', (st) => ({ ...st, described: ['x'] }));
    await s.update('a', (st) => ({ ...st, described: [...st.described, 'y'] }));
    expect((await s.get('a'))?.described).toEqual(['x', 'y']);
    await s.close();
  });

  test('two stores (two replicas) updating one session concurrently lose no write', async () => {
    const namespace = `cas${Date.now()}`;
    const a = new MemcachedSessionStore({ servers: [memcached.address], namespace, maxCasAttempts: 200 });
    const b = new MemcachedSessionStore({ servers: [memcached.address], namespace, maxCasAttempts: 200 });
    const writes = Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).update('shared', (st) => ({ ...st, described: [...st.described, `id-${i}`] })));
    await Promise.all(writes);
    const final = await a.get('shared');
    expect(final?.described.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `id-${i}`).sort());
    await Promise.all([a.close(), b.close()]);
  });

  test('an ended session leaves a tombstone', async () => {
    const s = store();
    await s.update('gone', (st) => st);
    await s.end('gone', 60);
    expect(await s.get('gone')).toBeUndefined();
    expect(await s.isEnded('gone')).toBe(true);
    expect(await s.isEnded('other')).toBe(false);
    await s.close();
  });

  test('a continuation larger than one memcached item is split and read back whole', async () => {
    const s = store();
    const text = 'x'.repeat(2_500_000);
    await s.saveContinuation('sess', 'k1', { operationId: 'op', status: 200, text }, 60);
    expect((await s.loadContinuation('sess', 'k1'))?.text).toBe(text);
    expect(await s.loadContinuation('other-session', 'k1')).toBeUndefined();
    await s.close();
  });

  test('keys spread over several servers by rendezvous hashing; adding a server moves only its share', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key-${i}`);
    const three = ['a:1', 'b:1', 'c:1'];
    const four = [...three, 'd:1'];
    const moved = keys.filter((k) => three[pickServer(k, three)] !== four[pickServer(k, four)]);
    expect(moved.length / keys.length).toBeGreaterThan(0.15);
    expect(moved.length / keys.length).toBeLessThan(0.35);
    expect(moved.every((k) => four[pickServer(k, four)] === 'd:1')).toBe(true);
  });

  test('works across two real servers', async () => {
    const s = store([memcached.address, second.address]);
    for (let i = 0; i < 20; i++) await s.update(`s${i}`, (st) => ({ ...st, described: [`d${i}`] }));
    for (let i = 0; i < 20; i++) expect((await s.get(`s${i}`))?.described).toEqual([`d${i}`]);
    await s.close();
  });

  test('a memcached that is down gives a clear SessionStoreError quickly, not a hang', async () => {
    const dead = await startMemcached();
    await dead.stop();
    const s = store([dead.address], { timeoutSeconds: 0.3 });
    const started = Date.now();
    await expect(s.get('x')).rejects.toThrow(SessionStoreError);
    await expect(s.ping()).rejects.toThrow(/could not reach: /);
    expect(Date.now() - started).toBeLessThan(5000);
    await s.close();
  });
});
