/** @module Path templates that carry a query ("/fax/history?date_from={date_from}", ClickSend's): its variables become the query parameters they are. */
import type { ParameterObject } from './openapi-types.js';

/** A path template without the query or fragment it may carry: how operations on one path are told apart. */
export function pathWithoutQuery(template: string): string {
  return template.replace(/[?#].*$/, '');
}

/**
 * The path and parameters of an operation whose path template writes a query. A path parameter whose variable
 * is only there, in one pair, as its value ("q={query}") or as its name ("{search}=1", whose value is an
 * example), is sent as the query parameter it is, under the name the query gives it, and is optional: the
 * document declared it required because a path parameter must be. Fixed pairs
 * ("/rest?method=flickr.photos.search"), and pairs this cannot read as one parameter, stay and are filled in
 * as before (see http/build-request). Undefined when no variable moves.
 */
export function queryInPath(
  template: string,
  parameters: readonly ParameterObject[],
): { path: string; parameters: ParameterObject[]; moved: string[] } | undefined {
  const fragmentAt = template.indexOf('#');
  const fragment = fragmentAt === -1 ? '' : template.slice(fragmentAt);
  const withoutFragment = fragmentAt === -1 ? template : template.slice(0, fragmentAt);
  const at = withoutFragment.indexOf('?');
  if (at === -1) return undefined;
  const path = withoutFragment.slice(0, at);
  const pairs = withoutFragment.slice(at + 1).split('&');
  const uses = (name: string) => pairs.filter((pair) => pair.includes(`{${name}}`)).length;
  const queryNames = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const movable = new Map(parameters.filter((p) => p.in === 'path' && !path.includes(`{${p.name}}`) && uses(p.name) === 1).map((p) => [p.name, p]));
  const kept: string[] = [];
  const moved = new Map<string, ParameterObject>();
  for (const pair of pairs) {
    const [, key = '', value = ''] = /^([^=]*)=?(.*)$/.exec(pair)!;
    const variable = onlyVariable(value) ?? onlyVariable(key);
    const name = variable === onlyVariable(value) && key ? key : variable;
    const readable = variable !== undefined && !/[{}]/.test(variable === onlyVariable(value) ? key : value);
    if (!readable || !movable.has(variable) || queryNames.has(name!) || !name) {
      if (pair) kept.push(pair);
      continue;
    }
    // A path parameter's style (simple, label, matrix) says nothing of how a query carries it.
    const moving: ParameterObject = { ...movable.get(variable)!, in: 'query', name, required: false };
    delete moving.style;
    delete moving.explode;
    moved.set(variable, moving);
  }
  if (!moved.size) return undefined;
  return {
    path: `${path}${kept.length ? `?${kept.join('&')}` : ''}${fragment}`,
    parameters: parameters.map((p) => (p.in === 'path' && moved.has(p.name) ? moved.get(p.name)! : p)),
    moved: [...moved.values()].map((p) => p.name),
  };
}

/** The variable a part of a pair is, when it is one variable and nothing else ("{date_from}"). */
function onlyVariable(part: string): string | undefined {
  return /^\{([^{}]+)\}$/.exec(part)?.[1];
}
