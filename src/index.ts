/** @module The public API of openapi-dynamic-mcp. */
export { createServer, type CreateServerOptions } from './server.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
export { createTools } from './tools/create-tools.js';
export { resolveConfig, type Config, type RawConfig } from './config.js';
export { loadSpec, type LoadedSpec, type LoadSpecOptions } from './openapi/load-spec.js';
export { buildCatalog } from './openapi/build-catalog.js';
export { Catalog } from './openapi/catalog.js';
export type { Operation } from './openapi/operation.js';
export { lintSpec, type LintFinding } from './commands/lint-spec.js';
export type { SessionStore, SessionState } from './session/session-store.js';
export { MemorySessionStore } from './session/memory-session-store.js';
export { serveStdio } from './transports/stdio.js';
export * from './errors.js';
