// One local upstream per test file and a fresh in-memory client per test: the hooks every tool test needs.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { connectInMemory, type Connected } from './connect.js';
import type { TestServerOptions } from './settings.js';
import { echo, startUpstream, type Upstream } from './upstream.js';

export interface ToolHarness {
  /** Set before the first test runs. */
  readonly upstream: Upstream;
  /** Connects a real client to a real server; the latest one is closed after the test. */
  connect(options: TestServerOptions): Promise<Connected>;
}

export function useToolHarness(): ToolHarness {
  let upstream: Upstream | undefined;
  let connected: Connected | undefined;
  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterAll(() => upstream?.close());
  afterEach(async () => {
    await connected?.close();
    connected = undefined;
    upstream!.requests.length = 0;
    upstream!.respond(echo);
  });
  return {
    get upstream() {
      return upstream!;
    },
    connect: async (options) => (connected = await connectInMemory(options)),
  };
}
