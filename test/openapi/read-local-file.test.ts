import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/openapi/read-local-file.js';

const dir = mkdtempSync(join(tmpdir(), 'read-local-file-'));
const limits = (maxBytes: number) => ({ maxBytes, tooLarge: () => `it is larger than ${maxBytes} bytes`, timeoutMs: 5000 });

describe('readDocumentFile on a regular file', () => {
  it('reads every byte of a file of several megabytes', async () => {
    const path = join(dir, 'large.json');
    const text = JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => `item-${i}`) });
    writeFileSync(path, text);
    const bytes = await readDocumentFile(path, limits(50_000_000));
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.toString('utf8')).toBe(text);
  });

  it('reads a file exactly at the limit, and refuses one a byte over it', async () => {
    const path = join(dir, 'edge.txt');
    writeFileSync(path, 'x'.repeat(100));
    expect((await readDocumentFile(path, limits(100))).length).toBe(100);
    await expect(readDocumentFile(path, limits(99))).rejects.toThrow('it is larger than 99 bytes');
  });

  it('reads an empty file as no bytes', async () => {
    const path = join(dir, 'empty.json');
    writeFileSync(path, '');
    expect((await readDocumentFile(path, limits(10))).length).toBe(0);
  });
});
