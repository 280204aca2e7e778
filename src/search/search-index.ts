/**
 * @module Ranked full-text search over operations: BM25F across id, summary, path, tags, parameter
 * names and description, weighed by what the request means to do and by what each operation is.
 */
import type { Operation } from '../openapi/operation.js';
import { acronymsSaid, segmentTerms } from './acronyms.js';
import { collectionWrites, singularTerms } from './collection-writes.js';
import { OperationNames } from './operation-names.js';
import { groupVariants, type OperationGroup } from './operation-variants.js';
import { contextAffinity, contextOperation, type ContextOperation } from './search-context.js';
import { fieldNames, fieldTerms, operationFamily, parameterPhrases, selfTerm, selfWords, type Field } from './search-fields.js';
import { intentFit, intents, isIntentTerm, openingTerm, operationIntent, requestIntent } from './search-intent.js';
import { RequestReader } from './request-reader.js';
import type { RequestText } from './search-literals.js';
import { conceptTerms, queryConcepts, requestWords, type QueryConcept } from './search-query.js';
import { requestVerbs, type RequestVerbs } from './request-verbs.js';
import { addRunTogetherForms, splitRunTogetherTerms } from './run-together-words.js';
import { searchVocabulary, type SearchVocabulary } from './search-vocabulary.js';
import { contentTerms, pathTitleOf, titleFit, titlesOf } from './search-title.js';
import { isStopWord, memoizedTokenizer, splitWords, tokenize } from './tokenize.js';

/**
 * Fields with their weight (what a term is worth there) and length normalisation b (how much a long
 * field dilutes it). Normalising per field keeps a long description from burying a short exact summary.
 */
const fields: Record<Field, { weight: number; b: number }> = {
  id: { weight: 2.5, b: 0.3 },
  summary: { weight: 3, b: 0.5 },
  path: { weight: 1.5, b: 0.3 },
  pathParam: { weight: 0.4, b: 0.3 },
  tag: { weight: 1.5, b: 0 },
  parameter: { weight: 0.5, b: 0.5 },
  description: { weight: 0.6, b: 0.75 },
};

const k1 = 1.2;
/** Of a concept's alternative terms ("email": mail, message), what the matches after the best add. */
const alternativesShare = 0.5;
/** Up to this share more for a result whose id and summary the request covers entirely. */
const coverageBonus = 0.3;
/** Up to this share more for a result whose title has every content word of the request and no other (see `titleFit`). */
const titleBonus = 1;
/**
 * Share more for a result whose id or summary says the request's words verbatim, in order and inflection
 * ("get secrets" is GetSecrets, not GetSecret; "get boards actions" is getBoardsActions, not getActionsBoard):
 * asked for in its own words, an operation comes first, which terms (singular, unordered) cannot tell.
 */
const verbatimBonus = 0.5;
/**
 * The title fit of an operation whose title is exactly what the request asks for before "by" ("query companies
 * by name": Companies_Query): less than one naming that too ("get schema by name": Getschemabyname before Getschemas).
 */
const qualifiedFitShare = 0.5;
/**
 * What a title fit by the path counts against one by the summary or id: a path names what is acted on, not
 * what is done ("/ontology/term/{accId}" is an ontology term, "Returns term for Accession ID" says so without "ontology").
 */
const pathTitleShare = 0.5;
/**
 * Share more for an operation whose id or summary says two of the request's words next to each other, in its
 * order, for each such pair: "convert CSV to JSON" is CsvToJson ("Data - CSV to JSON"), not JsonToCsv.
 */
const adjacentBonus = 0.05;
/** What an operation keeps whose title undoes what the request asks ("unban" for "ban", "unfollow" for "follow"): the opposite is rarely meant. */
const undoingFactor = 0.5;
/** Share more for an operation with an input whose name the request spells out word for word ("cancel at period end"). */
const parameterPhraseBonus = 0.3;
/** Up to this share more for a match in the neighbourhood of the operations used recently (see `SearchOptions.context`): enough to settle a close call ("add a comment" after working on issues), too little to outweigh a clearly better match elsewhere. */
const contextBonus = 0.25;
/**
 * Share of the best score below which a hit is not a plausible match: left out of the results and of
 * `total` ("create issue" on GitHub: 9 of the 78 operations that share a word with it).
 */
const relevanceFloor = 0.4;
/** The same for a copy of a plausible match under another parent (see `results`): kept with its group down to here. */
const copyFloor = 0.2;
/** Weaker matches named at most (see `weakerMatches`). */
const maxWeaker = 8;
/** A word found inside words the API runs together: at least this long ("roster", not "in"), in no more than `maxHolders` of them, counting `insideWeight`. */
const minInsideChars = 4;
const maxHolders = 8;
const insideWeight = 0.7;

