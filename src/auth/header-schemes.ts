/** @module Security schemes a configured header carries (--header "Authorization: Bearer …"): as good as configured. */
import type { Catalog } from '../openapi/catalog.js';
import type { SecuritySchemeObject } from '../openapi/openapi-types.js';
import { schemeUse } from './schemes/scheme-use.js';

/**
 * The names of the document's schemes whose credential travels in one of these headers: an HTTP or OAuth
 * scheme in Authorization, an API key in its own header. A server that sends that header on every request
 * needs no credential for them, and describe should not say one is missing.
 */
export function schemesSentByHeaders(catalog: Catalog, headerNames: readonly string[]): Set<string> {
  const headers = new Set(headerNames.map((name) => name.toLowerCase()));
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
    const header =
      use.type === 'apiKey'
        ? use.in === 'header' && !use.signing
          ? use.parameterName
          : undefined
        : ['http', 'oauth2', 'openIdConnect'].includes(use.type)
          ? 'authorization'
          : undefined;
    if (header && headers.has(header.toLowerCase())) covered.add(name);
  }
  return covered;
}
