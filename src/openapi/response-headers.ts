/** @module The headers an operation's document declares for one response status: a result keeps them, whatever their name. */
import type { Catalog } from './catalog.js';
import type { Operation } from './operation.js';
import type { ResponseObject } from './openapi-types.js';
import { mayHoldSecret } from '../base/credential-names.js';
import { isObject } from '../base/json.js';

/** The lowercased names of the headers declared for the status (its exact entry, else its class "2XX", else "default"). */
export function declaredResponseHeaders(operation: Operation, catalog: Catalog, status: number): ReadonlySet<string> {
  const responses = operation.responses;
  const entry = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
  if (entry === undefined) return new Set();
  let response: unknown;
  try {
    response = catalog.spec.resolver.deref<ResponseObject>(entry, operation.docUrl, `${operation.id} response ${status}`).value;
  } catch {
    return new Set();
  }
  const headers = isObject(response) && isObject(response.headers) ? Object.keys(response.headers) : [];
  return new Set(headers.filter((name) => !mayHoldSecret(name)).map((name) => name.toLowerCase()));
}
