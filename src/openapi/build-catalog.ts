/** @module Indexes a loaded document's operations into a Catalog: cheap at startup, schemas resolved later on demand. */
import { describeError } from '../errors.js';
import { Catalog } from './catalog.js';
import type { LoadedSpec } from './load-spec.js';
import type { RefResolver } from './ref-resolver.js';
import { methodPathId, saysDeprecated, summaryRepeatsPath, type Operation } from './operation.js';
import { nameOfResponse, splitSummary } from './operation-summary.js';
import type { ValidationPolicy } from '../config.js';
import type { ParameterObject, RequestBodyObject, SecurityRequirement, ServerObject } from './openapi-types.js';
import { httpMethods } from '../base/http-methods.js';
import { isObject } from '../base/json.js';
import { securityOfDocument } from './security-of-document.js';
import { withDocumentVersion } from './version-parameter.js';
import { pathWithoutQuery, queryInPath } from './query-in-path.js';

export interface BuildCatalogOptions {
  /** How far argument validation trusts the document. Default lenient (see config.ts). */
  validation?: ValidationPolicy;
  /**
   * Headers the server sends with every request (`--header`): a header parameter of that name is not an
   * argument (Discourse declares its Api-Key and Api-Username as parameters of each operation).
   */
  serverHeaders?: readonly string[];
  /** Query parameters the server sends with every request (--query): no arguments either. */
  serverQuery?: readonly string[];
  /**
   * Security schemes the server has credentials for (`--auth`, the environment, `--credential-header`): a
   * parameter that one of an operation's schemes sets (Apideck declares its x-apideck-app-id scheme as a
   * header parameter too) is not an argument.
   */
  credentialSchemes?: readonly string[];
}

export function buildCatalog(spec: LoadedSpec, options: BuildCatalogOptions = {}): Catalog {
  const { document, resolver } = spec;
  const operations: Operation[] = [];
  const warnings = [...spec.warnings];
  const documentServers = Array.isArray(document.servers) ? document.servers : [];
  const { security: documentSecurity, warning: securityWarning } = securityOfDocument(document);
  if (securityWarning) warnings.push(securityWarning);
  const isArgument = argumentFilter(options);
  const configured = new Set(options.credentialSchemes);
  const setByCredentials = credentialParameters(spec, options.credentialSchemes ?? []);
  const takenShapes = shapesOf(document.paths);

  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const usedAt = `paths["${path}"]`;
    let item: Record<string, unknown>;
    let itemUrl: string;
    try {
      const resolved = resolver.deref<Record<string, unknown>>(rawItem, resolver.rootUrl, usedAt);
      if (!isObject(resolved.value)) continue;
      item = resolved.value;
      itemUrl = resolved.docUrl;
    } catch (error) {
      warnings.push(describeError(error));
      continue;
    }
    const pathProblems: string[] = [];
    const pathParameters = resolveParameters(resolver, item.parameters, itemUrl, `${usedAt}.parameters`, pathProblems);
    const pathServers = Array.isArray(item.servers) ? (item.servers as ServerObject[]) : undefined;

    for (const method of httpMethods) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const where = `${usedAt}.${method}`;
      const problems = [...pathProblems];
      const ownParameters = resolveParameters(resolver, raw.parameters, itemUrl, `${where}.parameters`, problems);
      let requestBody: RequestBodyObject | undefined;
      if (raw.requestBody !== undefined) {
        try {
          requestBody = resolver.deref<RequestBodyObject>(raw.requestBody, itemUrl, `${where}.requestBody`).value;
        } catch (error) {
          problems.push(describeError(error));
        }
      }
      const { path: operationPath, parameters } = addressOf(method, path, mergeParameters(pathParameters, ownParameters), takenShapes, warnings);
      const operation: Operation = {
        id: '',
        method,
        path: operationPath,
        tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
        deprecated: raw.deprecated === true || saysDeprecated(raw.summary, raw.description),
        ...summaryAndDescription(raw, path, item),
        ...credentialsAsAuth(
          withDocumentVersion(parameters.filter(isArgument), document.info?.version),
          Array.isArray(raw.security) ? (raw.security as SecurityRequirement[]) : documentSecurity,
          setByCredentials,
          configured,
        ),
        responses: isObject(raw.responses) ? raw.responses : {},
        servers: Array.isArray(raw.servers) && raw.servers.length ? (raw.servers as ServerObject[]) : (pathServers ?? documentServers),
        docUrl: itemUrl,
        problems,
      };
      if (typeof raw.operationId === 'string' && raw.operationId) operation.operationId = raw.operationId;
      if (requestBody) operation.requestBody = requestBody;
      operations.push(operation);
    }
  }

  assignIds(operations, warnings);
  return new Catalog({
    title: catalogTitle(document.info?.title, documentServers),
    version: document.info?.version ?? '',
    description: document.info?.description ?? '',
    spec,
    operations,
    warnings,
    ...(options.validation ? { validation: options.validation } : {}),
  });
}

