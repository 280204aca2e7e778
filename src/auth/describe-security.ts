/** @module Describes an operation's security requirements: alternatives (any one suffices), each a set of schemes (all needed, except those that would share one header: see colliding-schemes). */
import type { Catalog } from '../openapi/catalog.js';
import type { Operation } from '../openapi/operation.js';
import { howToSet } from './credentials.js';
import type { SecuritySchemeObject } from '../openapi/openapi-types.js';
import { isObject } from '../base/json.js';
import { schemeDetail, schemeUse, type SchemeUse } from './schemes/scheme-use.js';
import { withoutCollisions } from './colliding-schemes.js';

/** True when the operation can also be called without credentials (an empty requirement `{}`). */
export function isSecurityOptional(operation: Operation): boolean {
  return operation.security.length === 0 || operation.security.some((r) => isObject(r) && Object.keys(r).length === 0);
}

/** An empty list means the operation needs no credentials. `configured` is set when credentials are given. */
export function describeSecurity(operation: Operation, catalog: Catalog, configured?: ReadonlySet<string>): SchemeUse[][] {
  return operation.security
    .filter((requirement) => isObject(requirement) && Object.keys(requirement).length > 0)
    .flatMap((requirement) => withoutCollisions(Object.entries(requirement).map(([name, scopes]) => useOf(name, scopes, operation, catalog, configured))));
}

/** How the operation uses the scheme `name` with `scopes`: its declaration read, and whether it is configured or may be passed as an argument. */
function useOf(name: string, scopes: unknown, operation: Operation, catalog: Catalog, configured: ReadonlySet<string> | undefined): SchemeUse {
  const schemes = catalog.spec.document.components?.securitySchemes ?? {};
  let scheme: SecuritySchemeObject | undefined;
  try {
    const raw = schemes[name];
    scheme =
      raw === undefined ? undefined : catalog.spec.resolver.deref<SecuritySchemeObject>(raw, catalog.spec.resolver.rootUrl, `securitySchemes.${name}`).value;
  } catch {
    scheme = undefined;
  }
  const use = schemeUse(name, scheme, scopes);
  if (use.type === 'apiKey' && use.signing) {
    const signingName = signingNameOf(catalog);
    if (signingName) use.signingName = signingName;
  }
  if (configured) use.configured = configured.has(name);
  // Documents that list the key among the operation's parameters too ("key", "token" in the query)
  // let the caller send it as an argument: then "not configured" is no dead end.
  if (use.type === 'apiKey' && operation.parameters.some((p) => p.in === use.in && sameParameterName(p.name, use.parameterName ?? use.name, p.in))) {
    use.asArgument = true;
  }
  return use;
}

/** The query parameters in which API keys of these security alternatives travel: their values are never shown back. */
export function queryKeyNames(alternatives: SchemeUse[][]): Set<string> {
  const names = new Set<string>();
  for (const use of alternatives.flat()) if (use.type === 'apiKey' && use.in === 'query') names.add(use.parameterName ?? use.name);
  return names;
}

/**
 * `bearer token (http bearer) or api_key (apiKey in header X-Api-Key)`. When an alternative has every
 * credential it needs, only such alternatives are named: how to configure the others is no use then.
 */
export function securityText(alternatives: SchemeUse[][], optional = false): string {
  if (!alternatives.length) return 'none';
  const ready = alternatives.filter((all) => all.every((s) => s.configured === true));
  const texts = (ready.length ? ready : alternatives).map((all) =>
    all
      .map((s) => {
        const state = s.configured === undefined ? '' : s.configured ? ', configured' : `, not configured: ${unconfiguredHint(s)}`;
        return `${s.name} (${schemeDetail(s)}${state})`;
      })
      .join(' + '),
  );
  // Alternatives that differ only in scopes, which the text leaves out, read the same: said once (YouTube: four times).
  const text = [...new Set(texts)].join(' or ');
  if (!optional) return text;
  // Not needed and none of it set: the operator's how-to is noise to a model that can do nothing about it
  // (unless the key may be passed as an argument, which the model can do).
  const schemes = alternatives.flat();
  if (!schemes.every((s) => s.configured === false && !(s.type === 'apiKey' && s.asArgument))) return `${text}, or none`;
  return `none needed (${[...new Set(schemes.map((s) => s.name))].join(', ')}: optional, not configured)`;
}

/** What to do about a scheme with no credential configured: pass the key as an argument when the operation takes it as one, else configure it. */
function unconfiguredHint(use: SchemeUse): string {
  if (use.type === 'apiKey' && use.asArgument) return `pass it as the argument "${use.parameterName ?? use.name}", or ${howToSet(use.name)}`;
  return howToSet(use.name);
}

/** Header names are case-insensitive; query and cookie names are not. */
function sameParameterName(a: string, b: string, location: string): boolean {
  return location === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The service name an AWS document signs for: `x-aws-signingName` when it differs from the service's (SES's "email"), else `x-serviceName`. */
function signingNameOf(catalog: Catalog): string | undefined {
  const info: Record<string, unknown> = catalog.spec.document.info ?? {};
  const name = info['x-aws-signingName'] ?? info['x-serviceName'];
  return typeof name === 'string' && name ? name : undefined;
}
