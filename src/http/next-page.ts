/**
 * @module How to ask for the next page, read from a response and said in the operation's own argument
 * names: a token the response returns (Square's `cursor`, Slack's `response_metadata.next_cursor`,
 * Google's `nextPageToken`, AWS's `NextToken`), a next link (the `Link` header, Bitbucket's `next`), or
 * Stripe's `has_more` with the last id. A model that does not know the API's paging otherwise stops at page one.
 */
import { isObject } from '../base/json.js';

/** Objects a page's token may sit in, besides the top level. */
const containers = ['response_metadata', 'meta', 'metadata', 'pagination', 'paging', 'page_info', 'pageInfo'];
/** Response fields that hold the next page's token, with the argument names that take it (compared lowercased, without `_` and `-`). */
const tokenArguments: [field: string, takes: string[]][] = [
  ['nextcursor', ['cursor', 'after']],
  ['cursor', ['cursor']],
  ['endcursor', ['after', 'cursor']],
  ['nextpagetoken', ['pagetoken']],
  ['nexttoken', ['nexttoken', 'token']],
  ['nextmarker', ['marker']],
  ['nextcontinuationtoken', ['continuationtoken']],
  ['continuationtoken', ['continuationtoken']],
  ['lastevaluatedkey', ['exclusivestartkey']],
  ['nextpage', ['page']],
  ['nextoffset', ['offset']],
];
/** Response fields that hold the next page's URL. */
const linkFields = new Set(['next', 'nextlink', 'nextpage', 'nextpageurl', 'nexturl', '@odata.nextlink']);
/** A value longer than this is pointed to, not repeated: the model has it in the body. */
const maxValueChars = 300;

/**
 * @param json the whole response body, parsed (undefined when it is not JSON)
 * @param headers the response headers kept for the model (lowercase names)
 * @param argumentNames the operation's arguments: parameter keys, and body fields as `body.name`
 * @param sent the URL the request went to: a next link's parameters that equal it are not repeated
 * @param callable whether a next link is an address of this same endpoint (see Catalog.locate): then, when what
 *   changes is no argument, the link is the call to make
 */
export function nextPageNote(
  json: unknown,
  headers: Record<string, string>,
  argumentNames: readonly string[],
  sent: URL,
  callable: (address: string) => boolean = () => false,
): string | undefined {
  if (isObject(json) && (json.has_more === false || json.hasMore === false)) return undefined;
  const byName = new Map(argumentNames.map((name) => [normalize(name.replace(/^body\./, '')), name]));
  const link = linkPairs(json, headers['link'], byName, sent);
  if (link?.beyondArguments && callable(link.href)) return `More results: execute_endpoint { "id": ${JSON.stringify(`GET ${link.href}`)} } gets the next page.`;
  const pairs = tokenPairs(json, byName) ?? stripePair(json, byName) ?? link?.pairs;
  if (!pairs?.length) return undefined;
  const said = pairs.map(([name, value]) => {
    const text = JSON.stringify(value);
    return text.length <= maxValueChars ? `${name} = ${text}` : `${name} = (the long value in the body)`;
  });
  return `More results: call again with ${said.join(', ')} for the next page.`;
}

function tokenPairs(json: unknown, byName: Map<string, string>): [string, unknown][] | undefined {
  if (!isObject(json)) return undefined;
  const places = [json, ...containers.map((c) => json[c]).filter(isObject)];
  for (const place of places) {
    for (const [field, value] of Object.entries(place)) {
      if (!isToken(value)) continue;
      const takes = tokenArguments.find(([f]) => f === normalize(field))?.[1];
      const argument = takes?.map((t) => byName.get(t)).find((a) => a !== undefined);
      if (argument) return [[argument, value]];
    }
  }
  return undefined;
}

/** A value that can be passed back: text that is not a link, a number, or a non-empty object (DynamoDB's key). */
function isToken(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0 && !/^(https?:\/\/|\/)/.test(value);
  return typeof value === 'number' || (isObject(value) && Object.keys(value).length > 0);
}

/** Stripe's lists: `has_more` and the last item's id, for `starting_after`. */
function stripePair(json: unknown, byName: Map<string, string>): [string, unknown][] | undefined {
  const argument = byName.get('startingafter');
  if (!argument || !isObject(json) || json.has_more !== true || !Array.isArray(json.data)) return undefined;
  const last: unknown = json.data.at(-1);
  return isObject(last) && typeof last.id === 'string' ? [[argument, last.id]] : undefined;
}

/**
 * The query parameters of a next link (the `Link` header's `rel="next"`, or a body field) that are arguments
 * and differ from what was sent; and whether more changes than arguments say (Azure's `$skiptoken`, a page in
 * the path): the arguments alone would then fetch the same page again.
 */
function linkPairs(
  json: unknown,
  linkHeader: string | undefined,
  byName: Map<string, string>,
  sent: URL,
): { pairs: [string, unknown][]; href: string; beyondArguments: boolean } | undefined {
  const href = (linkHeader && /<([^>]+)>\s*;[^,]*rel="?next"?/i.exec(linkHeader)?.[1]) || bodyLink(json);
  if (!href) return undefined;
  let next: URL;
  try {
    next = new URL(href, sent);
  } catch {
    return undefined;
  }
  if (next.href === sent.href) return undefined;
  const pairs: [string, unknown][] = [];
  let beyondArguments = next.pathname !== sent.pathname;
  for (const [name, value] of next.searchParams) {
    if (sent.searchParams.get(name) === value) continue;
    const argument = byName.get(normalize(name));
    if (argument && !argument.startsWith('body.')) pairs.push([argument, value]);
    else beyondArguments = true;
  }
  return { pairs, href: next.href, beyondArguments };
}

function bodyLink(json: unknown): string | undefined {
  if (!isObject(json)) return undefined;
  for (const place of [json, json.links, json._links, json.paging, json.pagination, json.meta]) {
    if (!isObject(place)) continue;
    for (const [field, value] of Object.entries(place)) {
      if (!linkFields.has(normalize(field))) continue;
      const href = isObject(value) ? value.href : value;
      if (typeof href === 'string' && /^(https?:\/\/|\/)/.test(href)) return href;
    }
  }
  return undefined;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}
