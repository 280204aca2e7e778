/** @module Performs one operation call: base URL, request, static headers, credentials, send; retries once with a fresh OAuth token after a 401. */
import { authorizeRequest, type Authorization } from '../auth/authorize-request.js';
import type { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import type { Credentials } from '../auth/credentials.js';
import { RequestBuildError } from '../errors.js';
import type { Catalog } from '../spec/catalog.js';
import type { ArgumentBinding } from '../schema/input-schema.js';
import type { Operation } from '../spec/operation.js';
import { isObject, type ResponseObject } from '../spec/openapi-types.js';
import { describeSecurity, isSecurityOptional } from '../spec/security.js';
import { resolveBaseUrl } from './base-url.js';
import type { BodyLease } from './body-budget.js';
import { buildRequest, type HttpRequest } from './build-request.js';
import { sendRequest, type FetchLike, type RawResponse } from './send-request.js';

export interface CallSettings {
  fetch: FetchLike;
  timeoutMs: number;
  baseUrl?: string;
  serverVariables?: Record<string, string>;
  /** Sent with every request; parameters and credentials override them. */
  headers: Record<string, string>;
  credentials: Credentials;
  tokens: ClientCredentialsTokens;
  allowedOrigins: ReadonlySet<string>;
  /** Upstream body bytes this call may hold (see body-budget). */
  bodyLease?: BodyLease;
}

export interface CallOutcome {
  response: RawResponse;
  /** What to configure when the endpoint declares auth and none was configured. */
  missingCredentials?: string;
}

export async function callOperation(operation: Operation, catalog: Catalog, bindings: readonly ArgumentBinding[], args: Record<string, unknown>, settings: CallSettings): Promise<CallOutcome> {
  const baseUrl = resolveBaseUrl(operation.servers, catalog.spec.url, settings.baseUrl, settings.serverVariables);
  const alternatives = describeSecurity(operation, catalog);
  const optional = isSecurityOptional(operation);
  // OpenAPI 3.0 ignores `style` on multipart fields. A converted Swagger 2.0 document has styles there only
  // for its formData arrays' collectionFormat (see swagger2-form-arrays), which applies to multipart too.
  const bodyEncoding = { openapi: catalog.spec.version === '3.0' ? '3.0' : '3.1', schemas: { resolver: catalog.spec.resolver, docUrl: operation.docUrl } } as const;

  const prepare = async (): Promise<{ request: HttpRequest; auth: Authorization }> => {
    const request = buildRequest({ method: operation.method, path: operation.path, bindings, args, baseUrl, responseMediaTypes: responseMediaTypes(operation), bodyEncoding });
    const fromArguments = new Set(Object.keys(request.headers));
    request.headers = { ...lowerCaseKeys(settings.headers), ...request.headers };
    const auth = await authorizeRequest(request, { alternatives, optional, credentials: settings.credentials, tokens: settings.tokens, baseUrl });
    const clash = bindings.find((b) => b.location === 'header' && args[b.key] !== undefined && auth.ownedHeaders.includes(b.name.toLowerCase()) && fromArguments.has(b.name.toLowerCase()));
    if (clash) {
      throw new RequestBuildError(`The header "${clash.key}" is set by the configured credentials (${auth.schemes.join(', ')}); leave it out of the arguments.`);
    }
    return { request, auth };
  };

  const sendOptions = {
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    allowedOrigins: new Set([...settings.allowedOrigins, baseUrl.origin]),
    ...(settings.bodyLease ? { bodyLease: settings.bodyLease } : {}),
  };
  const first = await prepare();
  const outcome = (response: RawResponse): CallOutcome => (first.auth.missing ? { response, missingCredentials: first.auth.missing } : { response });
  const response = await sendRequest(first.request, sendOptions);
  if (response.status !== 401 || !first.auth.tokenRequests.length) return outcome(response);
  // The cached token may have been revoked early: fetch a fresh one and try once more.
  for (const tokenRequest of first.auth.tokenRequests) settings.tokens.invalidate(tokenRequest);
  return outcome(await sendRequest((await prepare()).request, sendOptions));
}

function responseMediaTypes(operation: Operation): string[] {
  const types: string[] = [];
  for (const response of Object.values(operation.responses)) {
    const content = isObject(response) ? (response as ResponseObject).content : undefined;
    if (isObject(content)) types.push(...Object.keys(content));
  }
  return types;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
