// Settings for tests: what resolveConfig decides when no flag or variable is given (every default from
// config.ts), with the few a test changes.
import { resolveConfig, type Config } from '../../src/config.js';
import { DocumentReader } from '../../src/openapi/document-reader.js';
import type { Catalog } from '../../src/openapi/catalog.js';
import type { CreateServerOptions } from '../../src/server.js';

export const defaultSettings: Config = resolveConfig({ spec: 'openapi.yaml' });

export function settings(overrides: Partial<Config> = {}): Config {
  return { ...defaultSettings, ...overrides };
}

/** A reader for the document at `root`: its trust boundary and limits as configured. */
export function readerFor(root: string | URL, overrides: Partial<Config> = {}): DocumentReader {
  return new DocumentReader(new URL(root), settings(overrides));
}

/** Server options a test gives: the catalog and what differs from the defaults; `baseUrl` may be text. */
export type TestServerOptions = Omit<Partial<CreateServerOptions>, 'baseUrl'> & { catalog: Catalog; baseUrl?: string | URL | undefined };

export function serverOptions(options: TestServerOptions): CreateServerOptions {
  const { baseUrl, ...rest } = options;
  return { ...defaultSettings, credentials: new Map(), readOnly: false, ...rest, baseUrl: baseUrl === undefined ? undefined : new URL(baseUrl) };
}
