/** @module The "unknown endpoint" message: what was asked, the closest ids, and how to search. */
import { echoInput } from '../echo-input.js';
import type { Catalog } from '../openapi/catalog.js';
import { suggestIds } from '../search/suggest-ids.js';

export function unknownEndpointMessage(catalog: Catalog, id: string): string {
  const hidden = catalog.hiddenReason(id);
  if (hidden) return `Endpoint "${hidden.id}" exists in the API but is not available on this server: ${hidden.reason}.`;
  const suggestions = suggestIds(catalog, id);
  const didYouMean = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return `Unknown endpoint "${echoInput(id)}".${didYouMean} Call list_endpoints with a query to search; ids look like "operationId" or "GET /path".`;
}