/** Per path segment, what an operation keeps of its score: of two equal matches the shallower is the canonical one ("/me/events" over "/groups/{id}/calendar/events"). */
const depthDecay = 0.97;
/**
 * What an operation with no path parameter keeps when the request names an item by its id ("kill checkout
 * session cs_test_a1b2") or by a name ("the staging namespace"): it has nowhere to put that, unless it
 * creates (the id then goes in the body).
 */
const itemlessFactor = 0.85;
/**
 * What a write to a whole collection keeps when the request speaks of one of its items and the API writes
 * that item too ("pause the DAG": "Update a DAG" before "Update DAGs"; see collection-writes).
 */
const wholeCollectionFactor = 0.8;
/** What a deprecated operation keeps; more when its title is exactly what the request says ("get all projects"): asked for by name, it outranks current ones that add a word, not its current equals. */
const deprecatedFactor = 0.75;
const deprecatedExactFactor = 0.85;
/** What an operation without a description keeps: in generated documents those are the plumbing (counts, navigation properties), and the operations people mean are described. */
const undocumentedFactor = 0.85;
/**
 * The share of an API's operations that must be described for a missing description to say that (Graph:
 * 44%): in a document that describes few, it is the document's habit, and the factor would put the few
 * described operations above exact matches (Jellyfin: 3 of 387; Increase: 29 of 131, its approvals and
 * simulations, while "Create an ACH Transfer" has a summary only).
 */
const describedShareForSignal = 0.3;

export interface SearchOptions {
  tag?: string;
  method?: string;
  /** Maximum hits returned. Default: all. */
  limit?: number;
  /**
   * Ids of operations used recently in the conversation: matches in their neighbourhood (same tag, path
   * prefix or resource) rank a little higher (see search-context). Default: none, no boost.
   */
  context?: readonly string[];
}

export interface SearchIndexOptions {
  /** What request words and phrases mean in API terms. Default: the shipped data/search-vocabulary.json, read on the first search. */
  vocabulary?: SearchVocabulary;
  /** What the verbs a request may open with do. Default: the shipped data/request-verbs.json, read when the index is built (on the first search). */
  verbs?: RequestVerbs;
}

export interface SearchHit {
  operation: Operation;
  score: number;
}

/** A matching document and its score, while ranking. */
interface Ranked {
  doc: number;
  score: number;
}

/** A ranking: the hits, the best score the floors are measured against, the best below the floor, and those kept below it for a word no plausible hit says. */
interface Ranking {
  hits: SearchHit[];
  best: number;
  weaker: SearchHit[];
  kept: ReadonlySet<Operation>;
}

interface Posting {
  docs: number[];
  /** BM25F pseudo-frequency of the term in each document (query-independent, so computed once). */
  weights: number[];
  /** Inverse document frequency, counted over operation families (see `setIdf`). */
  idf: number;
}

export class SearchIndex {
  private readonly operations: readonly Operation[];
  private readonly postings = new Map<string, Posting>();
  /** The terms of the index, listed when a request first has a word none of them is (see `insideWords`). */
  private termList?: string[];
  /** Per document: the distinct terms of its id and summary, to reward results the request explains fully. */
  private readonly titleTerms: string[][];
  /** Per document: its titles as content terms (see `titlesOf`), to put exact matches of a keyword query first. */
  private readonly titles: string[][][];
  /** Per document: what its path names, as content terms (see `pathTitleOf`). */
  private readonly pathTitles: string[][];
  /** Per document: its inputs named by a phrase, as terms (see `parameterPhrases`); undefined when none. */
  private readonly phrases: (string[][] | undefined)[];
  /** Per document: its intent, as an index into `intents`. */
  private readonly intents: Uint8Array;
  /** Per document: what it keeps of any score for what it is, whatever the request (see `prior`). */
  private readonly priors: Float64Array;
  /** Per document: the words of its id and of its summary as written (see `verbatimWords`), worked out when first a candidate. */
  private readonly verbatim: (string[] | undefined)[] = [];
  /** Per document: 1 when its path has a parameter. */
  private readonly takesItem: Uint8Array;
  /** Per document: the collection it writes as a whole beside a write of one item, unless it creates (see `collectionWrites`). */
  private readonly writesCollection: (string | undefined)[];

