/**
 * @module Serves MCP over stdin/stdout, one era per connection: the opening message is classified by the
 * 2026-07-28 SDK's own rule, then the connection is served by the SDK of that era. Logs go to stderr.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { StdioServerTransport as LegacyStdioTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { classifyInboundRequest } from '@modelcontextprotocol/server';
import { serveStdio as serveModernStdio, StdioServerTransport as ModernStdioTransport } from '@modelcontextprotocol/server/stdio';
import { createLegacyServer } from '../protocol/legacy-server.js';
import { createModernServer } from '../protocol/modern-server.js';
import type { Runtime } from '../runtime.js';

export interface StdioStreams {
  input: Readable;
  output: Writable;
}

/** Serves one connection; resolves when the client disconnects (input ends). */
export async function serveStdio(runtime: Runtime, streams: StdioStreams = { input: process.stdin, output: process.stdout }): Promise<void> {
  const opening = await readOpening(streams.input);
  if (opening === undefined) return;
  // The bytes already read go first, then the rest of the input, to whichever SDK serves the connection.
  const input = new PassThrough();
  input.write(opening.bytes);
  streams.input.pipe(input);
  const ended = new Promise<void>((resolve) => {
    input.once('end', resolve);
    input.once('close', resolve);
  });

  if (isLegacyOpening(opening.line)) {
    // A 2025-era connection is one conversation: calls without a `session` share this handle.
    const server = createLegacyServer(runtime, { principal: '', transportKey: runtime.handles.mint('') });
    const closed = new Promise<void>((resolve) => (server.onclose = resolve));
    await server.connect(new LegacyStdioTransport(input, streams.output));
    await Promise.race([ended, closed]);
    await server.close();
  } else {
    const handle = serveModernStdio(() => createModernServer(runtime, { principal: '' }), {
      legacy: 'reject',
      transport: new ModernStdioTransport(input, streams.output),
      onerror: (error) => runtime.logger.debug(`stdio: ${error.message}`),
    });
    await ended;
    await handle.close();
  }
}

/** The first line and every byte read so far; undefined when the input ends before a line arrives. */
function readOpening(input: Readable): Promise<{ line: string; bytes: Buffer } | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer | string) => {
      chunks.push(Buffer.from(chunk));
      const bytes = Buffer.concat(chunks);
      const newline = bytes.indexOf(0x0a);
      if (newline === -1) return;
      stop();
      resolve({ line: bytes.subarray(0, newline).toString('utf8'), bytes });
    };
    const onEnd = () => {
      stop();
      resolve(undefined);
    };
    // Not `for await`: leaving that loop would destroy the stream the SDK reads next.
    const stop = () => {
      input.off('data', onData).off('end', onEnd).off('close', onEnd);
      input.pause();
    };
    input.on('data', onData).once('end', onEnd).once('close', onEnd);
  });
}

/** A 2025-era opening: initialize, or any message without the per-request `_meta` envelope claim. */
function isLegacyOpening(line: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(line);
  } catch {
    return true; // the 2025 SDK answers a parse error as every client expects
  }
  return classifyInboundRequest({ httpMethod: 'POST', body }).kind === 'legacy';
}
