/**
 * @module The credentials a call may carry, and their removal from a whole tool result: text, structured
 * content, notes and error messages alike.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mayHoldSecret, namesQueryCredential } from '../base/credential-names.js';
import { SecretRedactor } from '../http/redact-secrets.js';
import type { ExecutionSettings } from './tool-context.js';

/** Every credential of these settings: configured secrets (and the password part of `user:password`, the parts of an AWS key after its id), credential-like static headers and query parameters, OAuth tokens held. */
export function callSecrets(execution: Pick<ExecutionSettings, 'credentials' | 'headers' | 'query' | 'tokens'>): string[] {
  const secrets: string[] = [];
  for (const secret of execution.credentials.values()) {
    secrets.push(secret);
    const colon = secret.indexOf(':');
    if (colon !== -1) secrets.push(secret.slice(colon + 1));
    // An AWS ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN: the secret key and the token, each on its own (the token is sent as a header).
    const parts = secret.split(':');
    if (parts.length > 2) secrets.push(...parts.slice(1));
  }
  for (const [name, value] of Object.entries(execution.headers)) {
    if (!mayHoldSecret(name)) continue;
    secrets.push(value);
    // "Bearer abc": the token alone shows up too.
    const token = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  for (const [name, value] of Object.entries(execution.query)) if (value && (mayHoldSecret(name) || namesQueryCredential(name))) secrets.push(value);
  secrets.push(...execution.tokens.issued());
  return secrets;
}

export function redactorFor(execution: Pick<ExecutionSettings, 'credentials' | 'headers' | 'query' | 'tokens'>): SecretRedactor {
  return new SecretRedactor(callSecrets(execution));
}

/** The result with every credential replaced by a mark; images and embedded resources were checked when shaped. */
export function redactToolResult(result: CallToolResult, redactor: SecretRedactor): CallToolResult {
  if (redactor.isEmpty) return result;
  const content = result.content.map((item) => (item.type === 'text' ? { ...item, text: redactor.text(item.text) } : item));
  const redacted: CallToolResult = { ...result, content };
  if (result.structuredContent) redacted.structuredContent = redactor.value(result.structuredContent);
  return redacted;
}
