/**
 * @module Names that say a value is a secret, decided in one place. `namesCredential` is narrow: a header
 * parameter it matches is called the user's credential, to ask for (X-Page-Token is not one).
 * `mayHoldSecret` is broad: a value under such a name is redacted, and a response header by it is not kept.
 */

/** Api-Key, Api-Username, trakt-api-key, X-Auth-Token, Token, Secret, Password; not X-Page-Token or X-CSRF-Token. */
const credentialName =
  /(?:api[-_]?(?:key|token|secret|user(?:name)?)|(?:^|[-_])(?:auth[-_]?(?:key|token|secret)|access[-_]?token))$|^(?:x-)?(?:token|secret|password)$/i;
/** Anything that may carry one: keys, tokens, cookies, sessions, passwords, credentials. */
const secretWord = /authorization|cookie|token|secret|key|auth|session|password|credential/i;

/** Whether a header name says it carries a credential, a value only the user has. */
export function namesCredential(name: string): boolean {
  return credentialName.test(name);
}

/** Whether a name may carry a secret: what `namesCredential` says, and any name with a secret's word in it. */
export function mayHoldSecret(name: string): boolean {
  return secretWord.test(name) || credentialName.test(name);
}
