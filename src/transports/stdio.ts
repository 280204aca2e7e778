/**
 * @module Serves MCP over stdin/stdout, one era per connection, each on the SDK that speaks it. Every
 * 2025-era connection opens with initialize (https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle);
 * any other opening goes to the 2026-07-28 SDK, which answers it, errors included. Only the SDK a
 * connection needs is loaded. Logs go to stderr.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { Runtime } from '../runtime.js';

export interface StdioStreams {
  input: Readable;
  output: Writable;
}

/** A connection whose era is known and whose SDK is loaded, ready to be served. */
export interface AcceptedStdio {
  /** Serves the connection; resolves when the client disconnects (input ends). */
  serve(runtime: Runtime): Promise<void>;
}

/**
 * Reads the opening message and loads the SDK of its era, while the caller loads the document: the two
 * overlap. Undefined when the input ends before a message arrives.
 */
export async function acceptStdio(streams: StdioStreams = { input: process.stdin, output: process.stdout }): Promise<AcceptedStdio | undefined> {
  // Most clients still open with initialize: their SDK starts loading at once, its reads overlapping the document's.
  const legacy = import('./stdio-legacy.js');
  const opening = await readOpening(streams.input);
  if (opening === undefined) return undefined;
  const sdk = isInitialize(opening.line) ? (await legacy).serveLegacyStdio : (await import('./stdio-modern.js')).serveModernStdio;
  return {
    serve: (runtime) => {
      // The bytes already read go first, then the rest of the input, to the SDK that serves the connection.
      const input = new PassThrough();
      input.write(opening.bytes);
      streams.input.pipe(input);
      const ended = new Promise<void>((resolve) => {
        input.once('end', resolve);
        input.once('close', resolve);
      });
      return sdk(runtime, { input, output: streams.output, ended });
    },
  };
}

/** Serves one connection; resolves when the client disconnects (input ends). */
export async function serveStdio(runtime: Runtime, streams?: StdioStreams): Promise<void> {
  await (await acceptStdio(streams))?.serve(runtime);
}

export interface StdioConnection {
  input: Readable;
  output: Writable;
  /** Settles when the client closes its end. */
  ended: Promise<void>;
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

function isInitialize(line: string): boolean {
  try {
    const message = JSON.parse(line) as { method?: unknown } | null;
    return message?.method === 'initialize';
  } catch {
    return false; // not JSON: the 2026-07-28 SDK answers the parse error
  }
}
