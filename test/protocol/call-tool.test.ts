import { describe, expect, test } from 'vitest';
import { callTool } from '../../src/protocol/call-tool.js';
import { createRuntime } from '../../src/runtime.js';
import { catalogOf, sample, textOf } from '../support/connect.js';
import { realSpecPath } from '../support/real-specs.mjs';
import { serverOptions } from '../support/settings.js';

const runtime = async () => createRuntime(serverOptions({ catalog: await catalogOf(sample), baseUrl: 'http://127.0.0.1:9/api/v3' }));
const sessionOf = (result: { structuredContent?: Record<string, unknown> }) => result.structuredContent?.session as string;

describe('the session handle of every tool call', () => {
  test('a call without one gets a fresh handle, named in the text; passing it back keeps it and the text quiet', async () => {
    const rt = await runtime();
    const first = await callTool(rt, { principal: '' }, 'list_endpoints', { query: 'find pets by tag' });
    const handle = sessionOf(first);
    expect(handle).toMatch(/^[A-Za-z0-9_-]{22}\./);
    expect(textOf(first)).toContain(`session: ${handle} (pass it back as "session" on later calls; it is named again only if it changes)`);
    const second = await callTool(rt, { principal: '' }, 'list_endpoints', { query: 'find pets by tag', session: handle });
    expect(sessionOf(second)).toBe(handle);
    expect(textOf(second)).not.toContain('session:');
  });

  test('the handle carries the conversation: a repair error after describe is shorter than without the handle', async () => {
    const rt = await runtime();
    const described = await callTool(rt, { principal: '' }, 'describe_endpoint', { ids: ['addPet'] });
    const handle = sessionOf(described);
    const withHandle = await callTool(rt, { principal: '' }, 'execute_endpoint', { id: 'addPet', arguments: { body: {} }, session: handle });
    const without = await callTool(rt, { principal: '' }, 'execute_endpoint', { id: 'addPet', arguments: { body: {} } });
    expect(withHandle.isError).toBe(true);
    expect(sessionOf(withHandle)).toBe(handle);
    expect(textOf(withHandle)).not.toContain('schema:');
    expect(textOf(without)).toContain('schema: {"type":"string"}');
    expect(textOf(withHandle).length).toBeLessThan(textOf(without).length);
  });

  test.each([
    ['made up', () => 'my-own-session'],
    ['not a string', () => 42],
  ])('a %s handle is never an error: the call works and a fresh handle comes back', async (_name, given) => {
    const rt = await runtime();
    const result = await callTool(rt, { principal: '' }, 'list_endpoints', { session: given() });
    expect(result.isError).toBeFalsy();
    expect(sessionOf(result)).toMatch(/^[A-Za-z0-9_-]{22}\./);
    expect(textOf(result)).toContain('pass it back as "session"');
  });

  test("another principal's handle, or an ended one, is replaced by a fresh one", async () => {
    const rt = await runtime();
    const alices = sessionOf(await callTool(rt, { principal: 'alice' }, 'list_endpoints', {}));
    const bobs = await callTool(rt, { principal: 'bob' }, 'list_endpoints', { session: alices });
    expect(sessionOf(bobs)).not.toBe(alices);
    expect(bobs.structuredContent).toHaveProperty('tags'); // bob's conversation starts afresh
    await rt.store.end(alices, 60);
    expect(sessionOf(await callTool(rt, { principal: 'alice' }, 'list_endpoints', { session: alices }))).not.toBe(alices);
  });

  test("without a handle, the transport's key carries the conversation and is what results name", async () => {
    const rt = await runtime();
    const key = rt.handles.mint('');
    const first = await callTool(rt, { principal: '', transportKey: key }, 'list_endpoints', {});
    const second = await callTool(rt, { principal: '', transportKey: key }, 'list_endpoints', {});
    expect([sessionOf(first), sessionOf(second)]).toEqual([key, key]);
    expect(first.structuredContent).toHaveProperty('tags');
    expect(second.structuredContent).not.toHaveProperty('tags');
    expect(textOf(second)).not.toContain('session:');
  });

  test('a store that fails never fails the call: the handle comes back and the state is simply not kept', async () => {
    const rt = await runtime();
    const failing = () => Promise.reject(new Error('store down'));
    Object.assign(rt.store, { get: failing, record: failing, isEnded: failing });
    const handle = rt.handles.mint('');
    const result = await callTool(rt, { principal: '' }, 'list_endpoints', { session: handle });
    expect(result.isError).toBeFalsy();
    expect(sessionOf(result)).toBe(handle);
  });
});

describe('the conversation steers search', () => {
  test("after issues/create was described, 'add a comment' brings issues/create-comment first; without the handle it does not", async () => {
    const rt = createRuntime(serverOptions({ catalog: await catalogOf(realSpecPath('github')) }));
    const handle = sessionOf(await callTool(rt, { principal: '' }, 'describe_endpoint', { ids: ['issues/create'] }));
    const firstOf = (result: { structuredContent?: Record<string, unknown> }) => (result.structuredContent as { endpoints: { id: string }[] }).endpoints[0]!.id;
    const steered = await callTool(rt, { principal: '' }, 'list_endpoints', { query: 'add a comment', limit: 3, session: handle });
    const plain = await callTool(rt, { principal: '' }, 'list_endpoints', { query: 'add a comment', limit: 3 });
    expect(firstOf(steered)).toBe('issues/create-comment');
    expect(firstOf(plain)).not.toBe('issues/create-comment');
    // The next page ranks as the first did, whatever the conversation does in between.
    const cursor = (steered.structuredContent as { nextCursor: string }).nextCursor;
    await callTool(rt, { principal: '' }, 'describe_endpoint', { ids: ['gists/create'], session: handle });
    const page2 = await callTool(rt, { principal: '' }, 'list_endpoints', { query: 'add a comment', limit: 3, cursor, session: handle });
    const all = await callTool(rt, { principal: '' }, 'list_endpoints', {
      query: 'add a comment',
      limit: 6,
      cursor: undefined,
      session: sessionOf(await callTool(rt, { principal: '' }, 'describe_endpoint', { ids: ['issues/create'] })),
    });
    const ids = (r: { structuredContent?: Record<string, unknown> }) => (r.structuredContent as { endpoints: { id: string }[] }).endpoints.map((e) => e.id);
    expect([...ids(steered), ...ids(page2)]).toEqual(ids(all));
  });
});
