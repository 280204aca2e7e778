/**
 * @module What a request means to do (list, get, create, update, delete) and what an operation does,
 * so that "add a customer" prefers the POST that creates one over the GET that lists them.
 */
import type { Operation } from '../openapi/operation.js';
import type { RequestVerbs, VerbEffect } from './request-verbs.js';
import { isPlural, lastSegment, withoutFormat, withoutNamespace, withoutSelfReference } from './search-fields.js';
import { isStopWord, own, singular, splitWords, toTerm } from './tokenize.js';

export const intents = ['list', 'get', 'create', 'update', 'delete', 'action'] as const;
export type Intent = (typeof intents)[number];
/** What a request may mean to do: an operation's intent, or to read or write without saying one or many, anew or not ("who has a licence?", "block the user"). */
export type RequestIntent = Intent | 'read' | 'write';

/** Verbs (as terms) that name an intent, in ids and summaries and in requests alike. */
const verbIntents: Record<string, Intent> = {
  ...wordsFor('list', 'list'),
  ...wordsFor('get', 'get'),
  ...wordsFor('create', 'create add insert register generate'),
  ...wordsFor('update', 'update replace rename'),
  ...wordsFor('delete', 'delete clear'),
};

/** Words only a request uses for an intent ("show me all", "a new one"): ids and summaries do not. */
const requestIntents: Record<string, Intent> = {
  ...verbIntents,
  ...wordsFor('list', 'all every everyone everybody each enumerate browse'),
  ...wordsFor('get', 'view read'),
  ...wordsFor('create', 'new make submit draft save store upload invite share book'),
  ...wordsFor('update', 'set move toggle'),
  ...wordsFor('delete', 'kill purge wipe revoke'),
};

/** The words as terms (see `toTerm`), each naming the intent. */
function wordsFor(intent: Intent, words: string): Record<string, Intent> {
  return Object.fromEntries(words.split(' ').map((word) => [toTerm(word), intent]));
}

/** HTTP method names, which some APIs put at the start of every id ("PostCustomers"): they say nothing beyond the method. */
const methodWords = new Set(['get', 'post', 'put', 'patch', 'delete']);

const readTerm = toTerm('read');

/** Whether a term only says what is done (list, get, create, update, delete, an HTTP method), not to what. */
export function isIntentTerm(term: string): boolean {
  return Object.hasOwn(verbIntents, term) || methodWords.has(term) || term === readTerm;
}

/**
 * The operation's intent: the verb its id or summary starts with when that is one of the five; without a
 * summary, the verb its id ends with ("conversations_create") or its description starts with ("Generate
 * coupon for a rule"); a GET whose summary, or description without one, says it gets many lists (see
 * `listingSummary`); otherwise read from the method and the path's shape (a GET ending in a plural segment lists, one
 * ending in a parameter gets; a POST to a plural segment creates, to a parameter updates, to another word acts).
 */
export function operationIntent(op: Operation): Intent {
  if (op.method === 'delete') return 'delete';
  const idWords = lastIdPart(op.id);
  // A method name opening the id says nothing ("PostCustomers"), nor one closing it that is its own method ("…GeneratePost").
  const idFirst = methodWords.has(idWords[0] ?? '') ? undefined : idWords[0];
  const idLast = idWords.at(-1) === op.method ? idWords.at(-2) : idWords.at(-1);
  const candidates = op.summary ? [idFirst, firstWord(op.summary)] : [idFirst, idLast, describedVerb(op)];
  const named = candidates.map((w) => (w ? own(verbIntents, toTerm(w)) : undefined)).find((intent) => intent !== undefined);
  const final = withoutFormat(lastSegment(op.path));
  const last = withoutNamespace(final);
  // A namespaced segment ("microsoft.graph.archive") is an OData action or function: it acts, whatever its name.
  const namespaced = last !== final;
  const endsInParameter = /^\{[^}]*\}$/.test(last);
  const plural = isPlural(last);
  if (op.method === 'get') {
    // An id that names its method and then a verb (AWS's "GET_CreateKeyPair", one of a GET and a POST of every action) does what the verb says.
    const afterMethod = methodThenAction.test(op.id) ? own(verbIntents, toTerm(idWords[1]!)) : undefined;
    if (afterMethod && afterMethod !== 'list' && afterMethod !== 'get') return afterMethod;
    // A path item's description says what the path is, not what this operation does.
    const says = op.summary || (op.describedByPath || !op.description ? undefined : withoutSelfReference(op.description));
    if (!endsInParameter && says && listingSummary.test(says)) return 'list';
    if (named === 'list' || named === 'get') return named;
    return !endsInParameter && plural ? 'list' : 'get';
  }
  if (named && named !== 'get' && named !== 'list') return named;
  if (op.method === 'post') return endsInParameter ? 'update' : plural && !namespaced ? 'create' : 'action';
  return 'update';
}

