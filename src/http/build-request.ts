/** @module Turns validated arguments into an HTTP request: path, query, header and cookie parameters by style, and the body by media type. */
import { createHash } from 'node:crypto';
import { RequestBuildError } from '../errors.js';
import type { ArgumentBinding } from '../arguments/input-schema.js';
import type { HttpMethod } from '../base/http-methods.js';
import { encodeBody, type EncodeBodyOptions } from './encode-body.js';
import { transportHeaders } from '../arguments/transport-headers.js';
import { presetValue } from '../arguments/fixed-parameters.js';
import { serializeCookieParam, serializeHeaderParam, serializePathParam, serializeQueryParam } from './serialize-param.js';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface BuildRequestInput {
  method: HttpMethod;
  path: string;
  bindings: readonly ArgumentBinding[];
  args: Record<string, unknown>;
  baseUrl: URL;
  /** Media types the responses declare, for the Accept header. */
  responseMediaTypes?: readonly string[];
  /** How multipart bodies read the document: its OpenAPI version and its `$ref`s. */
  bodyEncoding?: EncodeBodyOptions;
  /** Query pairs, already encoded, sent after the parameters (see CallSettings.extraQuery). */
  extraQuery?: readonly string[] | undefined;
}

/** Whether the operation declares a Content-MD5 header: left out, it is the body's digest (RFC 1864), which S3 requires of its bucket settings and only we can work out. */
function declaresDigest(bindings: readonly ArgumentBinding[]): boolean {
  return bindings.some((b) => b.location === 'header' && b.name.toLowerCase() === 'content-md5');
}

/** Headers a parameter may not set: the transport and auth own them. */
const forbiddenHeaders = new Set([...transportHeaders, 'proxy-authorization', 'cookie', 'authorization']);

export function buildRequest(input: BuildRequestInput): HttpRequest {
  const { args, bindings } = input;
  let { path, query: templateQuery } = splitTemplate(input.path);
  const query: string[] = [];
  const cookies: string[] = [];
  const headers: Record<string, string> = {};
  let body: string | Uint8Array | undefined;

  for (const binding of bindings) {
    // A parameter that allows one value only, or a version with a default, is sent for the caller when left out (see fixed-parameters).
    const value = args[binding.key] === undefined && binding.location !== 'body' ? presetValue(binding.parameter)?.value : args[binding.key];
    if (value === undefined) continue;
    if (binding.location === 'body') {
      const encoded = encodeBody(binding.mediaType, binding.media, value, input.bodyEncoding);
      body = encoded.body;
      headers['content-type'] = encoded.contentType;
      continue;
    }
    const { parameter } = binding;
    const contentType = parameter.content ? Object.keys(parameter.content)[0] : undefined;
    const asContent = contentType !== undefined ? (typeof value === 'string' ? value : JSON.stringify(value)) : value;
    switch (binding.location) {
      case 'path': {
        if (isEmptyValue(asContent)) {
          throw new RequestBuildError(`The path parameter "${binding.name}" of ${input.method.toUpperCase()} ${input.path} is empty.`, {
            hint: 'A path segment needs a value: pass a non-empty value.',
          });
        }
        const text = serializePathParam(binding.name, asContent, parameter.style ?? 'simple', parameter.explode ?? false);
        path = path.split(`{${binding.name}}`).join(text);
        if (templateQuery) templateQuery = templateQuery.split(`{${binding.name}}`).join(encodeURIComponent(templateValue(asContent)));
        break;
      }
      case 'query':
        query.push(
          ...serializeQueryParam(binding.name, asContent, {
            style: parameter.style ?? 'form',
            explode: parameter.explode ?? (parameter.style ?? 'form') === 'form',
            allowReserved: parameter.allowReserved ?? false,
          }),
        );
        break;
      case 'header': {
        const name = binding.name.toLowerCase();
        if (forbiddenHeaders.has(name)) throw new RequestBuildError(`The header parameter "${binding.name}" cannot be set by arguments.`);
        headers[name] = checkHeaderValue(binding.name, serializeHeaderParam(asContent, parameter.explode ?? false));
        break;
      }
      case 'cookie':
        cookies.push(...serializeCookieParam(binding.name, asContent, parameter.explode ?? true));
        break;
    }
  }

  const missing = /\{([^}]+)\}/.exec(path);
  if (missing) {
    throw new RequestBuildError(`The path ${input.path} needs a value for {${missing[1]}}, and no path parameter provides it.`, {
      hint: 'The OpenAPI document does not declare that path parameter; fix the document.',
    });
  }
  for (const segment of path.split('/')) {
    if (segment === '.' || segment === '..') {
      throw new RequestBuildError(`A path parameter of ${input.method.toUpperCase()} ${input.path} is "${segment}", which would change the path.`, {
        hint: 'Pass the actual name or id, not a relative path.',
      });
    }
  }
  if (cookies.length) headers.cookie = cookies.join('; ');
  if (!headers.accept) headers.accept = acceptHeader(input.responseMediaTypes ?? []);

  const url = new URL(input.baseUrl.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  const search = [...filledPairs(templateQuery), ...query, ...(input.extraQuery ?? [])];
  url.search = search.length ? `?${search.join('&')}` : '';
  if (url.origin !== input.baseUrl.origin) throw new RequestBuildError(`Refusing to send a request to ${url.origin}: it is not the API's server.`);

  return withBody({ method: input.method.toUpperCase(), url, headers }, body, bindings);
}

