import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, test } from 'vitest';
import { createTools } from '../../src/tools/create-tools.js';
import { catalogOf, sample } from '../support/connect.js';
import { realSpecPath } from '../support/real-specs.mjs';

describe('what a model reads of tools/list', () => {
  test.each([
    ['the bundled sample', () => sample],
    ["GitHub's API (1,200+ endpoints, many tags)", () => realSpecPath('github')],
  ])('for %s: names, descriptions and input schemas of the three tools stay within 600 tokens', async (_name, spec) => {
    const tools = createTools(await catalogOf(spec()), { readOnly: false });
    const read = tools.map(({ definition: { name, description, inputSchema } }) => ({ name, description, inputSchema }));
    expect(encode(JSON.stringify(read)).length).toBeLessThanOrEqual(600);
  });

  test('every tool takes the optional session handle, says to pass it back, and returns it', async () => {
    const tools = createTools(await catalogOf(sample), { readOnly: false });
    for (const { definition } of tools) {
      expect(definition.inputSchema.properties?.session).toMatchObject({ type: 'string' });
      expect(definition.inputSchema.required ?? []).not.toContain('session');
      expect(definition.outputSchema).toMatchObject({ properties: { session: { type: 'string' } }, required: ['session'] });
    }
  });
});
