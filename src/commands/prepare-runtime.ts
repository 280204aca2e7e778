/** @module From Config to what a server needs: the document loaded and filtered, credentials collected, base URL checked. */
import { collectCredentials } from '../auth/credentials.js';
import type { Config } from '../config.js';
import { ConfigError, describeError } from '../errors.js';
import { resolveBaseUrl } from '../http/base-url.js';
import type { Logger } from '../log.js';
import type { CreateServerOptions } from '../server.js';
import { buildCatalog } from '../spec/build-catalog.js';
import type { Catalog } from '../spec/catalog.js';
import { filterCatalog } from '../spec/filter-catalog.js';
import { loadSpec, specOptions } from '../spec/load-spec.js';

export async function loadCatalog(config: Config): Promise<Catalog> {
  const spec = await loadSpec(config.spec, specOptions(config));
  return filterCatalog(buildCatalog(spec), config.filter);
}

/** Everything createServer takes, decided from the config. Problems that only affect requests are logged, not fatal. */
export async function prepareRuntime(config: Config, logger: Logger): Promise<CreateServerOptions> {
  const catalog = await loadCatalog(config);
  const schemeNames = Object.keys(catalog.spec.document.components?.securitySchemes ?? {});
  const { credentials, unknown } = collectCredentials(schemeNames, config.auth, process.env);
  if (unknown.length) {
    throw new ConfigError(
      `--auth names ${unknown.map((n) => `"${n}"`).join(', ')}, which the document does not define.`,
      schemeNames.length ? `Its security schemes are: ${schemeNames.join(', ')}.` : 'The document defines no security schemes; use --header to send a credential.',
    );
  }
  if (catalog.warnings.length) {
    logger.warn(`${catalog.warnings.length} problem(s) in the document; the rest of the API is served. Run \`openapi-dynamic-mcp lint\` for details.`);
    for (const warning of catalog.warnings) logger.debug(warning);
  }
  const firstServers = catalog.operations.find((op) => op.servers.length)?.servers ?? catalog.spec.document.servers ?? [];
  try {
    resolveBaseUrl(firstServers, catalog.spec.url, config.baseUrl, config.serverVariables);
  } catch (error) {
    logger.warn(`Requests cannot be sent yet: ${describeError(error).replace(/\n/g, ' ')}`);
  }
  return {
    catalog,
    logger,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    maxBinaryBytes: config.maxBinaryBytes,
    continuationTtlSeconds: config.continuationTtlSeconds,
    serverVariables: config.serverVariables,
    headers: config.headers,
    credentials,
    readOnly: config.filter.readOnly ?? false,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  };
}
