/** @module The Operation type: one OpenAPI operation with its path-level parts merged in and its id decided. */
import type { ParameterObject, RequestBodyObject, SecurityRequirement, ServerObject } from './openapi-types.js';
import type { HttpMethod } from '../base/http-methods.js';

export interface Operation {
  /** Stable id: the operationId when present and unique, otherwise `METHOD /path`. */
  id: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  /** The description is its path item's, shared by every operation of the path: what the path is, not what this one does. */
  describedByPath?: true;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level parameters merged, `$ref`s resolved. */
  parameters: ParameterObject[];
  requestBody?: RequestBodyObject;
  /** Responses as written: schemas keep their `$ref`s until described. */
  responses: Record<string, unknown>;
  /** The effective security requirements; empty when the operation is public. */
  security: SecurityRequirement[];
  /** The effective servers: the operation's, else the path item's, else the document's. */
  servers: ServerObject[];
  /** URL of the document the operation's own `$ref`s are relative to. */
  docUrl: string;
  /** Problems found while indexing it (broken refs), shown on describe. */
  problems: string[];
}

/** `GET /pets/{petId}`: the other id every operation answers to. */
export function methodPathId(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** `GET /pets/{}`: a method and path as they may be quoted, whatever the parameters are named and with or without a trailing slash. */
export function methodPathShape(method: string, path: string): string {
  return methodPathId(method, pathShape(path));
}

/** `/pets/{}`: a path whatever its parameters are named, without a trailing slash. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/(.)\/+$/, '$1');
}

/**
 * An id as an operation's id and, when it points into the operation's arguments schema ("addPet#/properties/body"),
 * the JSON pointer: what describe takes to show one folded part.
 */
export function splitPartId(id: string): { operationId: string; pointer?: string } {
  const at = id.indexOf('#/');
  return at === -1 ? { operationId: id } : { operationId: id.slice(0, at), pointer: id.slice(at + 1) };
}

/** Characters of one summary line: longer, or spanning lines, a summary is a description in the wrong field. */
const summaryLineChars = 120;

/** A run of spaces inside a line where a line break was lost: "Get users   Returns a list of users" (Keycloak's 53). */
const lostLineBreak = /(?<=\S) {3,}(?=\S)/;

/**
 * Whether a summary is prose rather than a line: paragraphs or several long sentences (OpenAI's, with
 * Markdown links: 322 summaries in 63 directory documents), or a line and a description joined by spaces.
 * Listings and search read its first sentence as the summary.
 */
export function summaryIsProse(summary: string): boolean {
  return summary.length > summaryLineChars || summary.includes('\n') || lostLineBreak.test(summary);
}

/** Text up to a lost line break (see `lostLineBreak`), which ends a sentence as a full stop does. */
export function beforeLostLineBreak(text: string): string {
  const gap = text.search(lostLineBreak);
  return gap === -1 ? text : text.slice(0, gap);
}

/**
 * Whether a summary is the operation's path, or its end, as written ("products/search" on "/V1/products/search",
 * "/v0.1/Call/"): no title, just what a listing shows beside it. Magento's are all so (421 operations), and
 * 508 directory operations that say so have a description, whose first sentence then serves as the summary.
 */
export function summaryRepeatsPath(summary: string, path: string): boolean {
  const tail = summary.trim().replace(/^\/+|\/+$/g, '');
  const trimmedPath = path.replace(/\/+$/, '');
  return tail !== '' && (trimmedPath === `/${tail}` || trimmedPath.endsWith(`/${tail}`));
}

/** A text that opens by saying it is deprecated ("This API is deprecated.", "DEPRECATED!", "(Deprecated) Retrieves…"). */
const deprecationNotice = /^\W*(?:this (?:api|endpoint|operation|method|call|route|resource) (?:is|has been) )?deprecated\b/i;

/**
 * Whether an operation's summary, or without one its description, opens by saying it is deprecated: a document
 * that says so in prose (36 directory operations, Azure's VirtualMachineSizes_List among them) means `deprecated`.
 */
export function saysDeprecated(summary: unknown, description: unknown): boolean {
  const text = typeof summary === 'string' && summary.trim() ? summary : description;
  return typeof text === 'string' && deprecationNotice.test(text);
}

/** Whether a sentence is no more than a deprecation notice ("This API is deprecated."): it says nothing of what the operation does. */
export function isDeprecationNotice(sentence: string): boolean {
  return deprecationNotice.test(sentence) && sentence.replace(deprecationNotice, '').replace(/\W/g, '') === '';
}
