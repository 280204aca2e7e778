/**
 * @module Reading an Encoding Object (https://spec.openapis.org/oas/v3.1.1#encoding-object): whether it asks
 * for style serialization or content-type serialization, and which content type it names.
 */
import type { EncodingObject } from '../openapi/openapi-types.js';
import type { QueryStyleOptions } from './serialize-param.js';

/**
 * Style serialization when any of `style`, `explode` or `allowReserved` is given, and then `contentType` is
 * ignored; with none of them, `contentType` (given or by default) decides alone. OAS 3.1.1 and 3.0.4 state it
 * so (https://spec.openapis.org/oas/v3.0.4#fixed-fields-for-rfc6570-style-serialization).
 */
export function usesStyle(rule: EncodingObject): boolean {
  return rule.style !== undefined || rule.explode !== undefined || rule.allowReserved !== undefined;
}

/** The style fields with the defaults of a query parameter: `form`, exploded for `form` only, reserved characters encoded. */
export function styleOptions(rule: EncodingObject): Required<QueryStyleOptions> {
  const style = rule.style ?? 'form';
  return { style, explode: rule.explode ?? style === 'form', allowReserved: rule.allowReserved ?? false };
}

/**
 * The content type to send: the first concrete one `contentType` lists ("image/png, image/jpeg" gives
 * image/png). A wildcard such as `image/*` names no type that can be sent, so it gives none.
 */
export function declaredContentType(rule: EncodingObject): string | undefined {
  return rule.contentType
    ?.split(',')
    .map((t) => t.trim())
    .find((t) => t !== '' && !t.includes('*'));
}
