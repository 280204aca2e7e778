/** @module Reads a request against one API: its words, its literals, and what the literals say in that API's terms. */
import type { Operation } from '../openapi/operation.js';
import { resourceNames, resourcesOfPrefix } from './id-prefix.js';
import { separateLiterals, type RequestText } from './search-literals.js';
import { joinHyphenated, type QueryConcept } from './search-query.js';
import { isPlural } from './search-fields.js';
import { isStopWord, splitWords, toTerm } from './tokenize.js';

/** Words before a name of one thing ("the staging namespace"). */
const determiners = new Set(['the', 'my', 'our', 'this', 'that']);
/** Words in a name's place that say which of many, not a name: "the latest version", "my own account". */
const notNames = new Set([
  'latest',
  'newest',
  'oldest',
  'own',
  'first',
  'last',
  'next',
  'previous',
  'whole',
  'entire',
  'current',
  'new',
  'old',
  'same',
  'other',
]);

/** What a file name or URL in the request counts for as the word "file" or "url"; an id's prefix, for the collection it names. */
const literalKindWeight = 0.5;

export class RequestReader {
  private readonly operations: readonly Operation[];
  private readonly isTerm: (term: string) => boolean;
  private resources: string[][] | undefined;
  private namedText: string | undefined;
  private readonly parameterTerms: ReadonlySet<string>;

  /** `isTerm` says whether a term is one of the API's; `parameterTerms` are the terms of its path parameters ("{namespace}", "{channel_id}"). */
  constructor(operations: readonly Operation[], isTerm: (term: string) => boolean, parameterTerms: ReadonlySet<string> = new Set()) {
    this.operations = operations;
    this.isTerm = isTerm;
    this.parameterTerms = parameterTerms;
  }

  /**
   * The request's words and literals: hyphenated words the API writes as one joined, its own names kept (see
   * search-literals), and whether it names one thing by a name of its own (see `namesInstance`).
   */
  read(query: string): RequestText {
    const request = separateLiterals(
      joinHyphenated(query, this.isTerm),
      (token) => this.isVocabulary(token),
      (token) => this.names(token),
    );
    return request.namesItem || !this.namesInstance(request.text) ? request : { ...request, namesInstance: true };
  }

  /**
   * Whether the request names one thing by a name the API does not know, as a path parameter takes it: "the
   * staging namespace", "the kube-system namespace" ({namespace}), "the apollo project" ({project_id}).
   */
  private namesInstance(text: string): boolean {
    const tokens = text.toLowerCase().split(/\s+/);
    return tokens.some((token, i) => {
      const [determiner, name] = [tokens[i - 2], tokens[i - 1]];
      if (determiner === undefined || name === undefined || !determiners.has(determiner) || !/^[a-z0-9][a-z0-9-]*$/.test(name)) return false;
      const thing = token.replace(/[.,;:!?]+$/, '');
      if (isPlural(thing) || !this.parameterTerms.has(toTerm(thing))) return false;
      return splitWords(name).every((word) => !isStopWord(word) && !notNames.has(word) && !this.isTerm(toTerm(word)));
    });
  }

  /**
   * What a request's literals say: a file name or URL that it is about a file or URL; the prefix of an id what
   * the id is of ("cus_9s6X": customers), unless the request says it already ("invoice in_1NxQ2"). A prefix
   * that fits several collections ("in": invoices, invoiceitems) says less of each.
   */
  literalConcepts(request: RequestText, said: ReadonlyMap<string, number>): QueryConcept[] {
    const concepts: QueryConcept[] = request.kinds.map((kind) => ({ terms: new Map([[toTerm(kind), literalKindWeight]]), together: false }));
    for (const prefix of request.idPrefixes) {
      const resources = resourcesOfPrefix(prefix, this.resourceNames()).map((words) => words.map(toTerm));
      if (resources.some((terms) => terms.every((term) => said.has(term)))) continue;
      for (const terms of resources) concepts.push({ terms: new Map(terms.map((term) => [term, literalKindWeight / resources.length])), together: true });
    }
    return concepts;
  }

  /** Whether every word of a token is a term of this API (or a stop word). */
  isVocabulary(token: string): boolean {
    return splitWords(token).every((word) => isStopWord(word) || this.isTerm(toTerm(word)));
  }

  /** The resource names of the API's paths (see id-prefix), worked out when first a request names an id by a prefix. */
  private resourceNames(): string[][] {
    return (this.resources ??= resourceNames(new Set(this.operations.map((op) => op.path))));
  }

  /** Whether the API names the token, lower-cased, in an operation's id or path ("issues/create", "user/repos"). */
  private names(token: string): boolean {
    this.namedText ??= this.operations.map((op) => `${op.id}\n${op.path}`.toLowerCase()).join('\n');
    return this.namedText.includes(token.toLowerCase());
  }
}
