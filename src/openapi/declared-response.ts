/** @module What an operation's document declares for one response status: the headers a result keeps, whatever their name, and whether it has a body. */
import type { Catalog } from './catalog.js';
import type { Operation } from './operation.js';
import type { ResponseObject } from './openapi-types.js';
import { mayHoldSecret } from '../base/credential-names.js';
import { isObject } from '../base/json.js';

/** The response declared for the status: its exact entry, else its class "2XX", else "default"; undefined when none or unreadable. */
function declaredResponse(operation: Operation, catalog: Catalog, status: number): ResponseObject | undefined {
  const responses = operation.responses;
  const entry = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
  if (entry === undefined) return undefined;
  const response = catalog.spec.resolver.derefQuietly(entry, operation.docUrl, `${operation.id} response ${status}`);
  return isObject(response) ? (response as ResponseObject) : undefined;
}

/** The lowercased names of the headers declared for the status. */
export function declaredResponseHeaders(operation: Operation, catalog: Catalog, status: number): ReadonlySet<string> {
  const response = declaredResponse(operation, catalog, status);
  const headers = response && isObject(response.headers) ? Object.keys(response.headers) : [];
  return new Set(headers.filter((name) => !mayHoldSecret(name)).map((name) => name.toLowerCase()));
}

/** Whether the document declares the status with no body (no content, or Swagger 2.0's no schema, which conversion leaves as no content). */
export function declaresNoBody(operation: Operation, catalog: Catalog, status: number): boolean {
  const response = declaredResponse(operation, catalog, status);
  return response !== undefined && !(isObject(response.content) && Object.keys(response.content).length);
}
