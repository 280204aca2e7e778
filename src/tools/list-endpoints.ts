/** @module The list_endpoints tool: ranked search and browsing of the API, copies under other parents as one result, a tag overview once per session, cursor paging. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { editDistance } from '../base/edit-distance.js';
import type { Catalog } from '../openapi/catalog.js';
import { methodPathId } from '../openapi/operation.js';
import { requiredArguments, requiredChoices, requiredFormats, type Choices, type Formats } from '../arguments/required-arguments.js';
import { operationCount, type OperationGroup } from '../search/operation-variants.js';
import { httpMethods } from '../base/http-methods.js';
import { echoInput, echoValue } from '../echo-input.js';
import { summaryText } from '../schema/operation-summary.js';
import { decodeCursor, encodeCursor, maxContext, maxCursorChars, maxSearchTextChars, type ListPosition } from './list-cursor.js';
import type { ToolContext } from './tool-context.js';
import { theApi } from '../openapi/api-name.js';
import { defaultLimit } from './list-endpoints-tool.js';
import { toolError, toolResult } from './tool-result.js';
import { searchIndexOf } from '../search/search-index-of.js';

const overviewTags = 40;
/** Fewer plausible results than this, and the best weaker matches are named too (see SearchIndex.weakerMatches). */
const fewResults = 3;
/**
 * On an unfiltered first page that does not show every endpoint, the ids of the rest when they fit in this
 * many characters (about 400 tokens): a small API is then known in one call, and ids often say enough to
 * describe one without searching (DynamoDB's ListTables, PutItem).
 */
const otherIdsChars = 1600;
/** Other paths of one operation shown with it; the rest are counted. */
const shownVariants = 2;

/** How many of an operation's other paths are shown: `shownVariants`, or all when one more would only be counted ("and 1 more" costs what its path does). */
export function shownVariantCount(variants: number): number {
  return variants <= shownVariants + 1 ? variants : shownVariants;
}

export interface ListedEndpoint {
  id: string;
  method: string;
  path: string;
  summary: string;
  tags: string[];
  required: string[];
  /** The values of required arguments that take a few short ones. */
  choices?: Choices;
  /** The format of required arguments whose values a name does not suggest (uuid, date...). */
  formats?: Formats;
  deprecated?: boolean;
  /** The same operation under other parents (`METHOD /path` is its id), best first. */
  variants?: string[];
  /** Copies not listed in `variants`. */
  moreVariants?: number;
}

export async function listEndpoints(input: Record<string, unknown>, context: ToolContext): Promise<CallToolResult> {
  const { catalog } = context;
  const parsed = parseInput(input);
  if (typeof parsed === 'string') return toolError(parsed);
  let position: ListPosition = { offset: 0 };
  if (parsed.query) position.query = parsed.query;
  if (parsed.tag) position.tag = parsed.tag;
  if (parsed.method) position.method = parsed.method;
  if (parsed.cursor) {
    const decoded = decodeCursor(parsed.cursor);
    if (!decoded) return toolError('The cursor is not valid. Pass nextCursor exactly as returned, or call list_endpoints without a cursor.');
    for (const key of ['query', 'tag', 'method'] as const) {
      if (position[key] !== undefined && position[key] !== decoded[key]) {
        return toolError(
          `The cursor belongs to a different search (${key} ${echoValue(decoded[key] ?? null)}). Repeat that search's arguments, or drop the cursor to start again.`,
        );
      }
    }
    position = decoded;
  }
  if (position.tag) {
    const known = catalog.tags().find((t) => t.name.toLowerCase() === position.tag!.toLowerCase());
    if (!known) {
      const close = closeTags(catalog, position.tag);
      const hint = close.length ? ` Close tags: ${close.join(', ')}.` : ' Call list_endpoints without arguments to see the tags.';
      return toolError(`Unknown tag "${echoInput(position.tag)}".${hint}`);
    }
  }

  const state = await context.session.state();
  // A search favours the part of the API the conversation works in; its cursor keeps that context, so
  // every page ranks as the first did.
  if (position.query && !parsed.cursor && state.recent.length) position.context = state.recent.slice(-maxContext);
  const index = searchIndexOf(catalog);
  const filters = {
    ...(position.tag ? { tag: position.tag } : {}),
    ...(position.method ? { method: position.method } : {}),
    ...(position.context ? { context: position.context } : {}),
  };
  const matches = index.results(position.query, filters);
  if (position.offset > 0 && position.offset >= matches.length) {
    return toolError(`The cursor points past the end of the results (${matches.length} endpoints). Call list_endpoints without a cursor to start again.`);
  }
  const operations = operationCount(matches);
  const limit = parsed.limit;
  const page = matches.slice(position.offset, position.offset + limit);
  const endpoints = page.map((group) => toListed(group, catalog));
  const structured: Record<string, unknown> = { total: matches.length, endpoints };
  if (operations > matches.length) structured.totalWithVariants = operations;
  if (position.offset + limit < matches.length) structured.nextCursor = encodeCursor({ ...position, offset: position.offset + limit });

  if (position.query && position.offset === 0 && matches.length < fewResults) {
    const weaker = index.weakerMatches(position.query, filters).map((op) => op.id);
    if (weaker.length) structured.weaker = weaker;
  }
  const overview = !position.query && !position.tag && position.offset === 0;
  if (overview && structured.nextCursor) {
    const others = matches.slice(endpoints.length).map((group) => group.operation.id);
    if (others.join(', ').length <= otherIdsChars) structured.otherIds = others;
  }
  let tagsNote = '';
  if (overview && catalog.tags().length) {
    if (!state.tagOverviewShown) structured.tags = catalog.overviewTags().slice(0, overviewTags);
    else tagsNote = 'Tags were listed earlier in this session.';
  }
  if (structured.tags !== undefined) await context.session.record({ tagOverviewShown: true });
  return toolResult(renderText(catalog, position, structured, endpoints, tagsNote), structured);
}

