/** @module Decides the base URL of an operation: `--base-url`, else its first server with variables filled, resolved against the spec's own URL. */
import { ConfigError } from '../errors.js';
import type { ServerObject } from '../openapi/openapi-types.js';

/** Fills `{variable}`s with their defaults (or given values checked against their enum). */
export function expandServerUrl(server: ServerObject, values: Record<string, string> = {}): string {
  return server.url.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const variable = server.variables?.[name];
    const value = values[name] ?? variable?.default;
    if (value === undefined) {
      throw new ConfigError(`Server URL "${server.url}" has the variable {${name}} with no default.`, { hint: 'Pass --base-url with the full URL to use.' });
    }
    if (variable?.enum && values[name] !== undefined && !variable.enum.includes(value)) {
      throw new ConfigError(`Server variable {${name}} must be one of ${variable.enum.join(', ')}; got "${value}".`);
    }
    return value;
  });
}

/** The first server, or its HTTPS twin listed further on (AWS documents list `http://` first, then the same URL with `https://`). */
function preferredServer(servers: readonly ServerObject[]): ServerObject | undefined {
  const first = servers[0];
  if (typeof first?.url !== 'string' || !/^http:\/\//i.test(first.url)) return first;
  const secure = `https://${first.url.slice('http://'.length)}`;
  return servers.find((s) => s.url === secure) ?? first;
}

/**
 * The base URL for requests, without a trailing slash: `--base-url` as resolveConfig checked it, else the
 * servers list. A relative server URL resolves against the spec's URL when the spec was downloaded; from a
 * local file it needs `--base-url`.
 */
export function resolveBaseUrl(servers: readonly ServerObject[], specUrl: URL, override?: URL, variables: Record<string, string> = {}): URL {
  if (override) return override;
  const server = preferredServer(servers);
  if (!server || typeof server.url !== 'string') {
    if (specUrl.protocol !== 'file:') return parseBase(new URL('/', specUrl).href, 'the spec URL');
    throw new ConfigError('The OpenAPI document declares no servers, so there is no URL to send requests to.', {
      hint: 'Pass --base-url https://api.example.com (or set OPENAPI_MCP_BASE_URL).',
    });
  }
  const expanded = expandServerUrl(server, variables);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(expanded)) return parseBase(expanded, 'the servers list');
  if (specUrl.protocol === 'file:') {
    throw new ConfigError(`The server URL "${server.url}" is relative and the document was read from a file, so it has no host.`, {
      hint: 'Pass --base-url https://api.example.com (or set OPENAPI_MCP_BASE_URL).',
    });
  }
  return parseBase(new URL(expanded, specUrl).href, 'the servers list');
}

function parseBase(text: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`The base URL "${text}" from ${source} is not a valid URL.`, {
      hint: 'Use an absolute http(s) URL such as https://api.example.com/v1.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`The base URL "${text}" from ${source} is not http(s).`, { hint: 'Use an absolute http(s) URL such as https://api.example.com/v1.' });
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}
