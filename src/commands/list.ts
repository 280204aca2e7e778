/**
 * @module `list <spec> [query]`: an aligned, readable table of endpoints, ranked by the query, with
 * copies under other parents folded into one row as list_endpoints shows them.
 */
import type { Config } from '../config.js';
import { requiredArguments } from '../schema/input-schema.js';
import { operationCount } from '../search/operation-variants.js';
import { summaryText } from '../spec/operation-summary.js';
import { loadCatalog } from './prepare-runtime.js';

export interface ListOptions {
  tag?: string;
  method?: string;
  limit: string;
}

export async function runList(config: Config, query: string, options: ListOptions): Promise<void> {
  const catalog = await loadCatalog(config);
  const filters = { ...(options.tag ? { tag: options.tag } : {}), ...(options.method ? { method: options.method.toLowerCase() } : {}) };
  const index = catalog.search();
  const all = index.results(query || undefined, filters);
  const operations = operationCount(all);
  const rows = all.slice(0, Math.max(1, Number(options.limit) || 50));
  const width = process.stdout.columns || 160;
  const idWidth = Math.min(48, Math.max(2, ...rows.map(({ operation }) => operation.id.length)));
  const pathWidth = Math.min(60, Math.max(4, ...rows.map(({ operation }) => operation.path.length)));
  const line = (id: string, method: string, path: string, rest: string) =>
    `${id.padEnd(idWidth)}  ${method.padEnd(7)} ${path.padEnd(pathWidth)}  ${rest}`.slice(0, width).trimEnd();
  process.stdout.write(`${line('ID', 'METHOD', 'PATH', 'SUMMARY [required]')}\n`);
  for (const { operation: op, variants } of rows) {
    const required = requiredArguments(op, catalog);
    const copies = variants.length ? ` (+${variants.length} under other paths)` : '';
    process.stdout.write(`${line(op.id, op.method.toUpperCase(), op.path, `${summaryText(op)}${required.length ? ` [${required.join(', ')}]` : ''}${copies}`)}\n`);
  }
  const withCopies = operations > all.length ? ` (${operations} counting copies under other paths)` : '';
  process.stdout.write(`${all.length} endpoint${all.length === 1 ? '' : 's'}${withCopies}${all.length > rows.length ? `, first ${rows.length} shown` : ''}.\n`);
}
