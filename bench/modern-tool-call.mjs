// A tools/call as a 2026-07-28 client sends it over Streamable HTTP, for benches that talk to the server
// without the SDK client: no initialize; protocol version, client and capabilities in _meta; the method
// and tool name mirrored into headers, and execute_endpoint's id into Mcp-Param-Endpoint (its x-mcp-header).

/** Sends one tools/call and returns the JSON-RPC reply (its `result` or `error`). */
export async function modernToolCall(url, { id = 1, name, args, client = 'bench' }) {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: client, version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': name,
      ...(name === 'execute_endpoint' && typeof args.id === 'string' ? { 'mcp-param-endpoint': headerValue(args.id) } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, _meta: meta } }),
  });
  return response.json();
}

/** Plain when it is visible ASCII without edge spaces, else the =?base64?...?= form. */
function headerValue(value) {
  return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value) ? value : `=?base64?${Buffer.from(value).toString('base64')}?=`;
}
