/** @module From Config to what a server needs: the document loaded and filtered, credentials collected, base URL checked. */
import { checkAuthFlags } from '../auth/check-auth-flags.js';
import { collectCredentials } from '../auth/credentials.js';
import type { Config } from '../config.js';
import { describeError } from '../errors.js';
import { resolveBaseUrl } from '../http/base-url.js';
import type { Logger } from '../log.js';
import { logProgress, type Progress } from '../progress.js';
import type { RuntimeOptions } from '../runtime.js';
import { buildCatalog } from '../openapi/build-catalog.js';
import type { Catalog } from '../openapi/catalog.js';
import { filterCatalog } from '../openapi/filter-catalog.js';
import { loadSpec } from '../openapi/load-spec.js';

export async function loadCatalog(config: Config, progress?: Progress): Promise<Catalog> {
  return (await loadWithCredentials(config, progress)).catalog;
}

/** The catalog and the credentials configured for its schemes, collected once: the catalog needs their names, requests their values. */
async function loadWithCredentials(config: Config, progress?: Progress) {
  const spec = await loadSpec(config.spec, { ...config, progress });
  const schemeNames = Object.keys(spec.document.components?.securitySchemes ?? {});
  const { credentials } = collectCredentials(schemeNames, config.auth, process.env);
  const credentialSchemes = [...credentials.keys(), ...Object.keys(config.http.credentialHeaders)];
  const catalog = filterCatalog(
    buildCatalog(spec, {
      validation: config.validation,
      serverHeaders: Object.keys(config.headers),
      serverQuery: Object.keys(config.query),
      credentialSchemes,
    }),
    config.filter,
  );
  return { catalog, credentials };
}

/** Everything the runtime takes, decided from the config. Problems that only affect requests are logged, not fatal. */
export async function prepareRuntime(config: Config, logger: Logger, progress: Progress = logProgress(logger)): Promise<RuntimeOptions> {
  const { catalog, credentials } = await loadWithCredentials(config, progress);
  checkAuthFlags(catalog, config.auth);
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
  return { ...config, catalog, logger, credentials, readOnly: config.filter.readOnly ?? false };
}
