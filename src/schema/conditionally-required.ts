/**
 * @module Whether a required property's own description makes it required only in some case: Postmark's
 * template send requires TemplateId and TemplateAlias, each "Required if 'TemplateId' is not specified" of
 * the other. The schema cannot say "one of them", so it says both; 20 operations of 16 directory documents.
 */
import { isObject } from '../base/json.js';

/** "Required if …", "required only when …", "mandatory unless …", "required in case …". */
const conditional = /\b(?:required|mandatory)\s+(?:only\s+)?(?:if|when|unless|in case)\b/i;

/** Whether a property schema's description says it is required only under a condition. */
export function isConditionallyRequired(property: unknown): boolean {
  return isObject(property) && typeof property.description === 'string' && conditional.test(property.description);
}
