/** @module `list <spec> [query]`: an aligned, readable table of endpoints, ranked by the query. */
import type { Config } from '../config.js';
import { requiredArguments } from '../schema/input-schema.js';
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
  const all = query ? index.search(query, filters).map((h) => h.operation) : index.browse(filters);
  const rows = all.slice(0, Math.max(1, Number(options.limit) || 50));
  const width = process.stdout.columns || 160;
  const idWidth = Math.min(48, Math.max(2, ...rows.map((op) => op.id.length)));
  const pathWidth = Math.min(60, Math.max(4, ...rows.map((op) => op.path.length)));
  const line = (id: string, method: string, path: string, rest: string) =>
    `${id.padEnd(idWidth)}  ${method.padEnd(7)} ${path.padEnd(pathWidth)}  ${rest}`.slice(0, width).trimEnd();
  process.stdout.write(`${line('ID', 'METHOD', 'PATH', 'SUMMARY [required]')}\n`);
  for (const op of rows) {
    const required = requiredArguments(op);
    process.stdout.write(`${line(op.id, op.method.toUpperCase(), op.path, `${op.summary ?? ''}${required.length ? ` [${required.join(', ')}]` : ''}`)}\n`);
  }
  process.stdout.write(`${all.length} endpoint${all.length === 1 ? '' : 's'}${all.length > rows.length ? `, first ${rows.length} shown` : ''}.\n`);
}
