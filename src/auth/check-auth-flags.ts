/** @module Checks `--auth scheme=secret` entries against the document: the scheme must exist, be a kind we can send, and the secret have the form it needs. */
import { ConfigError } from '../errors.js';
import type { Catalog } from '../openapi/catalog.js';
import type { SecuritySchemeObject } from '../openapi/openapi-types.js';
import { awsCredential } from './schemes/aws-sigv4.js';
import { schemeUse, unsupportedType } from './schemes/scheme-use.js';

/** Throws a ConfigError naming the first `--auth` entry for a scheme the document lacks or we cannot send. */
export function checkAuthFlags(catalog: Catalog, flags: readonly string[]): void {
  const schemes = catalog.spec.document.components?.securitySchemes ?? {};
  const names = Object.keys(schemes);
  for (const flag of flags) {
    const name = flag.includes('=') ? flag.slice(0, flag.indexOf('=')) : flag;
    if (!Object.hasOwn(schemes, name)) {
      const unknown = flags.map((f) => f.split('=')[0]!).filter((n) => !Object.hasOwn(schemes, n));
      throw new ConfigError(`--auth names ${unknown.map((n) => `"${n}"`).join(', ')}, which the document does not define.`, {
        hint: names.length ? `Its security schemes are: ${names.join(', ')}.` : 'The document defines no security schemes; use --header to send a credential.',
      });
    }
    let scheme: SecuritySchemeObject | undefined;
    try {
      scheme = catalog.spec.resolver.deref<SecuritySchemeObject>(schemes[name], catalog.spec.resolver.rootUrl, `securitySchemes.${name}`).value;
    } catch {
      scheme = undefined;
    }
    const type = scheme?.type;
    const refused = type === undefined ? undefined : unsupportedType(type);
    if (refused) {
      throw new ConfigError(`--auth ${name}: the scheme "${name}" is of type ${type}, which openapi-dynamic-mcp does not support.`, {
        hint: `${refused.reason[0]!.toUpperCase()}${refused.reason.slice(1)}.`,
      });
    }
    // A key that signs (AWS) has parts: a malformed one is refused now, not on every call.
    const use = schemeUse(name, scheme, undefined);
    if (use.type === 'apiKey' && use.signing && flag.includes('=')) awsCredential(name, flag.slice(flag.indexOf('=') + 1));
  }
}
