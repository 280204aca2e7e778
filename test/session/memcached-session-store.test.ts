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

const namespace = () => `t${Date.now()}${Math.random()}`;
const store = (servers = [memcached.address], extra = {}) => new MemcachedSessionStore({ servers, namespace: namespace(), ttlSeconds: 3600, ...extra });

describe('MemcachedSessionStore (real memcached)', () => {
  test('records facts and reads the state they add up to; unknown keys are undefined', async () => {
    const s = store();
    expect(await s.get('nope')).toBeUndefined();
    await s.record('a', [{ described: 'x' }]);
    await s.record('a', [{ described: 'y' }, { executed: 'z' }, { tagOverviewShown: true }]);
    expect(await s.get('a')).toEqual({ described: ['x', 'y'], recent: ['x', 'y', 'z'], tagOverviewShown: true });
    await s.close();
  });

  test('fifty writers on two stores (two replicas) recording into one conversation at once lose nothing', async () => {
    const shared = namespace();
    const a = new MemcachedSessionStore({ servers: [memcached.address], namespace: shared, ttlSeconds: 3600 });
    const b = new MemcachedSessionStore({ servers: [memcached.address], namespace: shared, ttlSeconds: 3600 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).record('shared', [{ described: `id-${i}` }])));
    const final = await a.get('shared');
    expect(final?.described.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `id-${i}`).sort());
    await Promise.all([a.close(), b.close()]);
  });

  test('a long fact log is compacted on read and still adds up to the same state', async () => {
    const s = store();
    for (let i = 0; i < 60; i++) await s.record('long', [{ described: `operation-with-a-long-identifier-number-${i % 20}` }, { executed: `x${i}` }]);
    const before = await s.get('long');
    await new Promise((r) => setTimeout(r, 50)); // the compaction is written after the read
    expect(await s.get('long')).toEqual(before);
    expect(before?.described).toHaveLength(20);
    await s.close();
  });

  test('an ended conversation leaves a tombstone; its state is gone', async () => {
    const s = store();
    await s.record('gone', [{ described: 'x' }]);
    await s.end('gone', 60);
    expect(await s.get('gone')).toBeUndefined();
    expect(await s.isEnded('gone')).toBe(true);
    expect(await s.isEnded('other')).toBe(false);
    await s.close();
  });

  test('with two servers a tombstone outlives the restart of either, and the replica that ended it remembers it even with both emptied', async () => {
    const servers = [memcached.address, second.address];
    const shared = namespace();
    const ender = new MemcachedSessionStore({ servers, namespace: shared, ttlSeconds: 3600 });
    const other = new MemcachedSessionStore({ servers, namespace: shared, ttlSeconds: 3600 });
    await ender.end('ended-twice', 600);
    await memcached.restart();
    expect(await other.isEnded('ended-twice')).toBe(true);
    await ender.end('ended-again', 600);
    await second.restart();
    expect(await other.isEnded('ended-again')).toBe(true);
    await memcached.restart();
    expect(await other.isEnded('ended-again')).toBe(false); // both copies lost: only the ending replica still knows
    expect(await ender.isEnded('ended-again')).toBe(true);
    await Promise.all([ender.close(), other.close()]);
  });

  test('a continuation larger than one memcached item is split and read back whole, only by its owner', async () => {
    const s = store();
    const text = 'x'.repeat(2_500_000);
    await s.saveContinuation('owner', 'k1', { operationId: 'op', status: 200, text }, 60);
    expect((await s.loadContinuation('owner', 'k1'))?.text).toBe(text);
    expect(await s.loadContinuation('someone-else', 'k1')).toBeUndefined();
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
    for (let i = 0; i < 20; i++) await s.record(`s${i}`, [{ described: `d${i}` }]);
    for (let i = 0; i < 20; i++) expect((await s.get(`s${i}`))?.described).toEqual([`d${i}`]);
    await s.close();
  });

  test('a memcached that is down gives a clear SessionStoreError quickly, not a hang', async () => {
    const dead = await startMemcached();
    await dead.stop();
    const s = store([dead.address], { timeoutSeconds: 0.3 });
    const started = Date.now();
    await expect(s.get('x')).rejects.toThrow(SessionStoreError);
    await expect(s.end('x', 60)).rejects.toThrow(SessionStoreError);
    await expect(s.ping()).rejects.toThrow(/could not reach: /);
    expect(Date.now() - started).toBeLessThan(5000);
    await s.close();
  });
});