/** Line breaks, Unicode's too. */
const lineBreaks = /[\r\n\u2028\u2029\u0085]/g;

/** The required arguments of a result, each with its values when it takes a few short ones: "order_type (buy|sell|all), region_id". */
export function requiredText(e: Pick<ListedEndpoint, 'required' | 'choices' | 'formats'>): string {
  // Own properties only: a document may name an argument "constructor".
  const hint = (name: string) =>
    e.choices && Object.hasOwn(e.choices, name)
      ? ` (${e.choices[name]!.join('|')})`
      : e.formats && Object.hasOwn(e.formats, name)
        ? ` (${e.formats[name]})`
        : '';
  // A document's names are shown on one line: a line break in one would start a row of its own.
  return e.required.map((name) => `${name.replace(lineBreaks, ' ')}${hint(name)}`).join(', ');
}

/** One result as list_endpoints returns it; the CLI prints the same data. */
export function toListed({ operation: op, variants }: OperationGroup, catalog: Catalog): ListedEndpoint {
  const listed: ListedEndpoint = {
    id: op.id,
    method: op.method.toUpperCase(),
    path: op.path,
    summary: summaryText(op),
    tags: op.tags,
    required: requiredArguments(op, catalog),
  };
  const choices = requiredChoices(op, catalog);
  if (Object.keys(choices).length) listed.choices = choices;
  const formats = requiredFormats(op, catalog);
  if (Object.keys(formats).length) listed.formats = formats;
  if (op.deprecated) listed.deprecated = true;
  const shown = shownVariantCount(variants.length);
  if (variants.length) listed.variants = variants.slice(0, shown).map((v) => v.path);
  if (variants.length > shown) listed.moreVariants = variants.length - shown;
  return listed;
}

interface ListInput {
  query?: string;
  tag?: string;
  method?: string;
  limit: number;
  cursor?: string;
}

function parseInput(input: Record<string, unknown>): ListInput | string {
  const out: ListInput = { limit: defaultLimit };
  for (const key of ['query', 'tag', 'method', 'cursor'] as const) {
    const value = input[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return `"${key}" must be a string.`;
    if (key !== 'cursor' && value.length > maxSearchTextChars)
      return `"${key}" is longer than ${maxSearchTextChars} characters; say what you want in fewer words.`;
    if (key === 'cursor' && value.length > maxCursorChars)
      return 'The cursor is not valid. Pass nextCursor exactly as returned, or call list_endpoints without a cursor.';
    out[key] = value.trim();
  }
  if (out.method) {
    const method = out.method.toLowerCase();
    if (!(httpMethods as readonly string[]).includes(method))
      return `"method" must be one of ${httpMethods.map((m) => m.toUpperCase()).join(', ')}; got "${echoInput(out.method)}".`;
    out.method = method;
  }
  if (input.limit !== undefined && input.limit !== null) {
    const limit = typeof input.limit === 'string' ? Number(input.limit) : input.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) return '"limit" must be an integer from 1 to 100.';
    out.limit = limit;
  }
  return out;
}

