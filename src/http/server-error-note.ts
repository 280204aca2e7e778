/**
 * @module What a server error says to do next: a 5xx on a POST or PATCH may come after the API acted (a
 * Telegram mock's 500 for sendMessage reads as "not sent", and a retry sends it twice); on other methods it
 * is the server failing, not the arguments refused (a model changed good arguments twice after a mock's 500).
 */

/** Methods HTTP does not make idempotent: repeating one may act again. */
const actingMethods = new Set(['POST', 'PATCH']);

/** The note for a server error: whether to check before repeating, or to leave the arguments be; undefined for any other status. */
export function serverErrorNote(status: number, method: string): string | undefined {
  if (status < 500 || status > 599) return undefined;
  const verb = method.toUpperCase();
  const failing = `A ${status} is the server failing, not the arguments refused: unless its body names one, changing them will not help; retry once at most, then tell the user.`;
  if (!actingMethods.has(verb)) return failing;
  return `A ${status} to a ${verb} does not say it did nothing: the API may have acted before failing. Check (list or get what it would change) before repeating it, or it may happen twice.`;
}
