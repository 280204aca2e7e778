/** @module `describe <spec> <ids...>`: inputs, auth and responses, as text for people or as one JSON document. */
import { checkAuthFlags } from '../auth/check-auth-flags.js';
import { collectCredentials } from '../auth/credentials.js';
import type { Config } from '../config.js';
import { argumentBindings } from '../arguments/input-schema.js';
import { endpointText } from '../terminal/endpoint-text.js';
import { terminalProgress } from '../terminal/terminal-progress.js';
import { colorEnabled, createStyle, outputWidth } from '../terminal/terminal.js';
import { describeOperation, type DescribedEndpoint } from '../tools/describe-endpoint.js';
import { splitPartId } from '../openapi/operation.js';
import { schemesSentByHeaders } from '../auth/header-schemes.js';
import { loadCatalog } from './prepare-runtime.js';
import { unknownEndpointText } from './unknown-endpoint-text.js';

/** Returns the exit code: 1 when an id was unknown. */
export async function runDescribe(config: Config, ids: string[], json: boolean): Promise<number> {
  const catalog = await loadCatalog(config, terminalProgress());
  checkAuthFlags(catalog, config.auth);
  const schemeNames = Object.keys(catalog.spec.document.components?.securitySchemes ?? {});
  const configured = new Set([
    ...collectCredentials(schemeNames, config.auth, process.env).credentials.keys(),
    ...schemesSentByHeaders(catalog, Object.keys(config.headers)),
  ]);
  const endpoints: { described: DescribedEndpoint; bindings: ReturnType<typeof argumentBindings> }[] = [];
  const unknown: { id: string; message: string }[] = [];
  for (const id of ids) {
    const { operationId, pointer } = splitPartId(id);
    const operation = catalog.find(operationId);
    const described = operation && describeOperation(operation, catalog, configured, pointer);
    if (operation && described) endpoints.push({ described, bindings: argumentBindings(operation) });
    else if (operation)
      unknown.push({
        id,
        message: `"${pointer ?? ''}" is not a part of ${operation.id}'s arguments; use the id a folded part names, e.g. "${operation.id}#/properties/body".`,
      });
    else unknown.push({ id, message: unknownEndpointText(catalog, id) });
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ endpoints: endpoints.map((e) => e.described), ...(unknown.length ? { unknown } : {}) }, null, 2)}\n`);
  } else if (endpoints.length) {
    const style = createStyle(colorEnabled(process.stdout));
    const width = outputWidth(process.stdout);
    const texts = endpoints.map((e) => endpointText(e.described, { style, width, bindings: e.bindings, command: 'openapi-dynamic-mcp' }));
    process.stdout.write(`${texts.join('\n\n')}\n`);
  }
  for (const u of unknown) process.stderr.write(`${u.message}\n`);
  return unknown.length ? 1 : 0;
}
