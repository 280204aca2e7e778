/**
 * @module An endpoint named by an address it answers at ("GET /textOperations/op-7", or the whole URL of a
 * Location or Operation-Location header): the operation whose path template the address fills, and the
 * path and query values it carries, so that following what a response points to is one call.
 */
import type { Operation } from './operation.js';

export interface AddressMatch {
  operation: Operation;
  /**
   * Values the address gives, by parameter name and location: its path segments, and the query parameters the
   * operation declares; `extra`, the query pairs it does not declare, as written (a next link's `$skiptoken`).
   */
  values: { path: Record<string, string>; query: Record<string, string[]>; extra: string[] };
}

interface Template {
  operation: Operation;
  pattern: RegExp;
  /** The same, its literal parts in any case. */
  anyCase: RegExp;
  names: string[];
  /** Characters the template fixes: of two templates an address fills, the one fixing more is meant ("/users/me" over "/users/{id}"). */
  fixed: number;
}

const cache = new WeakMap<readonly Operation[], Template[]>();

/**
 * The operation with `method` whose path `target` fills, after the path of one of its servers when the
 * target starts with it; undefined when none does. Templates with a fragment or a query in them
 * ("/#Action=ListQueues") share their path with others, so an address cannot tell them apart: left out.
 */
export function matchAddress(operations: readonly Operation[], method: string, target: string): AddressMatch | undefined {
  const address = parseAddress(target);
  if (!address) return undefined;
  // As written first; then without case, as Azure's links may lower-case a literal ("resourcegroups").
  const best = bestMatch(operations, method, address.path, false) ?? bestMatch(operations, method, address.path, true);
  if (!best) return undefined;
  const { operation, names } = best.template;
  const path: Record<string, string> = Object.fromEntries(names.map((name, i) => [name, decoded(best.values[i]!)!]));
  const declared = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name.toLowerCase(), p.name]));
  const query: Record<string, string[]> = {};
  const extra: string[] = [];
  for (const pair of address.search.split('&').filter(Boolean)) {
    const [name, value] = [...new URLSearchParams(pair)][0] ?? [pair, ''];
    const known = declared.get(name.toLowerCase());
    if (known === name) (query[name] ??= []).push(value);
    // Another case of a declared name would reach the API past the validator: left out.
    else if (known === undefined) extra.push(pair);
  }
  return { operation, values: { path, query, extra } };
}

/** The template fixing the most characters that the path fills, with the values of its parameters. */
function bestMatch(operations: readonly Operation[], method: string, path: string, anyCase: boolean): { template: Template; values: string[] } | undefined {
  let best: { template: Template; values: string[] } | undefined;
  for (const template of templatesOf(operations)) {
    if (template.operation.method !== method.toLowerCase() || (best && best.template.fixed >= template.fixed)) continue;
    for (const base of ['', ...serverPaths(template.operation)]) {
      const start = anyCase ? path.toLowerCase() : path;
      const prefix = anyCase ? base.toLowerCase() : base;
      if (prefix && start !== prefix && !start.startsWith(`${prefix}/`)) continue;
      const values = (anyCase ? template.anyCase : template.pattern).exec(path.slice(base.length) || '/')?.slice(1);
      if (values && values.every((v) => decoded(v) !== undefined)) {
        best = { template, values };
        break;
      }
    }
  }
  return best;
}

/** The path (without a trailing slash) and query of an address: a URL, or a path starting with "/". */
function parseAddress(target: string): { path: string; search: string } | undefined {
  if (!/^(?:https?:\/\/|\/)/i.test(target) || target.includes('{')) return undefined;
  let url: URL;
  try {
    url = new URL(target, 'http://address.invalid');
  } catch {
    return undefined;
  }
  return { path: url.pathname.replace(/(.)\/+$/, '$1'), search: url.search.slice(1) };
}

function templatesOf(operations: readonly Operation[]): Template[] {
  let templates = cache.get(operations);
  if (!templates) cache.set(operations, (templates = operations.flatMap(templateOf)));
  return templates;
}

function templateOf(operation: Operation): Template[] {
  const path = operation.path.replace(/(.)\/+$/, '$1');
  if (/[#?]/.test(path)) return [];
  const names: string[] = [];
  let fixed = 0;
  const source = path.split(/(\{[^}]*\})/).map((part) => {
    const name = /^\{([^}]*)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      names.push(name);
      return '([^/]+)';
    }
    fixed += part.length;
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return [{ operation, pattern: new RegExp(`^${source.join('')}$`), anyCase: new RegExp(`^${source.join('')}$`, 'i'), names, fixed }];
}

/** The paths of the operation's servers ("https://{region}.example.com/vision/v1.0" -> "/vision/v1.0"), without a trailing slash. */
function serverPaths(operation: Operation): string[] {
  return operation.servers.flatMap((server) => {
    const path = /^(?:[a-z][\w+.-]*:\/\/[^/]*)?(\/[^?#]*)/i.exec(server.url)?.[1]?.replace(/\/+$/, '');
    return path && !path.includes('{') ? [path] : [];
  });
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