/** A GET's id of its method, an underscore and an action ("GET_CreateKeyPair"), as the AWS query APIs' documents name theirs. */
const methodThenAction = /^(?:GET|get)_[A-Z][a-z]+[A-Z]/;

/**
 * A summary (or, without one, a description) that gets many by saying so ("Get a range of SO Orders", "Returns a
 * list of accounts", "Get all users", "retrieves the details for all of the seller's campaigns"); not all of one
 * item's details ("Returns all details of an order").
 */
const listingSummary =
  /^\W*(?:get|gets|retrieve|retrieves|return|returns|fetch|fetches)\s+(?:(?:a|the)\s+)?(?:(?:details|information)\s+(?:of|for|about)\s+(?:(?:a|the)\s+)?)?(?:(?:list|range|collection|set)\s+of|all\b(?!\s+(?:the\s+)?(?:details|information|fields)\b))/i;

/** A text's first word, read from its opening only: a description may run to pages. */
function firstWord(text: string): string | undefined {
  const start = text.search(/[A-Za-z0-9]/);
  return start === -1 ? undefined : splitWords(text.slice(start, start + 64))[0];
}

/** The word the description opens with; none for a GET's "Get all customers.", which says no more than a GET of a collection does: its path decides. */
function describedVerb(op: Operation): string | undefined {
  const word = firstWord(op.description ?? '');
  return op.method === 'get' && word !== undefined && own(verbIntents, toTerm(word)) === 'get' ? undefined : word;
}

/** The words of the id's last part ("issues/create-comment" -> create, comment; "me.ListEvents" -> list, events). */
function lastIdPart(id: string): string[] {
  return splitWords(id.split(/[/.]/).at(-1) ?? '');
}

/**
 * The intent a request states: the verb it opens with when that is a known one (see request-verbs),
 * else the first verb that names one (not a word after a determiner: "follow a show" asks to see nothing), except that asking to see all, every or several things lists them
 * ("show me all the disputes"); "get" when it states none but asks a question or names an item by its id.
 */
export function requestIntent(words: readonly string[], namesItem = false, verbs: RequestVerbs = new Map()): RequestIntent | undefined {
  const question = questionWords.has(words[0] ?? '');
  let first: RequestIntent | undefined = question ? undefined : openingIntent(words, verbs);
  let many = false;
  // "which files did I delete?" asks what was done: after its auxiliary, a question's verb asks for nothing ("how do I delete…" does).
  // "have to" and "has to" say what must be done, not what was: "what do I have to call to create an invoice?".
  const auxiliaryAt = question && words[0] !== 'how' ? words.findIndex((word, i) => auxiliaries.has(word) && words[i + 1] !== 'to') : -1;
  for (const [i, word] of words.entries()) {
    // A past participle describes what happened ("who deleted it", "files shared with me"); it asks for nothing.
    const intent = pastParticiple(word) || afterDeterminer(words, i) || (auxiliaryAt !== -1 && i > auxiliaryAt) ? undefined : listedIntent(word);
    if (intent === 'list' && !first) return 'list';
    first ??= intent;
    // "show me all the alerts", "were any keys leaked": asking to see things in the plural lists them.
    many ||= intent === 'list' || (!intent && isPluralNoun(word));
  }
  if ((first === undefined || first === 'get' || first === 'read') && many) return 'list';
  // "refund re_1Nispe" with no verb asks about that one refund; "who has a Copilot licence?" asks to see one or many.
  return first ?? (namesItem ? 'get' : question ? 'read' : undefined);
}

