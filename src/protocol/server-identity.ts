/** @module What the server says of itself, the same in both protocol eras. */
import type { Catalog } from '../openapi/catalog.js';
import { packageName, packageVersion } from '../version.js';
import { theApi } from '../openapi/api-name.js';

export function serverInfo(catalog: Catalog): { name: string; version: string; title: string } {
  return { name: packageName, version: packageVersion, title: `${catalog.title} (OpenAPI)` };
}

export function serverInstructions(catalog: Catalog): string {
  return (
    `This server gives access to ${theApi(catalog.apiName)} (${catalog.operations.length} endpoints) through three tools: ` +
    'list_endpoints to find an endpoint, describe_endpoint to see its inputs, execute_endpoint to call it. ' +
    'Pass the "session" of each result back in the next call.'
  );
}
