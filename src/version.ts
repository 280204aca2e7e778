/** @module The package's own name and version, read once from package.json. */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const packageName = pkg.name;
export const packageVersion = pkg.version;

/** The User-Agent of requests upstream and of document downloads: `openapi-dynamic-mcp/0.1.0`. */
export const userAgent = `${pkg.name}/${pkg.version}`;
