/** @module The searchable fields of one operation, as terms: what its id, summary, path, tags, parameters and description say. */
import { isObject } from '../base/json.js';
import { beforeLostLineBreak, methodPathId, summaryIsProse, type Operation } from '../openapi/operation.js';
import type { Intent } from './search-intent.js';
import { splitWords, tokenize } from './tokenize.js';

export const fieldNames = ['id', 'summary', 'path', 'pathParam', 'tag', 'parameter', 'description'] as const;
export type Field = (typeof fieldNames)[number];
export type FieldTerms = Record<Field, string[]>;

/** Descriptions are read up to here: the opening says what an operation does, the rest how. */
const descriptionChars = 600;

/** Path segments that stand for the caller ("/me/events"), and the term a request for "my events" reaches them by. */
const selfSegments = new Set(['me', 'self']);
const selfTerms = tokenize('authenticated user');
/** The words by which a request speaks of the caller ("my events"): they reach what `selfSegments` are indexed as. */
export const selfWords = new Set(['me', 'my', 'mine', 'myself']);
export const selfTerm = selfTerms[0]!;
const [currentTerm, userTerm] = tokenize('current user') as [string, string];
const [getTerm, listTerm] = tokenize('get list') as [string, string];

/** An id whose last word is an HTTP method ("storage.buckets.patch", "pets_put"). */
const methodNamed = /(?:^|[^a-z])(?:patch|put|post)$/i;

/**
 * An id's terms, and its last word's without the number a generator put after it to tell copies apart
 * (Chaingateway's "newaddress3" and "getblock4", one per blockchain): "newaddress" is the word a request
 * makes. Short words keep theirs ("ec2", a version's "V3").
 */
function idTerms(id: string, terms: Tokenizer): string[] {
  const last = splitWords(id).at(-1) ?? '';
  const numbered = /^([a-z]{5,})\d+$/.exec(last);
  return numbered ? [...terms(id), ...terms(numbered[1]!)] : terms(id);
}

/** An id with "patch" or "put" as a word anywhere (Autotask's "Tickets_PatchEntity"): it names the method, not what is done. */
function namesPatchOrPut(id: string): boolean {
  return splitWords(id).some((word) => word === 'patch' || word === 'put');
}

/** Terms of one piece of text (see `memoizedTokenizer`). */
export type Tokenizer = (text: string) => string[];

/**
 * The operation's text split into fields. Without a summary, the description's first sentence stands in for
 * it; without either, what it does to what its path names ("POST /api/v1/statuses": create statuses), which
 * is then its title. `intent` is what it does (see `operationIntent`).
 */
