/**
 * @module Upstream body bytes held in memory at once, bounded per process and per request (a JSON-RPC batch is
 * one request): past a bound an answer is refused with a clear error instead of exhausting memory.
 */
import { UpstreamRequestError } from '../errors.js';

export class BodyBudget {
  private held = 0;

  constructor(
    readonly maxBytes: number,
    /** Says whose budget it is, in an error: "on this server", "in one request". */
    readonly scope: string,
  ) {}

  tryTake(bytes: number): boolean {
    if (this.held + bytes > this.maxBytes) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }
}

/** What one tool call holds, taken from every budget that applies, all given back when the call is done. */
export class BodyLease {
  private readonly taken = new Map<BodyBudget, number>();

  constructor(private readonly budgets: readonly BodyBudget[]) {}

  /** Takes `bytes` from every budget, or from none: throws naming the budget that is spent. */
  take(bytes: number, label: string): void {
    const granted: BodyBudget[] = [];
    for (const budget of this.budgets) {
      if (budget.tryTake(bytes)) {
        granted.push(budget);
        continue;
      }
      for (const g of granted) g.give(bytes);
      throw new UpstreamRequestError(
        `${label}: the answer was not read, because upstream answers being read ${budget.scope} already hold ${mebibytes(budget.maxBytes)}.`,
        {
          hint: 'Retry in a moment, or send fewer calls at once; ask for less (a smaller page, a filter) if the answers are large.',
        },
      );
    }
    for (const budget of this.budgets) this.taken.set(budget, (this.taken.get(budget) ?? 0) + bytes);
  }

  release(): void {
    for (const [budget, bytes] of this.taken) budget.give(bytes);
    this.taken.clear();
  }
}

function mebibytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}
