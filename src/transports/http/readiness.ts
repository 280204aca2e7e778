/** @module /readyz: ready when the document is served and the session store answers; names no internal address (the log has the details). */
import type { ServerResponse } from 'node:http';
import { describeError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { sendJson } from './http-replies.js';

export async function ready(res: ServerResponse, runtime: Runtime, shuttingDown: boolean): Promise<void> {
  try {
    await runtime.store.ping();
    sendJson(res, shuttingDown ? 503 : 200, { ready: !shuttingDown, spec: runtime.catalog.title, endpoints: runtime.catalog.operations.length, store: 'ok' });
  } catch (error) {
    runtime.logger.warn('Not ready: the session store is unreachable.', { error: describeError(error) });
    sendJson(res, 503, { ready: false, spec: runtime.catalog.title, store: 'unreachable' });
  }
}