/** The request with its body, and a declared Content-MD5 left out set to the body's digest. */
function withBody(request: HttpRequest, body: string | Uint8Array | undefined, bindings: readonly ArgumentBinding[]): HttpRequest {
  if (body === undefined) return request;
  request.body = body;
  if (!request.headers['content-md5'] && declaresDigest(bindings)) request.headers['content-md5'] = createHash('md5').update(body).digest('base64');
  return request;
}

/**
 * The path and query of a path template. "/files/{file_id}#add_shared_link": some documents give one path
 * and method several operations by a fragment, which is no part of the URL (sent, it would be a %23 in the
 * path). Others write a query into the template ("/rest?method=flickr.photos.search",
 * "/fax/history?date_from={date_from}"): it is sent as the query it is, its {variables} filled like the path's.
 */
function splitTemplate(template: string): { path: string; query: string } {
  const withoutFragment = template.replace(/#.*$/, '');
  const at = withoutFragment.indexOf('?');
  return at === -1 ? { path: withoutFragment, query: '' } : { path: withoutFragment.slice(0, at), query: withoutFragment.slice(at + 1) };
}

/** The pairs of a template's query, less those whose variable got no value: left out, as an absent query parameter would be. */
function filledPairs(templateQuery: string): string[] {
  return templateQuery.split('&').filter((pair) => pair && !/\{[^}]*\}/.test(pair));
}

/** A value as text in a query written into the path template: lists comma-separated, objects as JSON. */
function templateValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function checkHeaderValue(name: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new RequestBuildError(`The header parameter "${name}" contains a line break or NUL, which is not allowed.`);
  if (/[\u0100-\uffff]/.test(value)) {
    throw new RequestBuildError(`The header parameter "${name}" contains characters beyond Latin-1, which an HTTP header cannot carry.`, {
      hint: 'Send it in ASCII (percent-encoded, if the API expects that). Nothing was sent.',
    });
  }
  return value;
}

function acceptHeader(mediaTypes: readonly string[]): string {
  const json = mediaTypes.filter((t) => /json/i.test(t));
  if (json.length) return [...new Set(json)].join(', ');
  if (mediaTypes.length) return [...new Set(mediaTypes)].join(', ');
  return 'application/json, */*;q=0.8';
}

/** An empty string, array or object would leave its path segment empty (or a bare `.`/`;` marker). */
function isEmptyValue(value: unknown): boolean {
  if (value === '' || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
