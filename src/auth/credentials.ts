/** @module Credentials for the document's security schemes: one secret per scheme, from `--auth name=value` or `OPENAPI_MCP_AUTH_<NAME>`. */

/** Secrets by security scheme name. Never logged, never returned, never stored in a session. */
export type Credentials = ReadonlyMap<string, string>;

/** `OPENAPI_MCP_AUTH_PETSTORE_AUTH` for the scheme `petstore_auth`. */
export function envVarForScheme(schemeName: string): string {
  return `OPENAPI_MCP_AUTH_${schemeName
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}

/** How a person sets a scheme's credential, for messages. */
export function howToSet(schemeName: string): string {
  return `set ${envVarForScheme(schemeName)} or pass --auth ${schemeName}=<value>`;
}

/**
 * Credentials for the given scheme names: flags (`name=value`) win over environment variables.
 * Unknown names in flags are returned in `unknown` so the CLI can say so.
 */
export function collectCredentials(
  schemeNames: readonly string[],
  flags: readonly string[],
  env: NodeJS.ProcessEnv,
): { credentials: Map<string, string>; unknown: string[] } {
  const credentials = new Map<string, string>();
  const unknown: string[] = [];
  for (const name of schemeNames) {
    const value = env[envVarForScheme(name)];
    if (value) credentials.set(name, value);
  }
  for (const flag of flags) {
    const at = flag.indexOf('=');
    const name = at === -1 ? flag : flag.slice(0, at);
    if (!schemeNames.includes(name)) unknown.push(name);
    else if (at !== -1) credentials.set(name, flag.slice(at + 1));
  }
  return { credentials, unknown };
}
