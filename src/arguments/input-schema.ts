/**
 * @module Builds an operation's input schema: one object with a property per parameter (qualified as
 * `header.id` when a name is used in two locations) and `body` for the request body. Execute validates
 * against exactly this schema.
 */
import type { Catalog } from '../openapi/catalog.js';
import { compactSchemas, defaultDescriptionChars, type SchemaRoot } from '../schema/compact-schema.js';
import type { Operation } from '../openapi/operation.js';
import type { MediaTypeObject, ParameterLocation, ParameterObject } from '../openapi/openapi-types.js';
import { isObject, type JsonObject } from '../base/json.js';
import { isJsonMediaType } from '../base/media-type.js';
import { callerMustSend, presetNote, presetValue } from './fixed-parameters.js';
import { fixedNote } from '../schema/fixed-value.js';
import { isClientDefaulted, transportHeaders } from './transport-headers.js';
import { credentialNote, isCredentialParameter } from './credential-parameter.js';
import { replacementRequired, reusesReplacementBody } from './replacement-body.js';
import { namesTheExampleLeavesOut } from './example-required.js';
import { reachableDefs } from '../schema/local-defs.js';
import { responseEnums } from '../schema/response-enums.js';
import { shortenText } from '../schema/shorten-text.js';
import { shortenWithLegend } from '../schema/shorten-with-legend.js';
import { findUnreliableConstraints, relaxUnreliable, unreliableProblem, type UnreliableConstraint } from '../schema/unreliable-constraints.js';
import { withFileArguments } from './with-file-arguments.js';
import { xmlAttributeNames } from '../schema/xml-schema.js';
import { userAgent } from '../version.js';

/** Where one argument goes in the HTTP request. */
export type ArgumentBinding =
  | { key: string; location: ParameterLocation; name: string; parameter: ParameterObject }
  | { key: 'body'; location: 'body'; mediaType: string; media: MediaTypeObject };

export interface InputSchema {
  schema: JsonObject;
  bindings: ArgumentBinding[];
  problems: string[];
  /** Enums the document contradicts: enforced only under the strict policy, else noted when a value breaks them. */
  unreliable: UnreliableConstraint[];
}

/** Headers that OpenAPI says are not parameters: the request's content negotiation and auth own them. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);
/**
 * The headers of an AWS Signature V4, which AWS documents declare on every operation: signing computes them
 * (see auth/schemes/aws-sigv4), and no caller could by hand.
 */
const signatureHeaders = new Set([
  'x-amz-content-sha256',
  'x-amz-date',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);
/** Headers the request builder, the HTTP client or the request's signature sets: declared as parameters, they are not arguments. */
function isOwnedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return ignoredHeaders.has(lower) || transportHeaders.has(lower) || signatureHeaders.has(lower);
}
const locationPriority: ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
const cache = new WeakMap<Operation, Map<string, InputSchema>>();

/** The input schema for the preferred request media type, or for the one given. Memoized. */
export function inputSchemaOf(operation: Operation, catalog: Catalog, mediaType?: string): InputSchema {
  let byType = cache.get(operation);
  if (!byType) cache.set(operation, (byType = new Map()));
  const key = mediaType ?? '';
  let built = byType.get(key);
  if (!built) {
    built = buildInputSchema(operation, catalog, mediaType);
    byType.set(key, built);
  }
  return built;
}

/** The request media types the operation declares, preferred first. */
export function requestMediaTypes(operation: Operation): string[] {
  const content = sendsBody(operation) ? operation.requestBody?.content : undefined;
  if (!content) return [];
  const preferred = preferredMediaType(content)!;
  return [preferred, ...Object.keys(content).filter((t) => t !== preferred)];
}

/** Picks the request media type: JSON first, then forms, then whatever is declared first. */
export function preferredMediaType(content: Record<string, MediaTypeObject>): string | undefined {
  const types = Object.keys(content);
  return (
    types.find((t) => /^application\/json\b/i.test(t)) ??
    types.find(isJsonMediaType) ??
    types.find((t) => /^application\/x-www-form-urlencoded/i.test(t)) ??
    types.find((t) => /^multipart\/form-data/i.test(t)) ??
    types[0]
  );
}

const bindingCache = new WeakMap<Operation, ArgumentBinding[]>();

/** Where each argument goes, without compiling any schema: cheap enough for every listed endpoint. */
export function argumentBindings(operation: Operation, chosenMediaType?: string): ArgumentBinding[] {
  let bindings = chosenMediaType ? undefined : bindingCache.get(operation);
  if (bindings) return bindings;
  bindings = [];
  const parameters = operation.parameters.filter((p) => !(p.in === 'header' && isOwnedHeader(p.name)));
  const content = sendsBody(operation) ? operation.requestBody?.content : undefined;
  const mediaType = content ? (chosenMediaType ?? preferredMediaType(content)) : undefined;
  const locationsByName = new Map<string, Set<ParameterLocation>>();
  for (const p of parameters) {
    if (!locationsByName.has(p.name)) locationsByName.set(p.name, new Set());
    locationsByName.get(p.name)!.add(p.in);
  }
  for (const p of parameters) {
    const locations = locationsByName.get(p.name)!;
    const owner = locationPriority.find((l) => locations.has(l));
    const clashesWithBody = p.name === 'body' && mediaType !== undefined;
    const key = (locations.size > 1 && p.in !== owner) || clashesWithBody ? `${p.in}.${p.name}` : p.name;
    bindings.push({ key, location: p.in, name: p.name, parameter: p });
  }
  if (mediaType) bindings.push({ key: 'body', location: 'body', mediaType, media: operation.requestBody!.content![mediaType]! });
  if (!chosenMediaType) bindingCache.set(operation, bindings);
  return bindings;
}

