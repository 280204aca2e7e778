/**
 * @module 2025-era requests on the hosted endpoint (clients that open with initialize), served by the SDK
 * that speaks those revisions: a fresh server and stateless transport per request, under the Mcp-Session-Id
 * the session lifecycle decides on, with the conversation's state in the shared store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { CallerScope } from '../../protocol/call-tool.js';
import { createLegacyServer } from '../../protocol/legacy-server.js';
import type { Runtime } from '../../runtime.js';
import { jsonRpcError, sendJson } from './http-replies.js';
import type { SessionEvent, SessionLifecycle } from './session-lifecycle.js';

export interface LegacyEndpointOptions {
  runtime: Runtime;
  sessions: SessionLifecycle;
  jsonResponses: boolean;
  /** Told of every session event, for metrics. */
  onSession?: (event: SessionEvent) => void;
}

export interface LegacyEndpoint {
  post(req: IncomingMessage, res: ServerResponse, body: unknown, caller: CallerScope): Promise<void>;
  end(req: IncomingMessage, res: ServerResponse, caller: CallerScope): Promise<void>;
}

export function createLegacyEndpoint(options: LegacyEndpointOptions): LegacyEndpoint {
  const { runtime, sessions } = options;
  const sessionIdOf = (req: IncomingMessage) => {
    const given = req.headers['mcp-session-id'];
    return typeof given === 'string' && given ? given : undefined;
  };

  return {
    async post(req, res, body, caller) {
      const opened = await sessions.open(Array.isArray(body) ? body : [body], sessionIdOf(req), caller.principal);
      if (opened.event) options.onSession?.(opened.event);
      if (!opened.ok) return sendJson(res, opened.status, jsonRpcError(opened.status === 404 ? -32001 : -32000, opened.message));
      if (opened.event === 'created') res.setHeader('mcp-session-id', opened.sessionId);
      const server = createLegacyServer(runtime, { ...caller, transportKey: opened.sessionId });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: options.jsonResponses });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    },

    async end(req, res, caller) {
      const ended = await sessions.end(sessionIdOf(req), caller.principal);
      if (!ended.ok) {
        const headers: Record<string, string> = ended.retryAfterSeconds === undefined ? {} : { 'retry-after': String(ended.retryAfterSeconds) };
        return sendJson(res, ended.status, jsonRpcError(ended.status === 404 ? -32001 : -32000, ended.message), headers);
      }
      options.onSession?.(ended.event);
      res.writeHead(200).end();
    },
  };
}