/** Words before a noun: what follows one names a thing, not what to do ("follow a show", "post the update"). */
const determiners = new Set('a an the this that these those my your our their his her its each every some any'.split(' '));

/** Whether the word follows a determiner, so is a noun; not "new", an adjective there that still asks to create ("a new image"). */
function afterDeterminer(words: readonly string[], at: number): boolean {
  return at > 0 && words[at] !== 'new' && determiners.has(words[at - 1]!);
}

/** Words that open a question: asking what, who, when or whether is asking to read; its first noun is no verb ("did refund re_1 go through?"). */
const questionWords = new Set('what which who whose when where how is are was were does do did has have'.split(' '));
/**
 * Words that, in a question, put what follows in the past or the perfect ("did I delete", "have we sent").
 * Not "do" or "does": "which endpoint do I use to delete a node?" asks to delete.
 */
const auxiliaries = new Set(['did', 'have', 'has', 'had']);

const intentOfEffect: Record<VerbEffect, RequestIntent> = { read: 'read', write: 'write', remove: 'delete' };

/**
 * The intent of the verb a request opens with ("block all public access", "please suspend the account"),
 * when it is not one the request lists itself and the corpus says what it does. A word further on may be
 * a noun ("the public access block"), so only the opening one counts.
 */
function openingIntent(words: readonly string[], verbs: RequestVerbs): RequestIntent | undefined {
  const opening = words.find((word) => !isStopWord(word));
  if (!opening || pastParticiple(opening) || listedIntent(opening)) return undefined;
  const effect = verbs.get(openingTerm(words)!);
  return effect ? intentOfEffect[effect] : undefined;
}

/** The term of the word a request opens with, stop words aside ("please send the invoice": send). */
export function openingTerm(words: readonly string[]): string | undefined {
  const opening = words.find((word) => !isStopWord(word));
  return opening === undefined ? undefined : toTerm(opening);
}

/** The intent a request's word names by the hand-made list, as a term or as typed. */
function listedIntent(word: string): Intent | undefined {
  return own(requestIntents, toTerm(word)) ?? own(requestIntents, word);
}

function pastParticiple(word: string): boolean {
  return word.length > 4 && word.endsWith('ed') && !word.endsWith('eed');
}

function isPluralNoun(word: string): boolean {
  return word.length > 3 && !isStopWord(word) && singular(word) !== word;
}

/** Related intents: reading one or many, writing a new one or an existing one; an action may be either. */
const related = new Set(['list get', 'get list', 'create update', 'update create']);
/** What an operation keeps of its score when its intent is related to the request's, or opposed to it (delete for create). */
const relatedFit = 0.75;
const opposedFit = 0.7;

/** What a request to read, without saying one or many, fits fully. */
const reads = new Set<Intent>(['list', 'get']);
/**
 * What an operation that creates or updates keeps for a request to write by a verb that is neither
 * ("confirm", "block", "refund"): such a verb more often names an action of its own ("…/confirm").
 */
const plainWriteFit = 0.9;
/** What an operation that only reads or removes keeps for such a request: the verb says it writes, whatever else the words match. */
const unwrittenFit = 0.6;

/**
 * How well an operation's intent fits the request's: 1 when equal or when the request states none, less when
 * related, least when opposed. `namesVerb`: whether the operation's title says the verb a request to write
 * opens with; an action that does not ("approve" for "send an ACH transfer") is no likelier than a creation.
 */
export function intentFit(wanted: RequestIntent | undefined, actual: Intent, namesVerb = true): number {
  if (!wanted || wanted === actual) return 1;
  if (wanted === 'read') return reads.has(actual) ? 1 : actual === 'action' ? relatedFit : opposedFit;
  if (wanted === 'write')
    return actual === 'action' && namesVerb ? 1 : actual === 'create' || actual === 'update' || actual === 'action' ? plainWriteFit : unwrittenFit;
  if (actual === 'action' || related.has(`${wanted} ${actual}`)) return relatedFit;
  return opposedFit;
}