function renderText(catalog: Catalog, position: ListPosition, structured: Record<string, unknown>, endpoints: ListedEndpoint[], tagsNote: string): string {
  const total = structured.total as number;
  const what = [
    position.query ? `matching "${echoInput(position.query)}"` : '',
    position.tag ? `tagged ${echoInput(position.tag)}` : '',
    position.method ? `${position.method.toUpperCase()} only` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines: string[] = [];
  if (!total) {
    lines.push(`No endpoints of ${theApi(catalog.apiName)} ${what || 'found'}. Try other or fewer words, or drop the filters.`);
  } else {
    const from = position.offset + 1;
    const to = position.offset + endpoints.length;
    const copies = structured.totalWithVariants ? ` (${structured.totalWithVariants as number} counting copies under other paths)` : '';
    lines.push(`${catalog.name}: ${total} endpoint${total === 1 ? '' : 's'}${what ? ` ${what}` : ''}${copies}; showing ${from}-${to}.`);
  }
  const tags = structured.tags as { name: string; count: number }[] | undefined;
  if (tags) {
    const more = catalog.overviewTags().length - tags.length;
    lines.push(`Tags: ${tags.map((t) => `${t.name} (${t.count})`).join(', ')}${more > 0 ? `, and ${more} more` : ''}.`);
  } else if (tagsNote) {
    lines.push(tagsNote);
  }
  for (const e of endpoints) {
    const required = e.required.length ? ` [required: ${requiredText(e)}]` : '';
    const more = e.moreVariants ? ` and ${e.moreVariants} more` : '';
    const variants = e.variants ? `; also under ${e.variants.join(', ')}${more}` : '';
    // An operation without an operationId has "METHOD /path" as its id: said once, it reads as both.
    const target = methodPathId(e.method, e.path);
    const head = (e.id === target ? target : `${e.id}: ${target}`).replace(lineBreaks, ' ');
    lines.push(`${head}${e.summary ? ` - ${e.summary}` : ''}${required}${e.deprecated ? ' (deprecated)' : ''}${variants}`);
  }
  const weaker = structured.weaker as string[] | undefined;
  if (weaker) lines.push(`Sharing fewer of these words: ${weaker.join(', ')}.`);
  const otherIds = structured.otherIds as string[] | undefined;
  if (otherIds) lines.push(`The other ${otherIds.length}: ${otherIds.join(', ')}. describe_endpoint takes any of these ids.`);
  if (endpoints.some((e) => e.variants))
    lines.push(
      '"also under" names copies of the same operation at other paths: to call one, use "METHOD /path" as its id; searching with words of its path ("a group\'s events") ranks it first.',
    );
  if (structured.nextCursor) {
    // Paging through a large API costs a call a page: a browse names the faster way.
    const search = position.query ? '' : ', or pass query (the words of what you need) to search';
    lines.push(`More: call list_endpoints with cursor "${structured.nextCursor as string}"${search}.`);
  }
  // Rows of operations without an operationId start with their "METHOD /path" id, not "id: METHOD /path": say so.
  const pathIds = endpoints.some((e) => e.id === methodPathId(e.method, e.path)) ? ' A row that starts with its method has that "METHOD /path" as its id.' : '';
  if (total) lines.push(`Next: describe_endpoint { ids } for the inputs, or execute_endpoint { id, arguments }.${pathIds}`);
  return lines.join('\n');
}

/** Tags a mistyped one probably meant: a small edit away, or one containing the other. */
function closeTags(catalog: Catalog, tag: string): string[] {
  // Longer than any tag: nothing is a small edit away, and measuring would only cost time.
  if (tag.length > 200) return [];
  const wanted = tag.toLowerCase();
  return catalog
    .tags()
    .map((t) => ({ name: t.name, lower: t.name.toLowerCase() }))
    .filter((t) => editDistance(t.lower, wanted) <= 2 || t.lower.includes(wanted) || wanted.includes(t.lower))
    .slice(0, 5)
    .map((t) => t.name);
}
