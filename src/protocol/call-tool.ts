/** @module One tool call, whatever the protocol era: the conversation resolved, the handler run, the session handle put in the result. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Credentials } from '../auth/credentials.js';
import { BodyLease, type BodyBudget } from '../http/body-budget.js';
import { echoInput } from '../echo-input.js';
import { describeError, DynamicMcpError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { openConversation } from '../session/conversation.js';
import type { ToolContext } from '../tools/tool-context.js';
import { toolError } from '../tools/tool-result.js';

/** Who calls, for one request. */
export interface CallerScope {
  /** Who authenticated ("" when anonymous): session handles and continuations are bound to it. */
  principal: string;
  /** The transport's own key for the conversation, when it has one (a 2025-era Mcp-Session-Id, a stdio connection). */
  transportKey?: string;
  /** Upstream credentials of this caller, when they differ from the process's. */
  credentials?: Credentials;
  /** Upstream body bytes the whole request may hold (a JSON-RPC batch is one request). */
  requestBudget?: BodyBudget;
}

/** A tool name this server does not have: a protocol fault, not a tool result. */
export class UnknownToolError extends DynamicMcpError {
  readonly code = 'UNKNOWN_TOOL';
}

/** Runs a tool; an unexpected failure becomes an error result, never a protocol fault. Throws UnknownToolError for a name we do not have. */
export async function callTool(runtime: Runtime, caller: CallerScope, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  const tool = runtime.tools.find((t) => t.definition.name === name);
  if (!tool) throw new UnknownToolError(`Unknown tool "${echoInput(name)}". This server has ${runtime.tools.map((t) => t.definition.name).join(', ')}.`);
  const started = performance.now();
  const { session: given, ...input } = args;
  const { store, handles, logger } = runtime;
  const session = await openConversation(
    { store, handles, logger, principal: caller.principal, ...(caller.transportKey ? { transportKey: caller.transportKey } : {}) },
    given,
  );
  const bodyLease = new BodyLease(caller.requestBudget ? [runtime.bodyBudget, caller.requestBudget] : [runtime.bodyBudget]);
  const context: ToolContext = {
    catalog: runtime.catalog,
    execution: { ...runtime.execution, bodyLease, ...(caller.credentials ? { credentials: caller.credentials } : {}) },
    session,
    logger,
  };
  let result: CallToolResult;
  try {
    result = await tool.handle(input, context);
  } catch (error) {
    logger.error(`Tool ${name} failed unexpectedly.`, { error: describeError(error) });
    result = toolError(`${name} failed unexpectedly: ${describeError(error)}. Try again; if it persists, report it with the arguments used.`);
  } finally {
    // The result is text and structured content by now: the raw answer it came from is no longer held.
    bodyLease.release();
  }
  runtime.onToolCall?.(name, result.isError ? 'error' : 'ok', (performance.now() - started) / 1000);
  return withHandle(result, session.handle, session.announce);
}

/** Every result carries the handle; its text names it only when the caller does not have it yet. */
function withHandle(result: CallToolResult, handle: string, announce: boolean): CallToolResult {
  const structuredContent = { ...result.structuredContent, session: handle };
  if (!announce) return { ...result, structuredContent };
  const [first, ...rest] = result.content;
  const note = `session: ${handle} (pass it back as "session" on later calls; it is named again only if it changes)`;
  const content = first?.type === 'text' ? [{ ...first, text: `${first.text}\n${note}` }, ...rest] : [{ type: 'text' as const, text: note }, ...result.content];
  return { ...result, content, structuredContent };
}
