/** @module Security schemes a configured header carries (--header "Authorization: Bearer …"): as good as configured. */
import type { Catalog } from '../openapi/catalog.js';
import type { SecuritySchemeObject } from '../openapi/openapi-types.js';
import { credentialPlace, schemeUse } from './schemes/scheme-use.js';

/** Per catalog, per set of configured header names: worked out once, as neither changes while a server runs. */
const computed = new WeakMap<Catalog, Map<string, ReadonlySet<string>>>();

/**
 * The names of the document's schemes whose credential travels in one of these headers: an HTTP or OAuth
 * scheme in Authorization, an API key in its own header (not an AWS-signed one: a signature is made for each
 * request). A server that sends that header on every request needs no credential for them, and describe
 * should not say one is missing.
 */
export function schemesSentByHeaders(catalog: Catalog, headerNames: readonly string[]): ReadonlySet<string> {
  const headers = new Set(headerNames.map((name) => name.toLowerCase()));
  const key = [...headers].sort().join('\n');
  let byHeaders = computed.get(catalog);
  if (!byHeaders) computed.set(catalog, (byHeaders = new Map()));
  let covered = byHeaders.get(key);
  if (!covered) byHeaders.set(key, (covered = coveredSchemes(catalog, headers)));
  return covered;
}

function coveredSchemes(catalog: Catalog, headers: ReadonlySet<string>): ReadonlySet<string> {
  const covered = new Set<string>();
  if (!headers.size) return covered;
  for (const [name, raw] of Object.entries(catalog.spec.document.components?.securitySchemes ?? {})) {
    let scheme: SecuritySchemeObject | undefined;
    try {
      scheme = catalog.spec.resolver.deref<SecuritySchemeObject>(raw, catalog.spec.resolver.rootUrl, `securitySchemes.${name}`).value;
    } catch {
      continue;
    }
    const use = schemeUse(name, scheme, undefined);
    const place = credentialPlace(use);
    if (place?.in === 'header' && !(use.type === 'apiKey' && use.signing) && headers.has(place.name)) covered.add(name);
  }
  return covered;
}
