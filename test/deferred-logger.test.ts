import { describe, expect, test } from 'vitest';
import { createDeferredLogger } from '../src/deferred-logger.js';

describe('the deferred logger (pino loads after startup)', () => {
  test('keeps records until it starts, then writes them in order', async () => {
    const lines: string[] = [];
    const logger = createDeferredLogger({ level: 'info', format: 'json', write: (line) => lines.push(line) });
    logger.info('first');
    logger.debug('below the level');
    logger.info('second', { n: 2 });
    expect(lines).toEqual([]);
    logger.startAfter(0);
    await expect.poll(() => lines.length).toBe(2);
    expect(lines.map((l) => JSON.parse(l) as { msg: string }).map((r) => r.msg)).toEqual(['first', 'second']);
    logger.info('third');
    expect(JSON.parse(lines[2]!)).toMatchObject({ level: 'info', msg: 'third' });
  });

  test('a warning is not held back: it loads pino at once', async () => {
    const lines: string[] = [];
    const logger = createDeferredLogger({ level: 'info', format: 'text', write: (line) => lines.push(line) });
    logger.info('before');
    logger.warn('a problem');
    await expect.poll(() => lines).toEqual(['[openapi-dynamic-mcp] info: before\n', '[openapi-dynamic-mcp] warn: a problem\n']);
  });

  test('flush writes what was kept, for a process about to end on an error', async () => {
    const lines: string[] = [];
    const logger = createDeferredLogger({ level: 'info', format: 'json', write: (line) => lines.push(line) });
    logger.info('loading');
    await logger.flush();
    expect(lines).toHaveLength(1);
  });

  test('silent keeps nothing and never loads pino', async () => {
    const lines: string[] = [];
    const logger = createDeferredLogger({ level: 'silent', format: 'json', write: (line) => lines.push(line) });
    logger.error('ignored');
    logger.startAfter(0);
    await logger.flush();
    expect(lines).toEqual([]);
  });
});
