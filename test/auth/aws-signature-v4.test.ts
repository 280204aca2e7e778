// Tests for AWS Signature Version 4 against vectors of AWS's published SigV4 test suite (AKIDEXAMPLE, 2015-08-30).
import { describe, expect, test } from 'vitest';
import { signV4, type SignV4Input } from '../../src/auth/aws-signature-v4.js';

const example: Omit<SignV4Input, 'method' | 'url'> = {
  headers: {},
  region: 'us-east-1',
  service: 'service',
  credential: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  now: new Date('2015-08-30T12:36:00Z'),
};
const scope = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=';

describe('signV4', () => {
  test.each([
    ['get-vanilla', 'GET', 'https://example.amazonaws.com/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    [
      'get-vanilla-query-order-key-case',
      'GET',
      'https://example.amazonaws.com/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    ],
    ['post-vanilla', 'POST', 'https://example.amazonaws.com/', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
    ['post-vanilla-query', 'POST', 'https://example.amazonaws.com/?Param1=value1', '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11'],
  ])('the test suite\'s "%s" signs as published', (_name, method, url, signature) => {
    const added = signV4({ ...example, method, url: new URL(url) });
    expect(added).toEqual({ 'x-amz-date': '20150830T123600Z', authorization: `${scope}${signature}` });
  });

  test('every header the request sends is signed, but those a client or proxy may change; a session token is sent and signed', () => {
    const added = signV4({
      ...example,
      method: 'POST',
      url: new URL('https://dynamodb.us-east-1.amazonaws.com/'),
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem', 'user-agent': 'x', 'content-length': '2' },
      body: '{}',
      service: 'dynamodb',
      credential: { ...example.credential, sessionToken: 'FQoGZXIvYXdzE' },
    });
    expect(added['x-amz-security-token']).toBe('FQoGZXIvYXdzE');
    expect(added.authorization).toContain(
      '/20150830/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, ',
    );
    expect(added).not.toHaveProperty('x-amz-content-sha256');
  });

  test('S3 gets the payload hash as X-Amz-Content-Sha256, signed; the signature changes with the body', () => {
    const put = (body: string) => signV4({ ...example, method: 'PUT', url: new URL('https://s3.amazonaws.com/bucket/a%20b.txt'), body, service: 's3' });
    const added = put('hello');
    expect(added['x-amz-content-sha256']).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(added.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
    expect(put('hello!').authorization).not.toBe(added.authorization);
  });

  test("S3 signs a key's slashes as slashes, however the path sent them; other services sign every segment encoded twice", () => {
    const get = (url: string, service = 's3') => signV4({ ...example, method: 'GET', url: new URL(url), service }).authorization;
    expect(get('https://s3.amazonaws.com/b/reports%2F2024.csv')).toBe(get('https://s3.amazonaws.com/b/reports/2024.csv'));
    expect(get('https://x.amazonaws.com/a%2Fb', 'service')).not.toBe(get('https://x.amazonaws.com/a/b', 'service'));
  });
});
