// Tests for the 2025-era session lifecycle without a socket: minted at initialize, verified after, ended by DELETE.
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/create-logger.js';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { SessionHandles } from '../../src/session/session-handles.js';
import type { SessionStore } from '../../src/session/session-store.js';
import { SessionLifecycle } from '../../src/transports/http/session-lifecycle.js';

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} };
const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list' };

function lifecycle(store: SessionStore = new MemorySessionStore({ ttlSeconds: 60 }), now = () => Date.now()) {
  const warnings: string[] = [];
  const logger = createLogger({ level: 'warn', write: (line) => warnings.push(line) });
  const handles = new SessionHandles('a secret shared by every replica, 32+ characters', 86_400_000, now);
  return { sessions: new SessionLifecycle({ handles, store, logger, endedTtlSeconds: 86_400 }), handles, warnings };
}

/** A store whose every call fails, as memcached does when it is down. */
const downStore = new Proxy(new MemorySessionStore({ ttlSeconds: 60 }), {
  get: (target, name) =>
    name === 'end' || name === 'isEnded' ? () => Promise.reject(new Error('memcached 10.0.0.1:11211: connection refused')) : Reflect.get(target, name),
});

describe('SessionLifecycle', () => {
  test('initialize mints a session bound to the caller, any other request needs its id', async () => {
    const { sessions, handles } = lifecycle();
    const opened = await sessions.open([initialize], undefined, 'alice');
    expect(opened).toMatchObject({ ok: true, event: 'created' });
    const id = opened.ok ? opened.sessionId : '';
    expect(handles.verify(id, 'alice').valid).toBe(true);
    expect(await sessions.open([listTools], id, 'alice')).toEqual({ ok: true, sessionId: id, event: 'resumed' });
  });

  test.each([
    ['no id', undefined, 'alice', { ok: false, status: 400 }],
    ['an id that is not ours', 'AAAAAAAAAAAAAAAAAAAAAA.k0.AAAAAAAAAAAAAAAAAAAAAA', 'alice', { ok: false, status: 404, event: 'rejected' }],
  ])('a request with %s is refused', async (_name, id, principal, want) => {
    const { sessions } = lifecycle();
    expect(await sessions.open([listTools], id, principal)).toMatchObject(want);
  });

  test("another caller's session id is not found", async () => {
    const { sessions } = lifecycle();
    const opened = await sessions.open([initialize], undefined, 'alice');
    expect(await sessions.open([listTools], opened.ok ? opened.sessionId : '', 'bob')).toMatchObject({ ok: false, status: 404, event: 'rejected' });
  });

  test('an ended session stays ended, on any replica sharing the store', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    const one = lifecycle(store);
    const other = lifecycle(store);
    const opened = await one.sessions.open([initialize], undefined, 'alice');
    const id = opened.ok ? opened.sessionId : '';
    expect(await other.sessions.end(id, 'alice')).toEqual({ ok: true, event: 'ended' });
    expect(await one.sessions.open([listTools], id, 'alice')).toMatchObject({ ok: false, status: 404 });
  });

  test('ending an unknown or foreign session is not found', async () => {
    const { sessions } = lifecycle();
    const opened = await sessions.open([initialize], undefined, 'alice');
    expect(await sessions.end(undefined, 'alice')).toMatchObject({ ok: false, status: 404 });
    expect(await sessions.end(opened.ok ? opened.sessionId : '', 'bob')).toMatchObject({ ok: false, status: 404 });
  });

  test('a store that is down: sessions go on without their state, and a DELETE asks to be retried', async () => {
    const { sessions, warnings } = lifecycle(downStore);
    const opened = await sessions.open([initialize], undefined, 'alice');
    const id = opened.ok ? opened.sessionId : '';
    expect(await sessions.open([listTools], id, 'alice')).toMatchObject({ ok: true, event: 'resumed' });
    expect(warnings.join('')).toContain('serving it without stored state');
    expect(await sessions.end(id, 'alice')).toEqual({
      ok: false,
      status: 503,
      message: 'The session was not ended: memcached 10.0.0.1:11211: connection refused Retry the DELETE.',
      retryAfterSeconds: 5,
    });
  });

  test('a session past its maximum age is not found', async () => {
    let now = Date.now();
    const { sessions } = lifecycle(undefined, () => now);
    const opened = await sessions.open([initialize], undefined, 'alice');
    now += 86_400_000 + 1000;
    expect(await sessions.open([listTools], opened.ok ? opened.sessionId : '', 'alice')).toMatchObject({ ok: false, status: 404 });
  });
});
