import { describe, expect, test } from 'vitest';
import { compileInputSchema } from '../../src/arguments/validate-arguments.js';
import { describeOperation } from '../../src/tools/describe-endpoint.js';
import { realSpecPath } from '../support/real-specs.mjs';
import { refsOf } from '../support/schema-refs.js';
import { catalogOf } from '../support/connect.js';

describe("every operation of GitHub's API", () => {
  test('describes with a self-contained input schema that ajv compiles', async () => {
    const catalog = await catalogOf(realSpecPath('github'));
    expect(catalog.operations.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const operation of catalog.operations) {
      const described = describeOperation(operation, catalog);
      const defs = Object.keys((described.inputSchema.$defs as object | undefined) ?? {});
      for (const ref of refsOf(described.inputSchema)) {
        if (!defs.includes(ref.replace('#/$defs/', ''))) failures.push(`${operation.id}: dangling ${ref}`);
      }
      if (described.problems?.length) failures.push(`${operation.id}: ${described.problems.join(' ')}`);
      try {
        await compileInputSchema(described.inputSchema);
      } catch (error) {
        failures.push(`${operation.id}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