export function fieldTerms(op: Operation, terms: Tokenizer = tokenize, intent?: Intent): FieldTerms {
  const path: string[] = [];
  const pathParam: string[] = [];
  const segments = op.path.split('/').filter(Boolean);
  for (const segment of segments) {
    const words = selfSegments.has(segment.toLowerCase()) ? selfTerms : terms(segmentName(segment).replace(/\{[^}]*\}/g, ' '));
    path.push(...words);
    for (const param of segment.match(/\{[^}]*\}/g) ?? []) pathParam.push(...terms(param));
  }
  // Unnamed: no operationId, so the id is method and path (an operationId shared by several is kept for its words).
  const unnamed = op.operationId === undefined && op.id === methodPathId(op.method, op.path);
  // An id made of method and path says "api" and "v1" as if they were what the operation is about.
  // Its method says what it does the way requests do ("post" as "create"), as a generated summary does (see summaryTerms).
  const said = intent === undefined || intent === 'action' ? '' : ` ${intent}`;
  const id = unnamed ? terms(`${op.method}${said} ${pathNames(op.path)}`) : idTerms(op.operationId ?? op.id, terms);
  // An id that ends in its method's name (Google's "storage.buckets.patch") says what it does in words no request uses: "update bucket".
  if (!unnamed && intent && intent !== 'action' && (methodNamed.test(op.operationId ?? op.id) || namesPatchOrPut(op.operationId ?? op.id)))
    id.push(...terms(intent));
  // An id naming the current user (Gitea's createCurrentUserRepo on "/user/repos"), or the caller as "me" in a name
  // (Graph's sharedWithMe, a word the tokenizer drops), speaks of the caller as "/me" does.
  if (!path.includes(selfTerm) && (namesCurrentUser(id) || namesMe(op))) path.push(selfTerm);
  // A summary written as prose is a description in the wrong field: its first sentence is the summary.
  const proseSummary = op.summary && summaryIsProse(op.summary) ? op.summary : undefined;
  const description = plainText(op.description ?? proseSummary ?? '').slice(0, descriptionChars);
  // A line break lost to spaces ends the summary ("Get users   Returns a list…"); read in the raw text, where markup makes no gaps.
  const summary = proseSummary !== undefined ? firstSentence(plainText(beforeLostLineBreak(proseSummary))) : op.summary || undefined;
  return {
    // Each word once: "PostWebhookEndpointsWebhookEndpoint" names its resource twice, which says nothing more.
    id: [...new Set(id)],
    // A path item's description says what the path is, not what the operation does: it is no title.
    summary: summaryTerms(
      op,
      summary ?? (description && !op.describedByPath ? firstSentence(withoutSelfReference(description)) : undefined),
      unnamed,
      intent,
      terms,
    ),
    path,
    pathParam,
    tag: op.tags.flatMap((t) => terms(t)),
    // Path parameters are in pathParam already.
    // Each word once: six address_* fields say only that the operation takes an address.
    parameter: [...new Set([...op.parameters.filter((p) => p.in !== 'path').map((p) => p.name), ...bodyPropertyNames(op)].flatMap((name) => terms(name)))],
    description: terms(description),
  };
}

/** Path segments that say which API or version is called, not what is done ("/api/v1/…", "/rest/2.0/…"). */
const apiSegment = /^(?:api|apis|rest|v\d+(?:(?:alpha|beta)\d*)?|\d+(?:\.\d+)*)$/i;

/** Whether a path segment only says which API or version is called (see `apiSegment`). */
export function isApiSegment(segment: string): boolean {
  return apiSegment.test(segment);
}

/** What a path names: its static segments less those saying which API or version ("/api/v1/statuses/{id}/reblog": statuses reblog). */
export function pathNames(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      segmentName(segment)
        .replace(/\{[^}]*\}/g, ' ')
        .trim(),
    )
    .filter((words) => words && !apiSegment.test(words))
    .join(' ');
}

/**
 * A summary's terms, saying that the operation lists when it says "get" of a collection ("Get users" on
 * "/users"): a request to "list users" finds it as it finds "List users". Without a summary, an unnamed
 * operation's path stands in, with its intent as a generated summary says it ("Create statuses").
 */
function summaryTerms(op: Operation, summary: string | undefined, unnamed: boolean, intent: Intent | undefined, terms: Tokenizer): string[] {
  if (summary !== undefined) {
    const said = terms(summary);
    return op.method === 'get' && said[0] === getTerm && namesCollection(op.path) ? [listTerm, ...said] : said;
  }
  if (!unnamed) return [];
  return terms(intent === undefined || intent === 'action' ? pathNames(op.path) : `${intent} ${pathNames(op.path)}`);
}

/** Whether a path ends in a plural word ("/users", not "/users/{id}" or "/status"): a GET of it reads many. */
function namesCollection(path: string): boolean {
  return isPlural(segmentName(lastSegment(path)));
}

/** A path's last segment, a trailing slash left aside ("/api/users/": users). */
export function lastSegment(path: string): string {
  return path.split('/').filter(Boolean).at(-1) ?? '';
}

/** Whether a path segment is an English plural ("users", not "status", "address" or "analysis"). */
export function isPlural(segment: string): boolean {
  return /[a-z]s$/i.test(segment) && !/(ss|us|is)$/i.test(segment);
}