  private readonly options: SearchIndexOptions;
  /** Per document: its family (see `operationFamily`) as a small number. */
  private readonly families: Int32Array;
  private docsById: Map<string, number> | undefined;
  /** What a request naming operations outright names (see operation-names). */
  private readonly names: OperationNames;
  /** The terms of the paths' one-word segments, where an acronym a request spells out stands (see acronyms). */
  private readonly segments: Set<string>;
  /** What the verbs a request may open with do (see `SearchIndexOptions.verbs`). */
  private readonly verbs: RequestVerbs;
  /** Reads requests in this API's terms (see request-reader). */
  private readonly reader: RequestReader;

  constructor(operations: readonly Operation[], options: SearchIndexOptions = {}) {
    this.operations = operations;
    this.options = options;
    const terms = memoizedTokenizer();
    this.intents = Uint8Array.from(operations, (op) => intents.indexOf(operationIntent(op)));
    const perDoc = operations.map((op, doc) => fieldTerms(op, terms, intents[this.intents[doc]!]));
    this.verbs = options.verbs ?? requestVerbs();
    const runTogether = splitRunTogetherTerms(perDoc, this.verbs);
    this.phrases = operations.map((op) => {
      const phrases = parameterPhrases(op, terms);
      return phrases.length ? phrases : undefined;
    });
    const described = operations.filter(isDescribed).length;
    const undocumented = described >= describedShareForSignal * operations.length ? undocumentedFactor : 1;
    this.priors = Float64Array.from(operations, (op) => prior(op, undocumented));
    this.takesItem = Uint8Array.from(operations, (op) => (op.path.includes('{') ? 1 : 0));
    // Not a creation: AWS's "PUT /meshes" creates one mesh, and "PUT /meshes/{meshName}" updates it.
    this.writesCollection = collectionWrites(operations).map((term, doc) => (intents[this.intents[doc]!] === 'create' ? undefined : term));
    this.names = new OperationNames(operations);
    this.segments = segmentTerms(new Set(operations.map((op) => op.path)), terms);
    this.titleTerms = perDoc.map((d) => [...new Set([...d.id, ...d.summary])]);
    this.titles = perDoc.map(titlesOf);
    this.pathTitles = perDoc.map(pathTitleOf);
    // After the titles: a form run together is the title's words again, not one more of them.
    addRunTogetherForms(perDoc, runTogether);
    const averages = Object.fromEntries(
      fieldNames.map((f) => [f, Math.max(1, perDoc.reduce((sum, d) => sum + d[f].length, 0) / Math.max(1, operations.length))]),
    ) as Record<Field, number>;
    perDoc.forEach((terms, doc) => {
      const frequency = new Map<string, number>();
      for (const field of fieldNames) {
        const { weight, b } = fields[field];
        const norm = 1 - b + (b * terms[field].length) / averages[field];
        for (const term of terms[field]) frequency.set(term, (frequency.get(term) ?? 0) + weight / norm);
      }
      for (const [term, tf] of frequency) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { docs: [], weights: [], idf: 0 }));
        posting.docs.push(doc);
        posting.weights.push(tf);
      }
    });
    this.families = familiesOf(operations);
    this.setIdf(this.families);
    this.reader = new RequestReader(operations, (term) => this.postings.has(term), new Set(perDoc.flatMap((d) => d.pathParam)));
  }

  /**
   * A term's rarity, counted over operation families rather than operations: an API that mounts the
   * same operation under many parents ("/me/events", "/users/{id}/events", "/groups/{id}/events") would
   * otherwise make its central words look common and an incidental word in one place look precious.
   */
  private setIdf(familyOf: Int32Array): void {
    const families = familyOf.reduce((max, f) => Math.max(max, f + 1), 0);
    const seenIn = new Int32Array(families).fill(-1);
    let stamp = 0;
    for (const posting of this.postings.values()) {
      let df = 0;
      for (const doc of posting.docs) {
        const family = familyOf[doc]!;
        if (seenIn[family] !== stamp) {
          seenIn[family] = stamp;
          df++;
        }
      }
      stamp++;
      posting.idf = Math.log(1 + (families - df + 0.5) / (df + 0.5));
    }
  }

  /** Operations matching the query, best first; filters by tag and method (case-insensitive). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.rank(query, options, false).hits;
  }

  /**
   * The plausible hits (at least `relevanceFloor` times the best), best first; with `copies`, also the
   * weaker members (down to `copyFloor`) of their families, for `results` to group with them. `best` is
   * the score the floors are measured against: the best without the verbatim bonus.
   */
  private rank(query: string, options: SearchOptions, copies: boolean): Ranking {
    const request = this.reader.read(query);
    const vocabulary = this.options.vocabulary ?? searchVocabulary();
    const concepts = this.conceptsOf(request, vocabulary);
    const terms = conceptTerms(concepts);
    const fit = this.intentFitFor(request, requestWords(request.text, vocabulary));
    const content = contentOfRequest(request.text, this.unknownWords(concepts));
    // What follows "by" may be in the title ("get user by name") or not ("query companies by name"): either fits.
    const asked = withoutQualifiers(content, concepts);
    const scores = new Float64Array(this.operations.length);
    const allowed = this.filterMask(options);
    const matches = this.score(concepts, allowed, scores);
    // A request that is an operation's name ("sharedWithMe", "issues/create", "GET /v1/customers") or summary asks for that one: it
    // comes first, whatever its words score, even none ("accounts.json" is read as a file).
    const byName = this.names.named(query);
    const naming = this.names.namingOf(byName, query);
    const named = (doc: number): boolean => naming(doc) > 0;
    for (const doc of byName) if (!scores[doc] && (!allowed || allowed[doc])) matches.push(doc);

    // Score × prior × intent fit first; the bonuses can multiply that by at most `maxBonus`, so
    // anything below the floor even with them is left out before they are worked out.
    const bestBase = this.weighBase(matches, scores, request, fit);
    const context = this.contextOf(options);
    // The recent operations settle a close call among operations named for what is asked: after adding a
    // notification, "delete file" is no request to delete one, though its description says "files".
    const askedTerms = [...content];
    const verbatim = verbatimWords(query);
    const pairs = adjacentPairs(verbatim);
    const maxBonus = maxBonusWith(context.length > 0);
    // Every title that fits has each thing asked (see `fitOf`).
    const rarest = this.rarestOf(asked);
    // Worked out once per operation: the estimate of the best below and the ranking after it ask for the same ones.
    const bonused = new Float64Array(this.operations.length);
    const withBonuses = (doc: number): number => {
      if (bonused[doc]) return bonused[doc]!;
      let score = scores[doc]!;
      if (this.phrases[doc]?.some((phrase) => phrase.every((t) => terms.has(t)))) score *= 1 + parameterPhraseBonus;
      const title = this.titleTerms[doc]!;
      if (title.length) score *= 1 + (coverageBonus * title.filter((t) => terms.has(t)).length) / title.length;
      if (this.undoes(doc, terms)) score *= undoingFactor;
      const fit = this.fitOf(doc, content, asked, rarest);
      score *= 1 + titleBonus * fit;
      if (this.operations[doc]!.deprecated) score *= fit === 1 ? deprecatedExactFactor : deprecatedFactor;
      if (context.length && this.titleHasAny(doc, askedTerms)) score *= 1 + contextBonus * contextAffinity(this.operations[doc]!, context);
      bonused[doc] = score;
      return score;
    };
    // Said verbatim, an operation comes first; but the others stay as plausible as they were: the floors
    // below are measured against the best score without it.
    // Words said next to each other count a little too, after the cutoff, as they only order near neighbours (see `adjacentBonus`).
    const verbatimFactor = (doc: number): number =>
      (verbatim && this.verbatimOf(doc).includes(verbatim) ? 1 + verbatimBonus : 1) *
      (pairs.length ? 1 + (adjacentBonus * this.pairsSaid(doc, pairs)) / pairs.length : 1);
    // A lower bound of the best final score, from the strongest base scores, lets the cutoff leave out
    // most weak matches before their bonuses are worked out (Graph beta: thousands share a word).
    let best = 0;
    for (const doc of matches) if (scores[doc]! >= bestBase / 2) best = Math.max(best, withBonuses(doc));
    const cutoff = (relevanceFloor * best) / maxBonus;
    const hits: Ranked[] = [];
    const computed = new Uint8Array(copies ? this.operations.length : 0);
    for (const doc of matches) {
      if (scores[doc]! < cutoff && !named(doc)) continue;
      const score = withBonuses(doc);
      hits.push({ doc, score: score * verbatimFactor(doc) });
      if (copies) computed[doc] = 1;
      best = Math.max(best, score);
    }
    // Results far below the best are noise (one common word matched): not plausible, so not counted.
    const relevant = hits.filter((h) => h.score >= best * relevanceFloor || named(h.doc));
    const kept = this.unrepresented(concepts, relevant, matches, scores, withBonuses);
    relevant.push(...kept);
    const keptDocs = new Set(kept.map((h) => h.doc));
    if (copies) this.addCopies(relevant, hits, matches, { scores, best, maxBonus, kept: keptDocs, computed }, (doc) => withBonuses(doc) * verbatimFactor(doc));
    relevant.sort((x, y) => naming(y.doc) - naming(x.doc) || y.score - x.score || (this.operations[x.doc]!.id < this.operations[y.doc]!.id ? -1 : 1));
    const returned = options.limit === undefined ? relevant : relevant.slice(0, options.limit);
    const toHit = ({ doc, score }: Ranked): SearchHit => ({ operation: this.operations[doc]!, score });
    const keptOperations = new Set(kept.map((h) => this.operations[h.doc]!));
    return { hits: returned.map(toHit), best, weaker: weakest(hits, relevant, best).map(toHit), kept: keptOperations };
  }

  /**
   * Each match's score times its prior and how its intent fits, less for one that takes no item the request
   * names, or writes the whole collection of an item named; the best of them.
   */
  private weighBase(matches: readonly number[], scores: Float64Array, request: RequestText, fit: (doc: number) => number): number {
    let bestBase = 0;
    const singular = singularTerms(request.text);
    for (const doc of matches) {
      scores[doc]! *= this.priors[doc]! * fit(doc);
      if ((request.namesItem || request.namesInstance) && !this.takesItem[doc] && intents[this.intents[doc]!] !== 'create') scores[doc]! *= itemlessFactor;
      const collection = this.writesCollection[doc];
      if (collection !== undefined && singular.has(collection)) scores[doc]! *= wholeCollectionFactor;
      bestBase = Math.max(bestBase, scores[doc]!);
    }
    return bestBase;
  }

  /** The recently used operations the options name that this API has (see `SearchOptions.context`). */
  private contextOf(options: SearchOptions): ContextOperation[] {
    return (options.context ?? []).flatMap((id) => {
      const doc = this.docOf(id);
      return doc === undefined ? [] : [contextOperation(this.operations[doc]!)];
    });
  }

  /** Whether the document's title (id and summary) has one of the terms; true when there are none, so that a request of a verb alone ("delete it") counts. */
  private titleHasAny(doc: number, terms: readonly string[]): boolean {
    return !terms.length || terms.some((term) => this.titleTerms[doc]!.includes(term));
  }

  /** What a request asks for, concept by concept (see search-query), read in this API's terms, its literals with them. */
  private conceptsOf(request: RequestText, vocabulary: SearchVocabulary): QueryConcept[] {
    const concepts = queryConcepts(
      request.text,
      vocabulary,
      (term) => this.postings.has(term),
      (term) => this.verbs.has(term),
    ).map((concept) => this.insideWords(concept));
    concepts.push(...this.reader.literalConcepts(request, conceptTerms(concepts)));
    // "virtual machines" also asks for what the API calls "/vms".
    for (const acronym of acronymsSaid(request.text, this.segments)) concepts.push({ terms: new Map([[acronym, 1]]), together: false });
    return concepts;
  }

  /** Whether the API says any term of a concept. */
  private saysAny(concept: QueryConcept): boolean {
    return [...concept.terms.keys()].some((term) => this.postings.has(term));
  }

  /** The words typed that neither the API nor any meaning or compound of them says ("details" to The Blue Alliance's). */
  private unknownWords(concepts: readonly QueryConcept[]): Set<string> {
    const unknown = concepts.filter((concept) => !this.saysAny(concept));
    return new Set(unknown.map((concept) => [...concept.terms.keys()][0]!));
  }

  /**
   * A word typed that the API never says alone, found inside the words it runs together: "roster" in the
   * NBA's "/commonteamroster", "traditional" in "/boxscoretraditionalv2", with no prose to split them by.
   */
  private insideWords(concept: QueryConcept): QueryConcept {
    const [typed, weight] = [...concept.terms][0] ?? [];
    if (concept.together || typed === undefined || weight === undefined || typed.length < minInsideChars) return concept;
    if (this.saysAny(concept)) return concept;
    this.termList ??= [...this.postings.keys()];
    const holders = this.termList.filter((term) => term.length > typed.length && term.includes(typed));
    // In many words it is a piece of words ("over" in Graph's overview, discovery, recover…), not a word of its own.
    if (!holders.length || holders.length > maxHolders) return concept;
    return { ...concept, terms: new Map([...concept.terms, ...holders.map((term): [string, number] => [term, weight * insideWeight])]) };
  }

  /**
   * Adds to `relevant` the weaker members (down to `copyFloor`) of the families with a plausible member, for
   * `results` to group with them: those ranked already, then those the cutoff left out, their bonuses worked out now.
   */
  private addCopies(
    relevant: Ranked[],
    hits: readonly Ranked[],
    matches: readonly number[],
    { scores, best, maxBonus, kept, computed }: { scores: Float64Array; best: number; maxBonus: number; kept: ReadonlySet<number>; computed: Uint8Array },
    scoreOf: (doc: number) => number,
  ): void {
    // Only families with a plausible member can take a weaker copy: the rest need no bonuses worked out.
    const families = new Set(relevant.map((h) => this.families[h.doc]!));
    const copyCutoff = (copyFloor * best) / maxBonus;
    for (const h of hits)
      if (h.score < best * relevanceFloor && h.score >= best * copyFloor && families.has(this.families[h.doc]!) && !kept.has(h.doc)) relevant.push(h);
    for (const doc of matches) {
      if (computed[doc] || kept.has(doc) || scores[doc]! < copyCutoff || !families.has(this.families[doc]!)) continue;
      const score = scoreOf(doc);
      if (score >= best * copyFloor) relevant.push({ doc, score });
    }
  }

  /** How well each operation's intent fits what the request means to do (see `intentFit`), an action's by whether its title says the verb a request to write opens with. */
  private intentFitFor(request: RequestText, words: readonly string[]): (doc: number) => number {
    const wanted = requestIntent(words, request.namesItem, this.verbs);
    const writeVerb = wanted === 'write' ? openingTerm(words) : undefined;
    return (doc) => intentFit(wanted, intents[this.intents[doc]!]!, writeVerb === undefined || this.titleTerms[doc]!.includes(writeVerb));
  }

  /**
   * For each thing asked that no plausible result says, the result that says it best: a word rare in the API
   * ("info", in two descriptions of The Blue Alliance's) must not hide what the request is about ("team", in
   * 40 of its 65 operations), which the floor would leave out as one common word matched.
   */
  private unrepresented(
    concepts: readonly QueryConcept[],
    relevant: readonly Ranked[],
    matches: readonly number[],
    scores: Float64Array,
    withBonuses: (doc: number) => number,
  ): Ranked[] {
    const added: Ranked[] = [];
    const shown = new Set(relevant.map((h) => h.doc));
    for (const concept of concepts) {
      const terms = [...concept.terms.keys()].filter((term) => !isIntentTerm(term));
      if (!terms.length || concept.qualifier) continue;
      const says = (doc: number) => terms.some((term) => this.mentions(term, doc));
      if ([...shown].some(says)) continue;
      let bestDoc: number | undefined;
      for (const doc of matches) if (says(doc) && (bestDoc === undefined || scores[doc]! > scores[bestDoc]!)) bestDoc = doc;
      if (bestDoc === undefined) continue;
      shown.add(bestDoc);
      added.push({ doc: bestDoc, score: withBonuses(bestDoc) });
    }
    return added;
  }

  /** Whether a term is in an operation's text (its posting lists documents in order). */
  private mentions(term: string, doc: number): boolean {
    const docs = this.postings.get(term)?.docs;
    if (!docs) return false;
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (docs[middle] === doc) return true;
      if (docs[middle]! < doc) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  private verbatimOf(doc: number): string[] {
    const op = this.operations[doc]!;
    return (this.verbatim[doc] ??= [verbatimWords(op.id), verbatimWords(op.summary ?? '')]);
  }

  /** How many of the pairs (see `adjacentPairs`) the operation's id or summary says as written. */
  private pairsSaid(doc: number, pairs: readonly string[]): number {
    const said = this.verbatimOf(doc);
    let count = 0;
    for (const pair of pairs) if (said.some((text) => saysWords(text, pair))) count++;
    return count;
  }

  /**
   * Whether the operation's title undoes what the request asks: "unbanChatMember" for "ban a user", "unstar"
   * for "star"; not when it says the word itself too ("Capture the funds of an uncaptured PaymentIntent").
   */
  private undoes(doc: number, terms: ReadonlyMap<string, number>): boolean {
    const title = this.titleTerms[doc]!;
    return title.some((term) => term.startsWith('un') && !terms.has(term) && terms.has(term.slice(2)) && !title.includes(term.slice(2)));
  }

  /** The document of an operation id, or undefined. */
  private docOf(id: string): number | undefined {
    this.docsById ??= new Map(this.operations.map((op, doc) => [op.id, doc]));
    return this.docsById.get(id);
  }

  /**
   * Adds each concept's BM25F score into `scores`; returns the documents that matched any.
   * Alternatives within a concept ("email": mail, message) count the best fully and the rest a share,
   * so that one idea said in three words does not outweigh two ideas; terms that name it together add up.
   */
  private score(concepts: readonly QueryConcept[], allowed: Uint8Array | undefined, scores: Float64Array): number[] {
    const best = new Float64Array(scores.length);
    const sum = new Float64Array(scores.length);
    const matches: number[] = [];
    const touched: number[] = [];
    const askedIdf = this.askedIdf(concepts);
    for (const concept of concepts) {
      const share = concept.together ? 1 : alternativesShare;
      // A meaning rarer in this API than the word typed would outweigh it (AppVeyor's "project", a word of
      // 21 operations, and "repo", of two badges): it counts at most the typed word's idf. So does what
      // follows "by" against what is asked for ("query companies by name" is no SSL certificate's alternative names).
      const ownIdf = concept.typed === undefined ? undefined : this.postings.get(concept.typed)?.idf;
      const typedIdf = concept.qualifier && askedIdf !== undefined ? Math.min(askedIdf, ownIdf ?? Infinity) : ownIdf;
      for (const [term, queryWeight] of concept.terms) {
        const posting = this.postings.get(term);
        if (!posting) continue;
        const idf = typedIdf === undefined ? posting.idf : Math.min(posting.idf, typedIdf);
        for (let i = 0; i < posting.docs.length; i++) {
          const doc = posting.docs[i]!;
          if (allowed && !allowed[doc]) continue;
          const tf = posting.weights[i]!;
          const contribution = (queryWeight * idf * tf * (k1 + 1)) / (tf + k1);
          if (sum[doc] === 0) touched.push(doc);
          sum[doc]! += contribution;
          if (contribution > best[doc]!) best[doc] = contribution;
        }
      }
      for (const doc of touched) {
        if (scores[doc] === 0) matches.push(doc);
        scores[doc]! += best[doc]! + share * (sum[doc]! - best[doc]!);
        best[doc] = 0;
        sum[doc] = 0;
      }
      touched.length = 0;
    }
    return matches;
  }

  /**
   * How well the operation's titles fit what is asked (see `titleFit`): all its content words, or those before
   * "by" for `qualifiedFitShare`; its path's words where they fit better, for `pathTitleShare` of that.
   */
  private fitOf(doc: number, content: ReadonlySet<string>, asked: ReadonlySet<string>, rarest: string | undefined): number {
    const titles = this.titles[doc]!;
    // A title without the rarest thing asked fits neither way: most operations are passed over at once.
    const byTitle = rarest === undefined || titles.some((title) => title.includes(rarest)) ? askedFit(content, asked, titles) : 0;
    const path = this.pathTitles[doc]!;
    if (byTitle >= pathTitleShare || rarest === undefined || !path.includes(rarest)) return byTitle;
    return Math.max(byTitle, pathTitleShare * askedFit(content, asked, [path]));
  }

  /** The term of the set this API says least often; undefined when the set is empty. */
  private rarestOf(terms: ReadonlySet<string>): string | undefined {
    let rarest: string | undefined;
    let highest = -1;
    for (const term of terms) {
      const idf = this.postings.get(term)?.idf ?? Infinity;
      if (idf > highest) [rarest, highest] = [term, idf];
    }
    return rarest;
  }

  /** The highest idf among the terms of what a request asks for (its concepts before "by"); undefined when none is a term here. */
  private askedIdf(concepts: readonly QueryConcept[]): number | undefined {
    let highest: number | undefined;
    for (const concept of concepts) {
      if (concept.qualifier) continue;
      for (const term of concept.terms.keys()) {
        const idf = this.postings.get(term)?.idf;
        if (idf !== undefined && (highest === undefined || idf > highest)) highest = idf;
      }
    }
    return highest;
  }

  /**
   * What a listing shows: the hits for the query, or without one every operation in document order;
   * copies of one operation under other parents grouped (see operation-variants).
   */
  results(query: string | undefined, options: SearchOptions = {}): OperationGroup[] {
    if (!query) return groupVariants(this.browse(options));
    // Copies rank below their best member (deeper, less described): grouped before the plausibility
    // floor applies to each group's best, so that a plausible operation keeps its copies.
    const { hits, best, kept } = this.rank(query, { ...options, limit: undefined }, true);
    const scores = new Map(hits.map((hit) => [hit.operation, hit.score]));
    const floor = best * relevanceFloor;
    const groups = groupVariants(hits.map((hit) => hit.operation)).filter((group) => scores.get(group.operation)! >= floor || kept.has(group.operation));
    return options.limit === undefined ? groups : groups.slice(0, options.limit);
  }

  /**
   * The best matches below the plausibility floor, and not copies of a plausible one: what shares fewer of
   * the request's words ("list deployment environments" finds getEnvironmentDeployments; getEnvironments is here).
   */
  weakerMatches(query: string, options: SearchOptions = {}): Operation[] {
    const { hits, weaker } = this.rank(query, { ...options, limit: undefined }, false);
    const shown = new Set(groupVariants(hits.map((hit) => hit.operation)).flatMap((group) => [group.operation, ...group.variants]));
    return weaker.map((hit) => hit.operation).filter((op) => !shown.has(op));
  }

  /** Operations passing the tag and method filters, in document order. */
  browse(options: SearchOptions = {}): Operation[] {
    const allowed = this.filterMask(options);
    return allowed ? this.operations.filter((_, i) => allowed[i]) : [...this.operations];
  }

  private filterMask(options: SearchOptions): Uint8Array | undefined {
    const tag = options.tag?.toLowerCase();
    const method = options.method?.toLowerCase();
    if (!tag && !method) return undefined;
    const mask = new Uint8Array(this.operations.length);
    this.operations.forEach((op, i) => {
      const tagOk = !tag || op.tags.some((t) => t.toLowerCase() === tag);
      const methodOk = !method || op.method === method;
      if (tagOk && methodOk) mask[i] = 1;
    });
    return mask;
  }
}

