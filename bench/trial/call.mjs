// One tool call for a model trial, as a 2026-07-28 client sends it; prints the text a model reads, and
// appends the call to a log so calls per task can be counted.
// Run: TRIAL_URL=http://127.0.0.1:4100/mcp TRIAL_LOG=/tmp/trial TRIAL_TASK=3 node bench/trial/call.mjs <tool> '<json arguments>'
import { appendFileSync } from 'node:fs';
import { modernToolCall } from '../modern-tool-call.mjs';

const [tool, json = '{}'] = process.argv.slice(2);
const url = process.env.TRIAL_URL ?? 'http://127.0.0.1:4100/mcp';
let args;
try {
  args = JSON.parse(json);
} catch (error) {
  console.log(`The arguments are not JSON: ${error.message}`);
  process.exit(1);
}
const reply = await modernToolCall(url, { name: tool, args, client: 'trial' });
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