function resolveParameters(resolver: RefResolver, raw: unknown, docUrl: string, usedAt: string, problems: string[]): ParameterObject[] {
  if (!Array.isArray(raw)) return [];
  const parameters: ParameterObject[] = [];
  raw.forEach((entry, index) => {
    try {
      const { value } = resolver.deref<ParameterObject>(entry, docUrl, `${usedAt}[${index}]`);
      if (isObject(value) && typeof value.name === 'string' && typeof value.in === 'string') parameters.push(value);
      else problems.push(`The parameter at ${usedAt}[${index}] has no "name" or "in"; it is left out.`);
    } catch (error) {
      problems.push(describeError(error));
    }
  });
  return parameters;
}

/** Each method and path of the document without the query a template may carry, with how many operations have it. */
function shapesOf(paths: unknown): Map<string, number> {
  const shapes = new Map<string, number>();
  for (const [path, item] of Object.entries(isObject(paths) ? paths : {})) {
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      const key = methodPathId(method, pathWithoutQuery(path));
      if (isObject(item[method])) shapes.set(key, (shapes.get(key) ?? 0) + 1);
    }
  }
  return shapes;
}

/**
 * The path and parameters an operation is served with: a template's query variables as the query parameters
 * they are (see query-in-path), unless another operation has the same method and path without that query.
 */
function addressOf(method: string, path: string, parameters: ParameterObject[], shapes: Map<string, number>, warnings: string[]) {
  const normal = queryInPath(path, parameters);
  if (!normal || (shapes.get(methodPathId(method, pathWithoutQuery(normal.path))) ?? 0) > 1) return { path, parameters };
  warnings.push(
    `${methodPathId(method, path)}: the path's query names ${normal.moved.join(', ')}; served as ${methodPathId(method, normal.path)} with optional query parameters.`,
  );
  return normal;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: ParameterObject[], operationLevel: ParameterObject[]): ParameterObject[] {
  const key = (p: ParameterObject) => `${p.in}:${p.name}`;
  const own = new Set(operationLevel.map(key));
  return [...pathLevel.filter((p) => !own.has(key(p))), ...operationLevel];
}

/** operationId when present and unique; otherwise `METHOD /path`, which every operation also answers to. */
function assignIds(operations: Operation[], warnings: string[]): void {
  const counts = new Map<string, number>();
  for (const op of operations) if (op.operationId) counts.set(op.operationId, (counts.get(op.operationId) ?? 0) + 1);
  for (const op of operations) {
    const unique = op.operationId !== undefined && counts.get(op.operationId) === 1;
    op.id = unique ? op.operationId! : methodPathId(op.method, op.path);
  }
  for (const [operationId, count] of counts) {
    if (count > 1) warnings.push(`operationId "${operationId}" is used by ${count} operations; they are identified as "METHOD /path" instead.`);
  }
}

/** Whether a parameter is an argument: not when the server sends it with every request (--header, --query). */
function argumentFilter(options: BuildCatalogOptions): (p: ParameterObject) => boolean {
  const serverHeaders = new Set(options.serverHeaders?.map((name) => name.toLowerCase()));
  const serverQuery = new Set(options.serverQuery);
  return (p) => !(p.in === 'header' && serverHeaders.has(p.name.toLowerCase())) && !(p.in === 'query' && serverQuery.has(p.name));
}

/** For each configured apiKey scheme, the parameter it sets: `header:x-apideck-app-id` (header names in lower case). */
function credentialParameters(spec: LoadedSpec, configured: readonly string[]): Map<string, string> {
  const parameters = new Map<string, string>();
  const schemes = spec.document.components?.securitySchemes;
  if (!configured.length || !isObject(schemes)) return parameters;
  for (const name of configured) {
    let scheme: unknown;
    try {
      scheme = spec.resolver.deref(schemes[name], spec.resolver.rootUrl, `components.securitySchemes.${name}`).value;
    } catch {
      continue; // a broken scheme is reported where auth is worked out
    }
    if (isObject(scheme) && scheme.type === 'apiKey' && typeof scheme.name === 'string' && typeof scheme.in === 'string')
      parameters.set(name, parameterKey(scheme.in, scheme.name));
  }
  return parameters;
}

/**
 * A parameter a configured scheme sets is that scheme's: it leaves the arguments, and the scheme joins every
 * alternative of the operation's security, so the credential goes with each call (Apideck's operations
 * name only the API key as security, and the app and consumer ids as required header parameters). Only
 * when an alternative is then usable, every scheme of it configured: else the parameter stays an argument,
 * since a credential is sent only with an alternative chosen whole.
 */
