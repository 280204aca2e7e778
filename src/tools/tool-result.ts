/** @module Builders for tool results: readable text plus structuredContent, and isError results a model can act on. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export function toolResult(text: string, structuredContent: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent };
}

/** An expected failure the model can correct: isError with the problem and what to do next. */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Compact JSON for text output: no indentation, so it costs the fewest tokens. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value);
}