/**
 * Whether the operation's request body can be sent: HTTP clients (fetch among them) refuse a body on GET and
 * HEAD, whose semantics RFC 9110 leaves undefined, so a body a document declares there is not an argument.
 */
function sendsBody(operation: Operation): boolean {
  return operation.method !== 'get' && operation.method !== 'head';
}

export function buildInputSchema(operation: Operation, catalog: Catalog, mediaType?: string): InputSchema {
  const { resolver } = catalog.spec;
  const bindings = argumentBindings(operation, mediaType);
  const roots: SchemaRoot[] = bindings.map((binding) =>
    binding.location === 'body'
      ? { schema: binding.media.schema ?? {}, docUrl: operation.docUrl, usedAt: `${operation.id} request body (${binding.mediaType})` }
      : { schema: parameterSchema(binding.parameter), docUrl: operation.docUrl, usedAt: `${operation.id} parameter "${binding.name}" (${binding.location})` },
  );

  const dialect = catalog.spec.version === '3.1' ? '3.1' : '3.0';
  const { schemas, defs, problems } = compactSchemas(roots, resolver, { context: 'request', dialect });
  if (operation.requestBody?.content && !sendsBody(operation)) {
    problems.push(`The document declares a request body for ${operation.method.toUpperCase()}, which HTTP clients do not send; it is not an argument.`);
  }
  for (const p of operation.parameters) {
    if (p.in === 'header' && transportHeaders.has(p.name.toLowerCase()))
      problems.push(`The header parameter "${p.name}" is computed for each request by the HTTP client; it is not an argument.`);
  }
  const properties: JsonObject = {};
  const required: string[] = [];
  bindings.forEach((binding, i) => {
    let schema = schemas[i] as JsonObject | boolean;
    if (binding.location === 'body') {
      const description = shortenText(operation.requestBody?.description, 160);
      const attributes = /xml/i.test(binding.mediaType) ? xmlAttributeNames(binding.media.schema, { resolver, docUrl: operation.docUrl }) : [];
      schema = withFileArguments(binding.mediaType, schema, defs, description, attributes);
      if (description && isObject(schema) && !schema.description) schema = { ...schema, description };
      if (!/json/i.test(binding.mediaType) && isObject(schema))
        schema = { ...schema, description: `(${binding.mediaType}) ${schema.description ?? ''}`.trim() };
      if (operation.requestBody?.required) required.push('body');
    } else {
      const p = binding.parameter;
      const preset = presetValue(p);
      const fixed = preset?.only === true;
      const credential = isCredentialParameter(p);
      const defaulted = isClientDefaulted(p);
      const own = shortenWithLegend(p.description, isObject(schema) ? schema.enum : undefined, defaultDescriptionChars);
      const note = preset ? presetNote : defaulted ? `Optional: ${userAgent} is sent when left out.` : undefined;
      const description = fixed ? fixedNote : credential ? credentialNote(p, callerMustSend(p)) : note ? `${own ?? ''} ${note}`.trim() : own;
      if (isObject(schema)) {
        schema = { ...schema };
        if (description && (note || credential || !schema.description)) schema.description = description;
        if (binding.key !== p.name || p.in === 'header' || p.in === 'cookie') schema.description = `(${p.in}) ${schema.description ?? ''}`.trim();
        if (p.deprecated) schema.deprecated = true;
        if (preset) schema.default = preset.value;
        // A credential's default or example is the document's placeholder or demo key, not the user's: shown, it would be sent.
        if (credential) for (const keyword of ['default', 'example', 'examples'] as const) delete schema[keyword];
      }
      if (callerMustSend(p)) required.push(binding.key);
    }
    properties[binding.key] = schema;
  });

  const schema: JsonObject = { type: 'object', properties, additionalProperties: false };
  if (required.length) schema.required = required;
  const used = usedDefs(properties, defs);
  if (used.length) schema.$defs = Object.fromEntries(used.map((name) => [name, defs[name]]));
  const unreliable = findUnreliableConstraints(schema, () => responseEnums(operation, resolver));
  const body = bindings.find((b) => b.location === 'body');
  if (body && reusesReplacementBody(operation, catalog, body.mediaType)) unreliable.push(...replacementRequired(schema));
  else if (body) unreliable.push(...namesTheExampleLeavesOut(schema, body.media));
  const strict = catalog.validation === 'strict';
  // A shapeless object is common (thousands of fields in the directory) and its schema says what is done: no line each.
  for (const constraint of unreliable) if (constraint.keyword !== 'type') problems.push(unreliableProblem(constraint, strict));
  return { schema: strict || !unreliable.length ? schema : relaxUnreliable(schema, unreliable), bindings, problems, unreliable };
}

/**
 * The `$defs` names reachable from the arguments, in `$defs` order. A body that became a file argument
 * leaves the types of its schema behind, unused.
 */
function usedDefs(properties: JsonObject, defs: Record<string, unknown>): string[] {
  const used = reachableDefs(properties, defs);
  return Object.keys(defs).filter((name) => used.has(name));
}

/** A parameter's schema: `schema`, or the schema of its single `content` entry. */
function parameterSchema(p: ParameterObject): unknown {
  if (p.schema !== undefined) return p.schema;
  if (isObject(p.content)) {
    const first = Object.values(p.content)[0];
    if (first?.schema !== undefined) return first.schema;
  }
  return { type: 'string' };
}
