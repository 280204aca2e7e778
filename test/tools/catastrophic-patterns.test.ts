// A document's pattern that backtracks catastrophically cannot block the server: its match is given up on in time, once.
import { describe, expect, test } from 'vitest';
import { catalogOf, textOf } from '../support/connect.js';
import { useToolHarness } from '../support/tool-harness.js';
import { testWithin } from '../../src/base/bounded-regexp.js';

const harness = useToolHarness();
const spec = new URL('../fixtures/specs/catastrophic-pattern.yaml', import.meta.url).pathname;
const evil = `${'a'.repeat(40)}!`;

describe('testWithin', () => {
  test('tells a match from a miss, and gives up on a catastrophic one within a bound, then at once', () => {
    expect(testWithin(/^[a-z]+$/u, 'hello')).toBe(true);
    expect(testWithin(/^[a-z]+$/u, 'hello world and more')).toBe(false);
    const slow = /^(b+)+$/u;
    let started = performance.now();
    expect(testWithin(slow, `${'b'.repeat(40)}!`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    started = performance.now();
    expect(testWithin(slow, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20);
  });
});

describe('execute_endpoint with catastrophic patterns', () => {
  test('sends a value whose match cannot be told in time, and still refuses a plain miss', async () => {
    const { call } = await harness.connect({ catalog: await catalogOf(spec), baseUrl: harness.upstream.url });
    const started = performance.now();
    const sent = await call('execute_endpoint', { id: 'createThing', arguments: { body: { name: evil, tags: [`${'word '.repeat(30)}!`] } } });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(sent.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toMatchObject({ name: evil });

    const refused = await call('execute_endpoint', { id: 'createThing', arguments: { body: { name: 'b' } } });
    expect(textOf(refused)).toContain('/body/name');

    // Each pattern is its own: a long value is judged by the pattern of its field.
    const coded = await call('execute_endpoint', { id: 'createThing', arguments: { body: { name: 'aaa', code: 'ABC-123456789012' } } });
    expect(coded.isError).toBeFalsy();
    const miscoded = await call('execute_endpoint', { id: 'createThing', arguments: { body: { name: 'aaa', code: 'abc-123456789012' } } });
    expect(textOf(miscoded)).toContain('/body/code: expected pattern ^[A-Z]{3}-\\d+$');
  });
});
