/** @module Path templates that carry a query ("/fax/history?date_from={date_from}", ClickSend's): its variables become the query parameters they are. */
import type { ParameterObject } from './openapi-types.js';

/**
 * The path and parameters of an operation whose path template writes a query. A path parameter whose variable
 * is only there, as a value ("q={query}") or as a name ("{search}=1", whose value is an example), is sent as
 * the query parameter it is, under the name the query gives it, and is optional: the document declared it
 * required because a path parameter must be. Fixed pairs ("/rest?method=flickr.photos.search") stay.
 * Undefined when the template writes no such variable.
 */
export function queryInPath(
  template: string,
  parameters: readonly ParameterObject[],
): { path: string; parameters: ParameterObject[]; moved: string[] } | undefined {
  const at = template.indexOf('?');
  if (at === -1) return undefined;
  const path = template.slice(0, at);
  const byName = new Map(parameters.filter((p) => p.in === 'path' && !path.includes(`{${p.name}}`)).map((p) => [p.name, p]));
  const kept: string[] = [];
  const moved = new Map<string, ParameterObject>();
  for (const pair of template.slice(at + 1).split('&')) {
    const [, key = '', value = ''] = /^([^=]*)=?(.*)$/.exec(pair)!;
    const asValue = /^\{([^}]+)\}$/.exec(value)?.[1];
    const asName = /^\{([^}]+)\}$/.exec(key)?.[1];
    const variable =
      asValue !== undefined && byName.has(asValue) && !/[{}]/.test(key) ? asValue : asName !== undefined && byName.has(asName) ? asName : undefined;
    if (variable === undefined || moved.has(variable)) {
      kept.push(pair);
      continue;
    }
    const name = variable === asValue && key ? key : variable;
    moved.set(variable, { ...byName.get(variable)!, in: 'query', name, required: false });
  }
  if (!moved.size) return undefined;
  return {
    path: kept.length ? `${path}?${kept.join('&')}` : path,
    parameters: parameters.map((p) => (p.in === 'path' && moved.has(p.name) ? moved.get(p.name)! : p)),
    moved: [...moved.values()].map((p) => p.name),
  };
}
