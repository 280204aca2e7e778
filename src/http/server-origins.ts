/** @module The origins a document's servers name: redirects may lead there and nowhere else. */
import type { Catalog } from '../openapi/catalog.js';
import { expandServerUrl } from './base-url.js';

export function serverOrigins(catalog: Catalog): Set<string> {
  const origins = new Set<string>();
  const servers = new Set([...(catalog.spec.document.servers ?? []), ...catalog.operations.flatMap((op) => op.servers)]);
  for (const server of servers) {
    try {
      origins.add(new URL(expandServerUrl(server), catalog.spec.url).origin);
    } catch {
      // Unusable server entries are reported when used.
    }
  }
  return origins;
}
