/**
 * @module 2025-era requests on the hosted endpoint (clients that open with initialize), served by the SDK
 * that speaks those revisions. A fresh server and stateless transport per request; we own the Mcp-Session-Id:
 * a session handle any replica verifies by HMAC, with the conversation's state in the shared store
 * (https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { describeError } from '../../errors.js';
import type { ServerMetrics } from '../../observability/metrics.js';
import type { CallerScope } from '../../protocol/call-tool.js';
import { createLegacyServer } from '../../protocol/legacy-server.js';
import type { Runtime } from '../../runtime.js';
import { jsonRpcError, sendJson } from './http-replies.js';

export interface LegacyEndpointOptions {
  runtime: Runtime;
  metrics: ServerMetrics;
  jsonResponses: boolean;
  /** How long an ended session's tombstone is kept: its id's whole possible lifetime. */
  endedTtlSeconds: number;
}

export interface LegacyEndpoint {
  post(req: IncomingMessage, res: ServerResponse, body: unknown, caller: CallerScope): Promise<void>;
  end(req: IncomingMessage, res: ServerResponse, caller: CallerScope): Promise<void>;
}

export function createLegacyEndpoint(options: LegacyEndpointOptions): LegacyEndpoint {
  const { runtime, metrics } = options;
  const { handles, store, logger } = runtime;

  /** Valid HMAC for this caller, within its lifetime, not ended. A missing record is fine: it starts afresh. */
  async function usable(id: string, principal: string): Promise<boolean> {
    if (!handles.verify(id, principal).valid) return false;
    try {
      return !(await store.isEnded(id));
    } catch (error) {
      // The store is down: serve the session without its state rather than refuse it.
      logger.warn('Session store unavailable while checking a session; serving it without stored state.', { error: describeError(error) });
      return true;
    }
  }

  return {
    async post(req, res, body, caller) {
      const messages = Array.isArray(body) ? body : [body];
      let sessionId: string;
      if (messages.some((m) => (m as { method?: unknown }).method === 'initialize')) {
        sessionId = handles.mint(caller.principal);
        res.setHeader('mcp-session-id', sessionId);
        metrics.sessions.inc({ event: 'created' });
      } else {
        const given = req.headers['mcp-session-id'];
        if (typeof given !== 'string' || !given) {
          return sendJson(res, 400, jsonRpcError(-32000, 'Bad Request: the Mcp-Session-Id header is required; send initialize first to get one.'));
        }
        if (!(await usable(given, caller.principal))) {
          metrics.sessions.inc({ event: 'rejected' });
          return sendJson(res, 404, jsonRpcError(-32001, 'Session not found: it expired or was ended. Send initialize to start a new session.'));
        }
        metrics.sessions.inc({ event: 'resumed' });
        sessionId = given;
      }
      const server = createLegacyServer(runtime, { ...caller, transportKey: sessionId });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: options.jsonResponses });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    },

    async end(req, res, caller) {
      const id = req.headers['mcp-session-id'];
      if (typeof id !== 'string' || !handles.verify(id, caller.principal).valid) return sendJson(res, 404, jsonRpcError(-32001, 'Session not found.'));
      try {
        await store.end(id, options.endedTtlSeconds);
      } catch (error) {
        // Saying "ended" here would be a lie every other replica could expose: the client should retry.
        return sendJson(res, 503, jsonRpcError(-32000, `The session was not ended: ${describeError(error).split('\n')[0]} Retry the DELETE.`), { 'retry-after': '5' });
      }
      metrics.sessions.inc({ event: 'ended' });
      res.writeHead(200).end();
    },
  };
}