/** A request's content terms (see `contentTerms`), and the caller when it says "my" or "me" (as "/me" paths do). */
/** How well titles fit the request's content words, or, for `qualifiedFitShare`, exactly those asked before "by". */
function askedFit(content: ReadonlySet<string>, asked: ReadonlySet<string>, titles: readonly (readonly string[])[]): number {
  return Math.max(titleFit(content, titles), asked !== content && titleFit(asked, titles) === 1 ? qualifiedFitShare : 0);
}

function contentOfRequest(text: string, unknown: ReadonlySet<string>): Set<string> {
  const content = new Set(contentTerms(tokenize(text)));
  if (requestWords(text).some((word) => selfWords.has(word))) content.add(selfTerm);
  // A word the API does not know, nor any meaning of it, is in no title: it would keep every title from fitting.
  const known = [...content].filter((term) => !unknown.has(term));
  return known.length && known.length < content.size ? new Set(known) : content;
}

/** The content terms less those only what follows "by" says (see `QueryConcept.qualifier`); the same set when there are none. */
function withoutQualifiers(content: ReadonlySet<string>, concepts: readonly QueryConcept[]): ReadonlySet<string> {
  const asked = new Set(concepts.filter((c) => !c.qualifier).flatMap((c) => [...c.terms.keys()]));
  const qualifying = new Set(concepts.filter((c) => c.qualifier).flatMap((c) => [...c.terms.keys()]));
  const kept = [...content].filter((term) => !qualifying.has(term) || asked.has(term));
  return kept.length === content.size || !kept.length ? content : new Set(kept);
}