/** Whether the operationId or a path segment has "me" as a word of a name ("sharedWithMe", "getMe"), not as the whole segment. */
function namesMe(op: Operation): boolean {
  const names = [op.operationId ?? '', ...op.path.split('/').filter((segment) => !segment.startsWith('{') && segment.toLowerCase() !== 'me')];
  return names.some((name) => /[a-z0-9]Me(?![a-z])|(?:^|[_.-])me[_.-]/.test(name));
}

/** Whether id terms say "current user" or "user current", in either order next to each other. */
function namesCurrentUser(id: readonly string[]): boolean {
  return id.some((term, i) => term === currentTerm && (id[i - 1] === userTerm || id[i + 1] === userTerm));
}

/**
 * A path segment without the dotted namespace of an OData-style action or function
 * ("microsoft.graph.sendMail()" -> "sendMail"): the namespace repeats on every such segment and says nothing.
 */
export function withoutNamespace(segment: string): string {
  return segment.replace(/^(?:[a-z][a-z0-9]*\.){2,}/i, '').replace(/\(.*\)$/, '');
}

/** A format a path ends in ("/orders.json", "/categories.atom"): how the answer is written, not what it is. */
const formatExtension = /\.(?:json|xml|atom|rss|csv|txt|html|yaml|yml)$/i;

/** The segment without such a format ("categories.atom": categories). */
export function withoutFormat(segment: string): string {
  return segment.replace(formatExtension, '');
}

/** What a path segment names: without its format, then its namespace (API2Cart's "order.list.json": order.list). */
function segmentName(segment: string): string {
  return withoutNamespace(withoutFormat(segment));
}

/**
 * The names of an operation's inputs that are phrases ("cancel_at_period_end", "default_branch"),
 * as their distinct terms: a request using every word of one is asking for what that input does.
 */
export function parameterPhrases(op: Operation, terms: Tokenizer = tokenize): string[][] {
  const phrases: string[][] = [];
  for (const name of [...op.parameters.map((p) => p.name), ...bodyPropertyNames(op)]) {
    const distinct = [...new Set(terms(name))];
    if (distinct.length >= 2) phrases.push(distinct);
  }
  return phrases;
}

/**
 * The family an operation belongs to: its method, the last static segment of its path and whether a
 * parameter follows. Copies of one operation under different parents ("/me/events", "/users/{id}/events") share it.
 */
export function operationFamily(op: Operation): string {
  const segments = op.path.split('/').filter(Boolean);
  const lastStatic = segments.findLastIndex((s) => !s.startsWith('{'));
  const tail = lastStatic === -1 ? '' : withoutNamespace(segments[lastStatic]!).toLowerCase();
  return `${op.method} ${tail}${lastStatic < segments.length - 1 ? '/{}' : ''}`;
}

/** Prose without HTML tags and entities or Markdown link targets: their words are markup, not meaning. */
export function plainText(text: string): string {
  if (!/[<&\]]/.test(text)) return text;
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** How a description may open before it says what the operation does: eBay's "This method retrieves…", "This API call…". */
const selfReference = /^\W*(?:<[^>]+>\s*)*this\s+(?:api\s+)?(?:method|call|operation|endpoint|request|api)\s+/i;

/** A description without the words that open it by naming the operation ("This method creates…": creates…); a title is what follows. */
export function withoutSelfReference(description: string): string {
  return description.replace(selfReference, '');
}

/** The first sentence: up to the first full stop followed by a space, or the first line. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = trimmed.search(/[.!?](\s|$)|\n/);
  return end === -1 ? trimmed : trimmed.slice(0, end);
}

/** Top-level property names of an inline request body schema: the fields a caller sends. */
function bodyPropertyNames(op: Operation): string[] {
  const names = new Set<string>();
  for (const media of Object.values(op.requestBody?.content ?? {})) {
    const properties: unknown = isObject(media) && isObject(media.schema) ? media.schema.properties : undefined;
    if (isObject(properties)) for (const name of Object.keys(properties)) names.add(name);
  }
  return [...names];
}
