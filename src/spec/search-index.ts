/** @module Ranked full-text search over operations: BM25F across id, path, summary, tags, parameter names and description. */
import type { Operation } from './operation.js';
import { tokenize } from './tokenize.js';

/** Field weights: what a term is worth where it is found. */
const weights = {
  id: 2.5,
  summary: 3,
  path: 1.5,
  pathParam: 0.4,
  tag: 1.5,
  parameter: 0.5,
  description: 0.4,
} as const;

const k1 = 1.2;
const b = 0.5;
const descriptionChars = 240;
const deprecatedFactor = 0.6;

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
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  constructor(operations: readonly Operation[]) {
    this.operations = operations;
    this.lengths = new Float64Array(operations.length);
    let total = 0;
    operations.forEach((op, doc) => {
      const termWeights = new Map<string, number>();
      const add = (text: string | undefined, weight: number) => {
        if (!text) return;
        for (const term of tokenize(text)) termWeights.set(term, (termWeights.get(term) ?? 0) + weight);
      };
      add(op.id, weights.id);
      add(op.summary, weights.summary);
      for (const segment of op.path.split('/')) {
        add(segment.replace(/\{[^}]*\}/g, ' '), weights.path);
        for (const param of segment.match(/\{[^}]*\}/g) ?? []) add(param, weights.pathParam);
      }
      for (const tag of op.tags) add(tag, weights.tag);
      for (const param of op.parameters) add(param.name, weights.parameter);
      add(op.description?.slice(0, descriptionChars), weights.description);

      let length = 0;
      for (const [term, weight] of termWeights) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { docs: [], weights: [] }));
        posting.docs.push(doc);
        posting.weights.push(weight);
        length += weight;
      }
      this.lengths[doc] = length;
      total += length;
    });
    this.averageLength = operations.length ? total / operations.length : 1;
  }

  /** Operations matching the query, best first; filters by tag and method (case-insensitive). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const terms = [...new Set(tokenize(query))];
    const allowed = this.filterMask(options);
    const scores = new Float64Array(this.operations.length);
    const n = this.operations.length;
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.docs.length + 0.5) / (posting.docs.length + 0.5));
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i]!;
        if (allowed && !allowed[doc]) continue;
        const tf = posting.weights[i]!;
        const norm = k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < n; doc++) {
      let score = scores[doc]!;
      if (score <= 0) continue;
      const operation = this.operations[doc]!;
      if (operation.deprecated) score *= deprecatedFactor;
      hits.push({ operation, score });
    }
    hits.sort((x, y) => y.score - x.score || x.operation.id.localeCompare(y.operation.id));
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
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
