// One tool call for a model trial, as a 2026-07-28 client sends it; prints the text a model reads, and
// appends the call to a log so calls per task can be counted.
// Run: TRIAL_URL=http://127.0.0.1:4100/mcp TRIAL_LOG=/tmp/trial TRIAL_TASK=3 node bench/trial/call.mjs <tool> '<json arguments>'
import { appendFileSync } from 'node:fs';

const [tool, json = '{}'] = process.argv.slice(2);
const url = process.env.TRIAL_URL ?? 'http://127.0.0.1:4100/mcp';
let args;
try {
  args = JSON.parse(json);
} catch (error) {
  console.log(`The arguments are not JSON: ${error.message}`);
  process.exit(1);
}
const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'trial', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const response = await fetch(url, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': 'tools/call',
    'mcp-name': tool,
    // execute_endpoint's id is declared x-mcp-header "Endpoint": a 2026-07-28 client mirrors it (SEP-2243).
    ...(tool === 'execute_endpoint' && typeof args.id === 'string' ? { 'mcp-param-endpoint': headerValue(args.id) } : {}),
  },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: tool, arguments: args, _meta: meta } }),
});
const reply = await response.json();
const text = reply.error
  ? `Protocol error ${reply.error.code}: ${reply.error.message}`
  : reply.result.content.map((c) => c.text ?? `[${c.type} content]`).join('\n');
console.log(text);
if (process.env.TRIAL_LOG) {
  const status = reply.result?.structuredContent?.status;
  appendFileSync(
    `${process.env.TRIAL_LOG}.calls.jsonl`,
    `${JSON.stringify({ task: process.env.TRIAL_TASK ?? null, tool, args, isError: Boolean(reply.error || reply.result?.isError), status: status ?? null })}\n`,
  );
}

/** Plain when it is visible ASCII without edge spaces, else the =?base64?...?= form. */
function headerValue(value) {
  return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value) ? value : `=?base64?${Buffer.from(value).toString('base64')}?=`;
}
