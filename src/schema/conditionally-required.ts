/**
 * @module Whether a required property's own description makes it required only in some case: Postmark's
 * template send requires TemplateId and TemplateAlias, each "Required if 'TemplateId' is not specified" of
 * the other. The schema cannot say "one of them", so it says both; 12 operations of 12 directory documents.
 */
import { isObject } from '../base/json.js';
import { defaultDescriptionChars } from './compact-schema.js';
import { shortenText } from './shorten-text.js';

/** "Required if …", "required only when …", "mandatory unless …", "required in case …". */
const conditional = /\b(?:required|mandatory)\s+(?:only\s+)?(?:if|when|unless|in case)\b/i;

/**
 * Whether a property schema's description says it is required only under a condition, in the part of it an
 * input schema keeps (see compact-schema): the listing reads the document, validation the input schema, and
 * both must agree on what is enforced.
 */
export function isConditionallyRequired(property: unknown): boolean {
  if (!isObject(property) || typeof property.description !== 'string') return false;
  return conditional.test(shortenText(property.description, defaultDescriptionChars) ?? '');
}