function credentialsAsAuth(
  parameters: ParameterObject[],
  security: SecurityRequirement[],
  setByCredentials: Map<string, string>,
  configured: ReadonlySet<string>,
): { parameters: ParameterObject[]; security: SecurityRequirement[] } {
  if (!setByCredentials.size) return { parameters, security };
  const keys = new Set(parameters.map((p) => parameterKey(p.in, p.name)));
  const schemes = [...setByCredentials].filter(([, key]) => keys.has(key));
  if (!schemes.length) return { parameters, security };
  const added = Object.fromEntries(schemes.map(([name]) => [name, []]));
  const extended = (security.length ? security : [{}]).filter(isObject).map((requirement) => ({ ...requirement, ...added }));
  const without = (sent: Set<string>) => parameters.filter((p) => !sent.has(parameterKey(p.in, p.name)));
  if (extended.some((requirement) => Object.keys(requirement).every((name) => configured.has(name))))
    return { parameters: without(new Set(schemes.map(([, key]) => key))), security: extended };
  // None usable, but the operation's own security names the scheme: what is configured of its most nearly
  // configured alternative is sent all the same (OpenFEC asks for its query key with a header key), so the
  // parameter would go twice, once made up.
  const partial = mostConfigured(security, configured);
  const sentAnyway = new Set(schemes.filter(([name]) => partial && Object.hasOwn(partial, name)).map(([, key]) => key));
  return { parameters: sentAnyway.size ? without(sentAnyway) : parameters, security };
}

/** The alternative with the most configured schemes (the first of equals), as requests choose one none of which is whole; none when the security is optional. */
function mostConfigured(security: SecurityRequirement[], configured: ReadonlySet<string>): SecurityRequirement | undefined {
  const requirements = security.filter(isObject);
  if (requirements.some((requirement) => !Object.keys(requirement).length)) return undefined;
  const count = (requirement: SecurityRequirement) => Object.keys(requirement).filter((name) => configured.has(name)).length;
  return requirements.reduce<SecurityRequirement | undefined>(
    (best, requirement) => (count(requirement) > (best ? count(best) : 0) ? requirement : best),
    undefined,
  );
}

function parameterKey(location: string, name: string): string {
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

/**
 * An operation's summary, trimmed, and its description. No summary when it only repeats the path and a
 * description can stand in (see `summaryRepeatsPath`); without summary or description, the name its success
 * response gives it (see `nameOfResponse`), or else its path item's summary and description, which OpenAPI
 * applies to every operation of the path (Twilio's and Velo's: 596 directory operations in 30 documents say
 * nothing of their own). A summary of several lines is its first; the rest goes with the description.
 */
function summaryAndDescription(
  raw: Record<string, unknown>,
  path: string,
  item: Record<string, unknown>,
): Pick<Operation, 'summary' | 'description' | 'describedByPath'> {
  const description = typeof raw.description === 'string' ? raw.description : undefined;
  const described = description !== undefined && description.trim() !== '';
  const withDescription = description === undefined ? {} : { description };
  const summary = typeof raw.summary === 'string' ? raw.summary.trim() : undefined;
  if (!summary) {
    const named = described ? undefined : nameOfResponse(raw.responses);
    if (!described && !named && item !== raw) {
      const ofPath = summaryAndDescription(item, path, item);
      return ofPath.description?.trim() ? { ...ofPath, describedByPath: true } : ofPath;
    }
    const chosen = named ?? summary;
    return chosen === undefined ? withDescription : { summary: chosen, ...withDescription };
  }
  if (described && summaryRepeatsPath(summary, path)) return withDescription;
  const { first, rest } = splitSummary(summary);
  if (!rest) return { summary: first, ...withDescription };
  return { summary: first, description: described ? `${description!.trim()}\n\n${rest}` : rest };
}

/**
 * The document's title; without one (DrChrono's and GoDaddy's are empty: 11 directory documents), the host of its
 * first server, so that the tools name the API ("app.drchrono.com API") rather than "the API". A title that names
 * nothing but an API ("API v1.0.0", "Public Api": 11 more) has the host before it: "www.envoice.in API v1.0.0".
 */
export function catalogTitle(title: unknown, servers: readonly ServerObject[]): string {
  const given = typeof title === 'string' ? title.trim() : '';
  if (given && !namesNothing.test(given)) return given;
  const host = firstHost(servers);
  return host ? `${host}${given ? ` ${given}` : ''}` : given || 'API';
}

/** A title that says only that it is an API, perhaps public or REST, of some version or its documentation. */
const namesNothing =
  /^(?:the\s+)?(?:(?:public|rest|restful|web|http|json|open|private|external|internal|core)\s+)*apis?(?:\s+(?:v?\d[\w.-]*|version\s+\d[\w.]*|documentation|docs|definition|specification|spec|reference))*$/i;

/** The host of the first server that names one. */
function firstHost(servers: readonly ServerObject[]): string | undefined {
  for (const server of servers) {
    // A templated host ("api.{region}.example.com") names no one host; a user in the URL is no name to show.
    if (typeof server?.url !== 'string' || server.url.includes('{')) continue;
    try {
      const host = new URL(server.url.startsWith('//') ? `https:${server.url}` : server.url).hostname;
      if (host) return host;
    } catch {
      // a relative URL: try the next server
    }
  }
  return undefined;
}
