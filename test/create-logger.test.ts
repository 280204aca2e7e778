// Tests for the logger: stderr lines as text or JSON, levels, and credential-like fields redacted.
import { describe, expect, test } from 'vitest';
import { createLogger } from '../src/create-logger.js';
import type { LogFormat } from '../src/log.js';

function logged(format: LogFormat, log: (logger: ReturnType<typeof createLogger>) => void, level: 'debug' | 'info' | 'warn' = 'info'): string[] {
  const lines: string[] = [];
  log(createLogger({ level, format, write: (line) => lines.push(line) }));
  return lines;
}

describe('createLogger', () => {
  test('text: one readable line per record, fields as JSON after the message', () => {
    expect(logged('text', (l) => l.warn('Session store read failed.', { error: 'ECONNREFUSED' }))).toEqual([
      '[openapi-dynamic-mcp] warn: Session store read failed. {"error":"ECONNREFUSED"}\n',
    ]);
  });

  test('json: one object per line with level, time and message', () => {
    const [line] = logged('json', (l) => l.info('Serving', { endpoints: 3 }));
    expect(line!.endsWith('\n')).toBe(true);
    expect(JSON.parse(line!)).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), endpoints: 3, msg: 'Serving' });
  });

  test('records below the level are not written', () => {
    expect(logged('text', (l) => (l.debug('detail'), l.info('shown')), 'info')).toEqual(['[openapi-dynamic-mcp] info: shown\n']);
  });

  test.each<LogFormat>(['text', 'json'])('%s: credential-like fields are redacted, at the top and one level down', (format) => {
    const [line] = logged(format, (l) =>
      l.error('failed', { authorization: 'Bearer s3cret', headers: { cookie: 'sid=s3cret', accept: 'application/json' }, token: 's3cret' }),
    );
    expect(line).not.toContain('s3cret');
    expect(line).toContain('[redacted]');
    expect(line).toContain('application/json');
  });
});
