/**
 * @module describe's text for people, built from the same structured description describe_endpoint
 * returns: a parameter table (name, in, type, required, description), the body as an indented outline,
 * auth with how to configure it, and responses.
 */
import { lookupsText } from '../arguments/filter-lookups.js';
import type { ArgumentBinding } from '../arguments/input-schema.js';
import { isObject } from '../base/json.js';
import { securityText } from '../auth/describe-security.js';
import { unsentAuthorizationNote, type DescribedEndpoint } from '../tools/describe-endpoint.js';
import { fitColumns, rowLines } from './fit-columns.js';
import { outlineSchema, schemaNotes, schemaType } from './schema-outline.js';
import { styleMethod, type Style } from './terminal.js';
import { wrapText } from './wrap-text.js';

export interface EndpointTextOptions {
  style: Style;
  width: number | undefined;
  /** Where each argument goes: path, query, header, cookie or body. */
  bindings: readonly ArgumentBinding[];
  /** How the person ran the command, for the commands this text suggests. */
  command: string;
}

export function endpointText(e: DescribedEndpoint, options: EndpointTextOptions): string {
  const { style, width } = options;
  const wrap = (text: string, indent = '  ', first = '') => wrapText(text, width, indent, first);
  const lines = [
    `${style.bold(e.id)}: ${styleMethod(style, e.method)} ${e.path}${e.summary ? ` - ${e.summary}` : ''}${e.deprecated ? style.yellow(' (deprecated)') : ''}`,
  ];
  if (e.description && e.description !== e.summary) lines.push(...wrap(e.description, '', ''));

  const schema = e.inputSchema;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const location = new Map(options.bindings.map((b) => [b.key, b.location]));
  const parameters = Object.entries(properties).filter(([name]) => name !== 'body' || location.get(name) !== 'body');
  const body = location.get('body') === 'body' ? properties.body : undefined;

  const part = e.id.includes('#');
  if (part) {
    lines.push('', `${style.bold('Schema of this part')}: ${style.cyan(schemaType(schema))}`);
    if (schemaNotes(schema)) lines.push(...wrap(schemaNotes(schema), '  ', '  ').map(style.dim));
    lines.push(...outlineSchema(schema, '  ', { root: schema, style, width }));
  }
  if (!part && parameters.length) lines.push('', style.bold('Parameters'), ...parameterTable(parameters, location, required, style, width));
  if (!part && body !== undefined) {
    const mediaType = options.bindings.find((b) => b.location === 'body');
    const detail = [mediaType && 'mediaType' in mediaType ? mediaType.mediaType : undefined, required.has('body') ? 'required' : 'optional']
      .filter(Boolean)
      .join(', ');
    lines.push('', `${style.bold('Body')} ${style.dim(`(${detail})`)}: ${style.cyan(schemaType(body))}`);
    const notes = schemaNotes(body);
    if (notes) lines.push(...wrap(notes, '  ', '  ').map(style.dim));
    lines.push(...outlineSchema(body, '  ', { root: schema, style, width }));
  }
  if (!part && !parameters.length && body === undefined) lines.push('', `${style.bold('Parameters')}: none`);
  if (e.apiWide)
    lines.push(
      ...wrap(`Also takes ${e.apiWide.length} optional parameters alike on nearly every endpoint of this API: ${e.apiWide.join(', ')}.`, '  ', '  ').map(
        style.dim,
      ),
    );
  if (e.lookups)
    lines.push(
      ...wrap(`Also filters by ${e.lookups.length} lookups, each an optional <filter>__<lookup> parameter: ${lookupsText(e.lookups)}.`, '  ', '  ').map(
        style.dim,
      ),
    );
  if (e.requestContentTypes) {
    lines.push(
      ...wrap(
        `The body may also be sent as ${e.requestContentTypes.slice(1).join(', ')}: pass --content-type to call (the outline above is for ${e.requestContentTypes[0]}).`,
        '  ',
        '  ',
      ).map(style.dim),
    );
  }
  if (e.folded)
    lines.push(
      '',
      ...wrap(`Some parts are folded to stay short; see one with: ${options.command} describe <spec> "<the id it names>".`, '', '').map(style.dim),
    );

  if (!part) {
    const [auth = '', ...more] = wrap(`Auth: ${securityText(e.security, e.authOptional)}${e.authorizationUnsent ? unsentAuthorizationNote : ''}`, '  ', '');
    lines.push('', `${style.bold('Auth')}${auth.slice(4)}`, ...more);
    if (e.responses.length) lines.push('', style.bold('Responses'), ...responseLines(e.responses, style, width));
  }
  if (e.problems?.length) lines.push('', ...wrap(`Problems in the document: ${e.problems.join(' ')}`, '  ', '').map(style.yellow));
  return lines.join('\n');
}

/** NAME, IN, TYPE, REQUIRED and DESCRIPTION of each parameter, fitted to the width. */
function parameterTable(
  parameters: [string, unknown][],
  location: ReadonlyMap<string, string>,
  required: ReadonlySet<string>,
  style: Style,
  width: number | undefined,
): string[] {
  const rows = parameters.map(([name, property]) => [
    name,
    location.get(name) ?? '',
    schemaType(property),
    required.has(name) ? 'yes' : '',
    schemaNotes(property),
  ]);
  const table = fitColumns(
    [
      { header: 'NAME', whole: true },
      { header: 'IN', whole: true },
      { header: 'TYPE' },
      { header: 'REQUIRED', whole: true },
      { header: 'DESCRIPTION', wrap: true },
    ],
    rows,
    width === undefined ? undefined : width - 2,
  );
  const [header, ...body] = table.cells;
  const lines = rowLines(
    header!,
    table.widths,
    header!.map(() => style.dim),
  ).map((l) => `  ${l}`);
  for (const row of body) lines.push(...rowLines(row, table.widths, [style.bold, undefined, style.cyan, style.yellow]).map((l) => `  ${l.trimEnd()}`));
  return lines;
}

/** Each response: its status coloured by class, description and media type, and its shape wrapped below. */
function responseLines(responses: DescribedEndpoint['responses'], style: Style, width: number | undefined): string[] {
  const lines: string[] = [];
  const statusWidth = Math.max(...responses.map((r) => r.status.length));
  for (const r of responses) {
    const status = r.status.padEnd(statusWidth);
    const colored = /^2/.test(r.status) ? style.green(status) : /^[45]/.test(r.status) ? style.red(status) : status;
    lines.push(`  ${colored}  ${r.description ?? ''}${r.contentType ? style.dim(` (${r.contentType})`) : ''}`.trimEnd());
    if (r.shape) lines.push(...wrapText(r.shape, width, ' '.repeat(statusWidth + 6), ' '.repeat(statusWidth + 4)).map(style.dim));
  }
  return lines;
}
