/** @module Performs one operation call: base URL, request, static headers, credentials, send; retries once with a fresh OAuth token after a 401. */
import { authorizeRequest, type Authorization } from '../auth/authorize-request.js';
import type { ClientCredentialsTokens } from '../auth/client-credentials-tokens.js';
import type { Credentials } from '../auth/credentials.js';
import { schemesSentByHeaders } from '../auth/header-schemes.js';
import type { Config } from '../config.js';
import { RequestBuildError } from '../errors.js';
import type { Catalog } from '../openapi/catalog.js';
import type { ArgumentBinding } from '../arguments/input-schema.js';
import type { Operation } from '../openapi/operation.js';
import type { ResponseObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { describeSecurity, isSecurityOptional, queryKeyNames } from '../auth/describe-security.js';
import { resolveBaseUrl } from '../http/base-url.js';
import type { BodyLease } from '../http/body-budget.js';
import { buildRequest, type HttpRequest } from '../http/build-request.js';
import { declaredContentType } from '../http/declared-content-type.js';
import { sendRequest, type FetchLike, type RawResponse, type SendOptions } from '../http/send-request.js';

/** What one call reads of the execution settings; `headers` are sent with every request, and parameters and credentials override them. */
export interface CallSettings extends Pick<Config, 'baseUrl' | 'serverVariables' | 'headers' | 'query' | 'timeoutMs' | 'maxDownloadBytes'> {
  fetch: FetchLike;
  credentials: Credentials;
  tokens: ClientCredentialsTokens;
  /** Origins a redirect may lead to (the API's servers). */
  allowedOrigins: ReadonlySet<string>;
  /** Upstream body bytes this call may hold (see body-budget). */
  bodyLease?: BodyLease;
  /** Query pairs, encoded, sent beside the arguments: those of an address the document does not declare, less any credential's (see execute-endpoint). */
  extraQuery?: readonly string[] | undefined;
}

export interface CallOutcome {
  response: RawResponse;
  /** What to configure when the endpoint declares auth and none was configured. */
  missingCredentials?: string;
  /** The query parameters the endpoint's API keys travel in (see queryKeyNames), and those --query adds: masked where the request is shown. */
  queryKeys: ReadonlySet<string>;
}

/** What a call needs from the document that does not change between calls: decided once per operation and settings. */
interface OperationPlan {
  key: string;
  baseUrl: URL;
  /** The API's own server per the document (AWS signs for its region), whatever --base-url says. */
  apiUrl: URL;
  alternatives: ReturnType<typeof describeSecurity>;
  /** Schemes a configured header sends (see header-schemes). */
  sentByHeaders: ReadonlySet<string>;
  queryKeys: ReadonlySet<string>;
  optional: boolean;
  responseMediaTypes: string[];
}

const plans = new WeakMap<Operation, OperationPlan>();

function planOf(operation: Operation, catalog: Catalog, settings: CallSettings): OperationPlan {
  const key = `${settings.baseUrl?.href ?? ''}\n${JSON.stringify(settings.serverVariables)}\n${Object.keys(settings.headers)}`;
  let plan = plans.get(operation);
  if (plan?.key !== key) {
    const alternatives = describeSecurity(operation, catalog);
    const baseUrl = resolveBaseUrl(operation.servers, catalog.spec.url, settings.baseUrl, settings.serverVariables);
    plan = {
      key,
      baseUrl,
      // Without --base-url the base URL is the document's server already.
      apiUrl: settings.baseUrl ? (documentServer(operation, catalog, settings) ?? baseUrl) : baseUrl,
      alternatives,
      sentByHeaders: schemesSentByHeaders(catalog, Object.keys(settings.headers)),
      queryKeys: queryKeyNames(alternatives),
      optional: isSecurityOptional(operation),
      responseMediaTypes: responseMediaTypes(operation, catalog),
    };
    plans.set(operation, plan);
  }
  return plan;
}

export async function callOperation(
  operation: Operation,
  catalog: Catalog,
  bindings: readonly ArgumentBinding[],
  args: Record<string, unknown>,
  settings: CallSettings,
): Promise<CallOutcome> {
  // Base URL, security alternatives and Accept types are the same for every call: worked out once (the URL is never mutated).
  const { baseUrl, apiUrl, alternatives, sentByHeaders, queryKeys, optional, responseMediaTypes: accepted } = planOf(operation, catalog, settings);
  // What the server adds to the query is the user's to know, not the model's: masked where the request is shown.
  const masked = Object.keys(settings.query).length ? new Set([...queryKeys, ...Object.keys(settings.query)]) : queryKeys;
  // OpenAPI 3.0 ignores `style` on multipart fields. A converted Swagger 2.0 document has styles there only
  // for its formData arrays' collectionFormat (see swagger2-form-arrays), which applies to multipart too.
  const bodyEncoding = {
    openapi: catalog.spec.version === '3.0' ? '3.0' : '3.1',
    schemas: { resolver: catalog.spec.resolver, docUrl: operation.docUrl },
    document: catalog.spec.document,
  } as const;

  const prepare = async (): Promise<{ request: HttpRequest; auth: Authorization }> => {
    const { extraQuery } = settings;
    const request = buildRequest({
      method: operation.method,
      path: operation.path,
      bindings,
      args,
      baseUrl,
      responseMediaTypes: accepted,
      bodyEncoding,
      extraQuery,
    });
    withConfiguredQuery(request.url, settings.query);
    const fromArguments = new Set(Object.keys(request.headers));
    request.headers = { ...lowerCaseKeys(settings.headers), ...request.headers };
    const declared = request.body === undefined && !request.headers['content-type'] ? declaredContentType(operation.parameters) : undefined;
    if (declared) request.headers['content-type'] = declared;
    const auth = await authorizeRequest(request, {
      alternatives,
      optional,
      sentByHeaders,
      credentials: settings.credentials,
      tokens: settings.tokens,
      baseUrl,
      apiUrl,
    });
    const clash = bindings.find(
      (b) =>
        b.location === 'header' && args[b.key] !== undefined && auth.ownedHeaders.includes(b.name.toLowerCase()) && fromArguments.has(b.name.toLowerCase()),
    );
    if (clash) {
      throw new RequestBuildError(
        `The header "${clash.key}" is set by the configured credentials (${auth.schemes.join(', ')}); leave it out of the arguments.`,
      );
    }
    return { request, auth };
  };

  // The request's own origin (the base URL's) is always allowed by sendRequest.
  const sendOptions: SendOptions = {
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    maxDownloadBytes: settings.maxDownloadBytes,
    allowedOrigins: settings.allowedOrigins,
    bodyLease: settings.bodyLease,
  };
  const first = await prepare();
  const outcome = (response: RawResponse): CallOutcome =>
    first.auth.missing ? { response, queryKeys: masked, missingCredentials: first.auth.missing } : { response, queryKeys: masked };
  const response = await sendRequest(first.request, sendOptions);
  if (response.status !== 401 || !first.auth.tokenRequests.length) return outcome(response);
  // The cached token may have been revoked early: fetch a fresh one and try once more.
  for (const tokenRequest of first.auth.tokenRequests) settings.tokens.invalidate(tokenRequest);
  return outcome(await sendRequest((await prepare()).request, sendOptions));
}

/** The operation's server per the document, variables filled, ignoring --base-url; undefined when the document has none usable. */
function documentServer(operation: Operation, catalog: Catalog, settings: CallSettings): URL | undefined {
  try {
    return resolveBaseUrl(operation.servers, catalog.spec.url, undefined, settings.serverVariables);
  } catch {
    return undefined;
  }
}

/** Whether any response of the operation is declared as JSON. */
export function declaresJson(operation: Operation, catalog: Catalog): boolean {
  return responseMediaTypes(operation, catalog).some((t) => /json/i.test(t));
}

const mediaTypesCache = new WeakMap<Operation, string[]>();

/**
 * The media types the operation's success (2xx) responses declare, else those of all its responses;
 * `$ref`'d responses (Gitea's, GitHub's) read through. Accept asks for the success representation.
 */
function responseMediaTypes(operation: Operation, catalog: Catalog): string[] {
  let types = mediaTypesCache.get(operation);
  if (types) return types;
  const success: string[] = [];
  const other: string[] = [];
  for (const [status, response] of Object.entries(operation.responses)) {
    let resolved: unknown;
    try {
      resolved = catalog.spec.resolver.deref(response, operation.docUrl, `${operation.id} responses`).value;
    } catch {
      continue; // a broken ref is reported when the endpoint is described
    }
    const content = isObject(resolved) ? (resolved as ResponseObject).content : undefined;
    if (isObject(content)) (/^2/.test(status) ? success : other).push(...Object.keys(content));
  }
  types = success.length ? success : other;
  mediaTypesCache.set(operation, types);
  return types;
}

/** The query parameters configured to go with every request (--query), after those the request has: before signing, so a signature covers them. */
function withConfiguredQuery(url: URL, query: Record<string, string>): void {
  const pairs = Object.entries(query)
    .filter(([name]) => !url.searchParams.has(name))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  if (pairs.length) url.search = `${url.search ? `${url.search}&` : '?'}${pairs.join('&')}`;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
