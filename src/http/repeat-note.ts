/**
 * @module Whether repeating a failed request is safe: a server error on a POST or PATCH may come after the
 * API acted (a Telegram mock's 500 for sendMessage reads as "not sent", and a retry sends it twice).
 */

/** Methods HTTP does not make idempotent: repeating one may act again. */
const actingMethods = new Set(['POST', 'PATCH']);

/** The note for a server error on a request that may have acted; undefined otherwise. */
export function repeatNote(status: number, method: string): string | undefined {
  const verb = method.toUpperCase();
  if (status < 500 || status > 599 || !actingMethods.has(verb)) return undefined;
  return `A ${status} to a ${verb} does not say it did nothing: the API may have acted before failing. Check (list or get what it would change) before repeating it, or it may happen twice.`;
}