/** Each operation's family (see `operationFamily`) as a small number. */
function familiesOf(operations: readonly Operation[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(operations, (op) => {
    const key = operationFamily(op);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
}

/** The query-independent part of an operation's score: less when deep, or by `undocumented` when not described (deprecation weighs in with the title, see `rank`). */
function prior(op: Operation, undocumented: number): number {
  const factor = depthDecay ** op.path.split('/').filter(Boolean).length;
  return isDescribed(op) ? factor : factor * undocumented;
}

function isDescribed(op: Operation): boolean {
  return Boolean(op.description?.trim());
}

/** A text's words as written, lowercased, without stop words: what a request that quotes an id or summary shares with it. */
function verbatimWords(text: string): string {
  return splitWords(text)
    .filter((word) => !isStopWord(word))
    .join(' ');
}

/**
 * The most the bonuses can multiply a score by, for the cutoff (the context's only when there are recent
 * operations). Not `adjacentBonus`: it only orders near neighbours, and would lower the cutoff of every
 * request, which costs Graph beta's searches more than it could change; it is applied to the hits alone.
 */
function maxBonusWith(context: boolean): number {
  const bonuses = [parameterPhraseBonus, coverageBonus, titleBonus, verbatimBonus, context ? contextBonus : 0];
  return bonuses.reduce((product, bonus) => product * (1 + bonus), 1);
}

/** Whether text says the words as whole words (`text` and `words` as `verbatimWords` writes them), without building strings. */
function saysWords(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    const end = at + words.length;
    if ((at === 0 || text[at - 1] === ' ') && (end === text.length || text[end] === ' ')) return true;
  }
  return false;
}

/** Each two words next to each other in words as written (see `verbatimWords`). */
function adjacentPairs(verbatim: string): string[] {
  const words = verbatim.split(' ').filter(Boolean);
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** The strongest hits left out as not plausible, down to the copy floor, best first (see `weakerMatches`). */
function weakest(hits: readonly Ranked[], relevant: readonly Ranked[], best: number): Ranked[] {
  const kept = new Set(relevant.map((h) => h.doc));
  return hits
    .filter((h) => !kept.has(h.doc) && h.score >= best * copyFloor)
    .sort((x, y) => y.score - x.score)
    .slice(0, maxWeaker);
}
