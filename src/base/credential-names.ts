/**
 * @module Names that say a value is a secret, decided in one place. `namesCredential` is narrow: a header
 * parameter it matches is called the user's credential, to ask for (X-Page-Token is not one).
 * `mayHoldSecret` is broad: a value under such a name is redacted, and a response header by it is not kept.
 */

/**
 * Api-Key, Api-Username, trakt-api-key, X-Auth-Token, Token, Password, ClearBlade-UserToken and -DevToken,
 * X-VTEX-API-AppToken, Data2CRM's X-API2CRM-USER-KEY and -APPLICATION-KEY, App-Key, GitLab's PRIVATE-TOKEN, X-Amz-Security-Token, Ocp-Apim-Subscription-Key, and any name
 * ending in "secret" (ClearBlade-SystemSecret, PLAID-SECRET); not X-Page-Token, X-CSRF-Token or AWS's
 * X-Amz-Client-Token (an idempotency token the caller makes up).
 */
const credentialName =
  /(?:api[-_]?(?:key|token|secret|user(?:name)?)|(?:^|[-_])(?:auth[-_]?(?:key|token|secret)|access[-_]?token|(?:user|app|application|client|consumer|developer|dev|private)[-_]?key)|(?:user|dev|developer|session|bearer|app|private|security)[-_]?token|subscription[-_]?key|secret)$|^(?:x-)?(?:token|password)$/i;
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

/** Query parameter names that carry credentials in most APIs ("key", "api_key", "access_token", "sig", "subscription-key"). */
const queryCredentialName = /(?:^|[_.-])(?:key|apikey|token|secret|password|passwd|pwd|signature|sig|auth|authorization|credentials?)$/i;
/**
 * Keys that name a thing rather than open a door (Adafruit IO's "feed_key", "sort_key", "idempotency_key"):
 * masked, the model could not see where its own argument went.
 */
const namingKey =
  /(?:^|[_.-])(?:feed|group|sort|partition|object|idempotency|cache|row|item|record|project|issue|flag|entity|file|dashboard|block|lookup)[_.-]?key$/i;

/** Whether a query parameter's name says its value is a credential, to mask where a request is shown. */
export function namesQueryCredential(name: string): boolean {
  return queryCredentialName.test(name) && !namingKey.test(name);
}
