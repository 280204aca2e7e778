/** @module The execute_endpoint result: readable text, image or embedded-resource content for binary bodies, and structuredContent. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ShapedResponse } from '../http/shape-response.js';

export interface ResultExtras {
  /** Label of the request, e.g. `POST /repos/{owner}/{repo}/issues`. */
  label: string;
  adjustments: string[];
  continuation?: string;
  /** For a continuation part: where this part starts. */
  offset?: number;
}

export function executeResult(shaped: ShapedResponse, extras: ResultExtras): CallToolResult {
  const structured: Record<string, unknown> = { status: shaped.status, statusText: shaped.statusText, headers: shaped.headers, body: shaped.body };
  if (shaped.overflow) {
    structured.truncated = {
      totalBytes: shaped.overflow.totalBytes,
      returnedBytes: shaped.overflow.returnedBytes - (extras.offset ?? 0),
      offset: extras.offset ?? 0,
    };
  }
  if (extras.continuation) structured.continuation = extras.continuation;
  if (extras.adjustments.length) structured.adjustments = extras.adjustments;
  if (shaped.notes.length) structured.notes = shaped.notes;

  const lines = [
    `HTTP ${shaped.status}${shaped.statusText ? ` ${shaped.statusText}` : ''} from ${extras.label}${shaped.contentType ? ` (${shaped.contentType})` : ''}`,
  ];
  const shown = shownHeaders(shaped);
  if (shown) lines.push(`Headers: ${shown}`);
  if (extras.adjustments.length) lines.push(`Adjusted: ${extras.adjustments.join(' ')}`);
  for (const note of shaped.notes) lines.push(`Note: ${note}`);
  if (shaped.overflow) {
    const from = extras.offset ?? 0;
    lines.push(`Long body: bytes ${from}-${shaped.overflow.returnedBytes} of ${shaped.overflow.totalBytes} shown.`);
  }
  if (shaped.body !== null && shaped.body !== '') lines.push(typeof shaped.body === 'string' ? shaped.body : JSON.stringify(shaped.body));
  if (extras.continuation)
    lines.push(
      `More: call execute_endpoint with { "continuation": "${extras.continuation}" } for the next part (no new API call), or call again with a narrower select.`,
    );

  const content: CallToolResult['content'] = [{ type: 'text', text: lines.join('\n') }];
  if (shaped.binary) {
    if (shaped.binary.mimeType.startsWith('image/')) content.push({ type: 'image', data: shaped.binary.base64, mimeType: shaped.binary.mimeType });
    else
      content.push({
        type: 'resource',
        resource: { uri: `response:${encodeURI(extras.label.replace(/\s+/g, '-'))}`, mimeType: shaped.binary.mimeType, blob: shaped.binary.base64 },
      });
  }
  return { content, structuredContent: structured };
}

/** Headers the text leaves to structuredContent: the type is on the status line, the rest repeat on every response or mostly become a note (Link: the next page). */
const unshownHeaders = /^(content-type|content-length|cache-control|etag|last-modified|link|x-request-id|x-github-request-id|(?:x-)?api-version)$/i;
/** Characters of one header value in the text; structuredContent has it whole. */
const headerValueChars = 200;
const rateLimitHeader = /^(x-ratelimit-.*|ratelimit.*)$/i;

/** The headers worth a line of text ("location: /users/42", a declared one): rate limits only when the API is refusing for them. */
function shownHeaders(shaped: ShapedResponse): string {
  const limited = shaped.status === 429 || shaped.status === 403;
  return Object.entries(shaped.headers)
    .filter(([name]) => !unshownHeaders.test(name) && (limited || !rateLimitHeader.test(name)))
    .map(([name, value]) => `${name}: ${value.length > headerValueChars ? `${value.slice(0, headerValueChars - 1)}…` : value}`)
    .join('; ');
}
