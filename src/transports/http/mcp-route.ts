/**
 * @module /mcp: who calls (bearer token, per-user upstream credentials), the body read within its limit,
 * then each message to the SDK of its protocol era, classified by the 2026-07-28 SDK's own predicate.
 * 2026-07-28 requests stand alone; 2025-era ones carry our Mcp-Session-Id, ended by DELETE.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWebRequest } from '@modelcontextprotocol/node';
import { isLegacyRequest } from '@modelcontextprotocol/server';
import { BodyBudget } from '../../http/body-budget.js';
import type { Runtime } from '../../runtime.js';
import { callerOfRequest } from './caller-of-request.js';
import { jsonRpcError, sendJson } from './http-replies.js';
import type { LegacyEndpoint } from './legacy-endpoint.js';
import type { ModernEndpoint } from './modern-endpoint.js';
import { BodyTooLargeError, readBody } from './read-body.js';

export interface McpRouteOptions {
  runtime: Runtime;
  legacy: LegacyEndpoint;
  modern: ModernEndpoint;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Upstream body bytes the calls of one HTTP request may hold together (a JSON-RPC batch is one request). */
  requestBodyBudgetBytes: number;
  /** Incoming header per security scheme: each client sends its own upstream credential. */
  credentialHeaders: Record<string, string>;
  /** True once the server is closing: new requests go to another replica. */
  shuttingDown: () => boolean;
}

/** `clientKey` names the bearer token the guards accepted ("" when clients are anonymous). */
export type McpRoute = (req: IncomingMessage, res: ServerResponse, clientKey: string) => Promise<void>;

export function createMcpRoute(options: McpRouteOptions): McpRoute {
  const { runtime, legacy, modern } = options;
  return async (req, res, clientKey) => {
    const caller = {
      ...callerOfRequest(req, clientKey, runtime.execution.credentials, options.credentialHeaders),
      requestBudget: new BodyBudget(options.requestBodyBudgetBytes, 'in one request'),
    };
    if (req.method === 'DELETE' && req.headers['mcp-session-id'] !== undefined) return legacy.end(req, res, caller);
    if (req.method !== 'POST') {
      // 2026-07-28 has no standalone stream and no sessions to end; 2025-era notifications ride on each POST's stream.
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, jsonRpcError(-32000, `Method ${req.method} is not allowed on /mcp: send each JSON-RPC message as a POST.`));
    }
    if (options.shuttingDown()) {
      res.setHeader('connection', 'close');
      return sendJson(res, 503, jsonRpcError(-32000, 'This replica is shutting down; retry on another.'));
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, options.maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, jsonRpcError(-32600, error.message));
      return sendJson(res, 400, jsonRpcError(-32700, 'Parse error: the body is not valid JSON.'));
    }
    if (!(await isLegacyRequest(await toWebRequest(req, body), body, { maxRequestBodySize: options.maxBodyBytes }))) return modern(req, res, body, caller);
    if (!isJsonRpc(body)) return sendJson(res, 400, jsonRpcError(-32600, 'Invalid request: expected a JSON-RPC 2.0 message.'));
    return legacy.post(req, res, body, caller);
  };
}

/** A JSON-RPC 2.0 message, or a non-empty batch of them. */
function isJsonRpc(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  return messages.length > 0 && messages.every((m) => typeof m === 'object' && m !== null && (m as { jsonrpc?: unknown }).jsonrpc === '2.0');
}
