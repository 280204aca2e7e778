/** @module `describe <spec> <ids...>`: inputs, auth and responses, as text or JSON. */
import type { Config } from '../config.js';
import { echoInput } from '../echo-input.js';
import { describeOperation, renderEndpoint } from '../tools/describe-endpoint.js';
import { loadCatalog } from './prepare-runtime.js';

/** Returns false when an id was unknown. */
export async function runDescribe(config: Config, ids: string[], json: boolean): Promise<boolean> {
  const catalog = await loadCatalog(config);
  let allFound = true;
  const described = ids.flatMap((id) => {
    const op = catalog.find(id);
    if (op) return [describeOperation(op, catalog)];
    const suggestions = catalog.suggest(id);
    process.stderr.write(`Unknown endpoint "${echoInput(id)}".${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}\n`);
    allFound = false;
    return [];
  });
  process.stdout.write(json ? `${JSON.stringify(described, null, 2)}\n` : `${described.map(renderEndpoint).join('\n\n')}\n`);
  return allFound;
}
