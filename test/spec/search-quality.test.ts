import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realSpecPath } from '../support/real-specs.mjs';
import { catalogOf, root } from '../support/connect.js';

interface Task {
  query: string;
  expected: string;
  alsoAccept?: string[];
  split: 'tune' | 'holdout';
}

const tasks = (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', 'github.json'), 'utf8')) as { tasks: Task[] }).tasks;

describe('search quality on GitHub (tasks phrased the way users ask)', () => {
  test('ranks the expected operation within the first five for most tasks, tuning and held-out sets alike', async () => {
    const index = (await catalogOf(realSpecPath('github'))).search();
    const figures: Record<string, { at1: number; at5: number; n: number }> = {};
    for (const task of tasks) {
      const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
      const top = index.search(task.query, { limit: 5 }).map((h) => h.operation.id);
      const f = (figures[task.split] ??= { at1: 0, at5: 0, n: 0 });
      f.n++;
      if (accepted.has(top[0] ?? '')) f.at1++;
      if (top.some((id) => accepted.has(id))) f.at5++;
    }
    for (const [split, f] of Object.entries(figures)) {
      process.stdout.write(`search quality ${split}: recall@1 ${(f.at1 / f.n).toFixed(2)}, recall@5 ${(f.at5 / f.n).toFixed(2)} over ${f.n} tasks\n`);
    }
    // Floors just under today's figures: a ranking change that loses ground fails here.
    expect(figures.tune!.at5 / figures.tune!.n).toBeGreaterThanOrEqual(0.88);
    expect(figures.tune!.at1 / figures.tune!.n).toBeGreaterThanOrEqual(0.55);
    expect(figures.holdout!.at5 / figures.holdout!.n).toBeGreaterThanOrEqual(0.7);
  });
});
