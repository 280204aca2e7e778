/**
 * @module AWS documents' "apiKey" in Authorization (`x-amazon-apigateway-authtype: awsSigv4`): each request
 * signed with AWS Signature Version 4, for the region of the API's server and the document's service.
 */
import { ConfigError } from '../../errors.js';
import { signV4, type AwsCredential } from '../aws-signature-v4.js';
import type { AuthScheme } from './auth-scheme.js';
import type { ApiKeyUse } from './scheme-use.js';

export const awsSigV4Scheme: AuthScheme<ApiKeyUse> = {
  sends: (use): use is ApiKeyUse => use.type === 'apiKey' && use.signing === 'aws-sigv4',
  apply(use, secret, { request, ownedHeaders, apiUrl }) {
    const added = signV4({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...awsScope(apiUrl, use.signingName),
      credential: awsCredential(use.name, secret),
      now: new Date(),
    });
    Object.assign(request.headers, added);
    ownedHeaders.push(...Object.keys(added));
  },
};

/** `ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN]`: neither keys nor tokens contain a colon. */
export function awsCredential(scheme: string, secret: string): AwsCredential {
  const [accessKeyId, secretAccessKey, sessionToken, ...rest] = secret.split(':');
  if (!accessKeyId || !secretAccessKey || rest.length) {
    throw new ConfigError(`The credential for ${scheme} (AWS Signature V4) must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, or with a third part, :SESSION_TOKEN.`, {
      hint: `Pass --auth ${scheme}=<access key id>:<secret access key>, the two joined by a colon.`,
    });
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * The region and service a request is signed for, from the API's server ("dynamodb.eu-west-1.amazonaws.com");
 * a server without a region ("iam.amazonaws.com") is a global service, signed for us-east-1.
 */
export function awsScope(apiUrl: URL, signingName?: string): { region: string; service: string } {
  const host = apiUrl.hostname;
  const region = /(?:^|[.-])([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(host)?.[1];
  const first = host.split('.')[0]!;
  return { region: region ?? 'us-east-1', service: signingName ?? (region ? first.replace(`-${region}`, '') : first) };
}
