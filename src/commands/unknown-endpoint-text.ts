/** @module The CLI's "unknown endpoint" message: the closest ids, and the command that searches. */
import type { Catalog } from '../openapi/catalog.js';
import { suggestIds } from '../search/suggest-ids.js';

export function unknownEndpointText(catalog: Catalog, id: string): string {
  const hidden = catalog.hiddenReason(id);
  if (hidden) return `Endpoint "${hidden.id}" is in the document but hidden here: ${hidden.reason}.`;
  const suggestions = suggestIds(catalog, id);
  const didYouMean = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return `Unknown endpoint "${id}".${didYouMean}\nSearch with: openapi-dynamic-mcp list <spec> "what you want to do".`;
}
