/**
 * @module `list <spec> [query]`: the endpoints of a document, ranked by the query, as a table fitted to
 * the terminal (or COLUMNS) or as one JSON document; copies under other parents are one row, as
 * list_endpoints shows them.
 */
import type { Config, ListOptions } from '../config.js';
import { ConfigError } from '../errors.js';
import { operationCount } from '../search/operation-variants.js';
import { closestWords } from '../base/edit-distance.js';
import { terminalProgress } from '../terminal/terminal-progress.js';
import { colorEnabled, createStyle, outputWidth, styleMethod } from '../terminal/terminal.js';
import { fitColumns, joinRow } from '../terminal/fit-columns.js';
import { requiredText, toListed, type ListedEndpoint } from '../tools/list-endpoints.js';
import { loadCatalog } from './prepare-runtime.js';
import { searchIndexOf } from '../search/search-index-of.js';

/** Returns the exit code. */
export async function runList(config: Config, query: string, options: ListOptions): Promise<number> {
  const catalog = await loadCatalog(config, terminalProgress());
  if (options.tag && !catalog.tags().some((t) => t.name.toLowerCase() === options.tag!.toLowerCase())) {
    const known = catalog.tags().map((t) => t.name);
    const close = closestWords(options.tag, known);
    throw new ConfigError(`--tag "${options.tag}" matches no tag of ${catalog.title}.`, {
      hint: close.length
        ? `Did you mean ${close.join(', ')}?`
        : known.length
          ? `Its tags: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ` and ${known.length - 12} more` : ''}.`
          : 'Its endpoints have no tags.',
    });
  }
  const filters = { ...(options.tag ? { tag: options.tag } : {}), ...(options.method ? { method: options.method } : {}) };
  const all = searchIndexOf(catalog).results(query || undefined, filters);
  const endpoints = all.slice(0, options.limit).map((group) => toListed(group, catalog));
  const total = all.length;
  const withCopies = operationCount(all);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ title: catalog.title, query, total, totalWithVariants: withCopies, shown: endpoints.length, endpoints }, null, 2)}\n`,
    );
    return 0;
  }
  process.stdout.write(renderTable(endpoints));
  const copies = withCopies > total ? ` (${withCopies} counting copies under other paths)` : '';
  const shown = total > endpoints.length ? `, first ${endpoints.length} shown (--limit for more)` : '';
  process.stdout.write(`${total} endpoint${total === 1 ? '' : 's'}${copies}${shown}.\n`);
  if (!total && query)
    process.stderr.write(`No endpoint matches "${query}": try other or fewer words${options.tag || options.method ? ', or drop --tag and --method' : ''}.\n`);
  return 0;
}

function renderTable(endpoints: ListedEndpoint[]): string {
  if (!endpoints.length) return '';
  const style = createStyle(colorEnabled(process.stdout));
  const rows = endpoints.map((e) => {
    const copies = e.variants ? ` (+${e.variants.length + (e.moreVariants ?? 0)} under other paths)` : '';
    const required = e.required.length ? ` [${requiredText(e)}]` : '';
    return [e.id, e.method, e.path, `${e.summary}${e.deprecated ? ' (deprecated)' : ''}${required}${copies}`];
  });
  const { widths, cells } = fitColumns(
    [{ header: 'ID', whole: true }, { header: 'METHOD', whole: true }, { header: 'PATH' }, { header: 'SUMMARY [required]' }],
    rows,
    outputWidth(process.stdout),
  );
  const [header, ...body] = cells;
  const lines = [
    joinRow(
      header!,
      widths,
      header!.map(() => style.bold),
    ),
  ];
  for (const row of body) lines.push(joinRow(row, widths, [style.cyan, (m) => styleMethod(style, m)]));
  return `${lines.join('\n')}\n`;
}
