/** @module Ranked full-text search over operations: BM25F across id, path, summary, tags, parameter names and description. */
import type { Operation } from './operation.js';
import { tokenize, weightedQueryTerms } from './tokenize.js';

/**
 * Fields with their weight (what a term is worth there) and length normalisation b (how much a long
 * field dilutes it). Normalising per field keeps a long description from burying a short exact summary.
 */
const fields = {
  id: { weight: 2.5, b: 0.3 },
  summary: { weight: 3, b: 0.5 },
  path: { weight: 1.5, b: 0.3 },
  pathParam: { weight: 0.4, b: 0.3 },
  tag: { weight: 1.5, b: 0 },
  parameter: { weight: 0.5, b: 0.5 },
  description: { weight: 0.3, b: 0.75 },
} as const;
type Field = keyof typeof fields;
const fieldNames = Object.keys(fields) as Field[];

const k1 = 1.2;
const descriptionChars = 600;
const deprecatedFactor = 0.6;
/** Up to this share more for a result whose id and summary the query covers entirely. */
const coverageBonus = 0.3;
/** Share of the best score below which a hit is not counted as a match. */
const relevanceFloor = 0.2;

export interface SearchOptions {
  tag?: string;
  method?: string;
  /** Maximum hits returned. Default: all. */
  limit?: number;
}

export interface SearchHit {
  operation: Operation;
  score: number;
}

interface Posting {
  docs: number[];
  weights: number[];
}

export class SearchIndex {
  private readonly operations: readonly Operation[];
  /** Per term: the documents containing it and their BM25F pseudo-frequency (query-independent, so computed once). */
  private readonly postings = new Map<string, Posting>();
  /** Per document: the distinct terms of its id and summary, to reward results the query explains fully. */
  private readonly titleTerms: string[][];

  constructor(operations: readonly Operation[]) {
    this.operations = operations;
    const perDoc = operations.map((op) => fieldTerms(op));
    this.titleTerms = perDoc.map((d) => [...new Set([...d.id, ...d.summary])]);
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
        if (!posting) this.postings.set(term, (posting = { docs: [], weights: [] }));
        posting.docs.push(doc);
        posting.weights.push(tf);
      }
    });
  }

  /** Operations matching the query, best first; filters by tag and method (case-insensitive). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const terms = weightedQueryTerms(query);
    const allowed = this.filterMask(options);
    const scores = new Float64Array(this.operations.length);
    const n = this.operations.length;
    for (const [term, queryWeight] of terms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.docs.length + 0.5) / (posting.docs.length + 0.5));
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i]!;
        if (allowed && !allowed[doc]) continue;
        const tf = posting.weights[i]!;
        scores[doc]! += (queryWeight * idf * tf * (k1 + 1)) / (tf + k1);
      }
    }
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < n; doc++) {
      let score = scores[doc]!;
      if (score <= 0) continue;
      const operation = this.operations[doc]!;
      if (operation.deprecated) score *= deprecatedFactor;
      const title = this.titleTerms[doc]!;
      if (title.length) score *= 1 + (coverageBonus * title.filter((t) => terms.has(t)).length) / title.length;
      hits.push({ operation, score });
    }
    hits.sort((x, y) => y.score - x.score || (x.operation.id < y.operation.id ? -1 : 1));
    // Results far below the best are noise (one common word matched): leave them out of the total.
    const floor = (hits[0]?.score ?? 0) * relevanceFloor;
    const relevant = hits.filter((h) => h.score >= floor);
    return options.limit === undefined ? relevant : relevant.slice(0, options.limit);
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

function fieldTerms(op: Operation): Record<Field, string[]> {
  const path: string[] = [];
  const pathParam: string[] = [];
  for (const segment of op.path.split('/')) {
    path.push(...tokenize(segment.replace(/\{[^}]*\}/g, ' ')));
    for (const param of segment.match(/\{[^}]*\}/g) ?? []) pathParam.push(...tokenize(param));
  }
  return {
    id: tokenize(op.id),
    summary: tokenize(op.summary ?? ''),
    path,
    pathParam,
    tag: op.tags.flatMap((t) => tokenize(t)),
    parameter: op.parameters.flatMap((p) => tokenize(p.name)),
    description: tokenize(op.description?.slice(0, descriptionChars) ?? ''),
  };
}
