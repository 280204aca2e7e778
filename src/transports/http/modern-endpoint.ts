/**
 * @module 2026-07-28 requests on the hosted endpoint, served by the SDK that speaks that revision: every
 * request stands alone and any replica answers it; the SDK owns discovery, `_meta`, header checks and
 * error codes (https://modelcontextprotocol.io/specification/2026-07-28/basic/transports).
 */
import { describeError } from '../../errors.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, type AuthInfo } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../protocol/call-tool.js';
import { createModernServer } from '../../protocol/modern-server.js';
import type { Runtime } from '../../runtime.js';

export type ModernEndpoint = (req: IncomingMessage, res: ServerResponse, body: unknown, caller: CallerScope) => Promise<void>;

export function createModernEndpoint(runtime: Runtime, options: { jsonResponses: boolean }): ModernEndpoint {
  const handler = createMcpHandler((context) => createModernServer(runtime, callerOf(context.authInfo)), {
    legacy: 'reject',
    responseMode: options.jsonResponses ? 'json' : 'auto',
    onerror: (error) => runtime.logger.debug(`2026-07-28 request: ${describeError(error)}`),
  });
  const serve = toNodeHandler(handler, { onerror: (error) => runtime.logger.error('Serving a 2026-07-28 request failed.', { error: describeError(error) }) });
  return async (req, res, body, caller) => {
    // The SDK hands the request's auth info to the server factory untouched: our caller rides along in it.
    const auth: AuthInfo = { token: '', clientId: caller.principal, scopes: [], extra: { caller } };
    Object.assign(req, { auth });
    await serve(req, res, body);
  };
}

function callerOf(auth: AuthInfo | undefined): CallerScope {
  return (auth?.extra?.caller as CallerScope | undefined) ?? { principal: '' };
}
