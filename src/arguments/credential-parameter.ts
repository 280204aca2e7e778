/**
 * @module Header and query parameters named like a credential (Discourse's Api-Key and Api-Username, Trakt's
 * trakt-api-key, Marketcheck's api_key): the document declares a secret as an argument rather than as auth,
 * and a model cannot know the value, so the schema tells it where the value comes from.
 */
import { namesCredential } from '../base/credential-names.js';
import { isObject } from '../base/json.js';
import type { ParameterObject } from '../openapi/openapi-types.js';
import type { ArgumentBinding } from './input-schema.js';

/**
 * Whether the parameter is a header or query parameter whose name says it carries a credential; not a
 * flag (Marketcheck's boolean "append_api_key" says whether links carry the key, and is no key).
 */
export function isCredentialParameter(p: ParameterObject): boolean {
  return (p.in === 'header' || p.in === 'query') && namesCredential(p.name) && !(isObject(p.schema) && p.schema.type === 'boolean');
}

/** The flag that has the server send the parameter with every request. */
export function credentialFlag(p: Pick<ParameterObject, 'in' | 'name'>): string {
  return p.in === 'query' ? `--query "${p.name}=…"` : `--header "${p.name}: …"`;
}

/** The arguments that are such parameters: binding key to the flag that sends it. */
export function credentialArguments(bindings: readonly ArgumentBinding[]): ReadonlyMap<string, string> {
  return new Map(bindings.flatMap((b) => (b.location !== 'body' && isCredentialParameter(b.parameter) ? [[b.key, credentialFlag(b.parameter)] as const] : [])));
}

/** What a model must do for such a parameter's value. */
export const credentialAsk = 'a credential: ask the user for it, never make one up';

/**
 * What a model reads of such a parameter: the user's own value, never one made up; or the server sends it.
 * An optional one is mostly another way in beside the declared auth (DRACOON's X-Sds-Auth-Token beside its
 * OAuth): asking the user for it would stop a task that needs no such value.
 */
export function credentialNote(p: Pick<ParameterObject, 'in' | 'name'>, required: boolean): string {
  const what = required ? credentialAsk : 'a credential, optional: send one only when the user gives it, never make one up';
  return `${what} (a server run with ${credentialFlag(p)} sends it itself)`;
}
