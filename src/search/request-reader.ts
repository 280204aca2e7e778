/** @module Reads a request against one API: its words, its literals, and what the literals say in that API's terms. */
import type { Operation } from '../openapi/operation.js';
import { resourceNames, resourcesOfPrefix } from './id-prefix.js';
import { separateLiterals, type RequestText } from './search-literals.js';
import { joinHyphenated, type QueryConcept } from './search-query.js';
import { isStopWord, splitWords, toTerm } from './tokenize.js';

/** Words before a name of one thing ("the staging namespace"). */
const determiners = new Set(['the', 'my', 'our', 'this', 'that']);

/** What a file name or URL in the request counts for as the word "file" or "url"; an id's prefix, for the collection it names. */
const literalKindWeight = 0.5;

export class RequestReader {
  private readonly operations: readonly Operation[];
  private readonly isTerm: (term: string) => boolean;
  private resources: string[][] | undefined;
  private namedText: string | undefined;
  /** The words of the API's path parameters ("{namespace}", "{channel_id}"), worked out on the first request. */
  private parameterWords: Set<string> | undefined;

  /** `isTerm` says whether a term is one of the API's. */
  constructor(operations: readonly Operation[], isTerm: (term: string) => boolean) {
    this.operations = operations;
    this.isTerm = isTerm;
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
   * staging namespace" ({namespace}), "the apollo project" ({project_id}). It asks of that one, as an id would.
   */
  private namesInstance(text: string): boolean {
    this.parameterWords ??= new Set(this.operations.flatMap((op) => (op.path.match(/\{[^}]*\}/g) ?? []).flatMap((param) => splitWords(param).map(toTerm))));
    const words = splitWords(text);
    return words.some((word, i) => {
      const [determiner, name] = [words[i - 2], words[i - 1]];
      return (
        determiner !== undefined && determiners.has(determiner) && !isStopWord(name!) && !this.isTerm(toTerm(name!)) && this.parameterWords!.has(toTerm(word))
      );
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
