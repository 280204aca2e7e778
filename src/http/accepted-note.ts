/**
 * @module What a 202 says to do next: the API took the request and goes on with it (Azure's long-running
 * operations, Computer Vision's read), so the answer is not the result; where to follow it, when a header says.
 */

/** Headers that say where an accepted request's progress and result are, most specific first. */
const followHeaders = ['operation-location', 'azure-asyncoperation', 'location'];

/** The note for a 202: where to follow the work, or that it may not be done yet; undefined for any other status. */
export function acceptedNote(status: number, headers: Readonly<Record<string, string>>): string | undefined {
  if (status !== 202) return undefined;
  const follow = followHeaders.find((name) => headers[name]);
  if (!follow) return 'A 202 means accepted, not done: the API goes on with the work after answering. Get what it changes before relying on it.';
  return `A 202 means accepted, not done: the API goes on with the work after answering. Its progress and result are at ${follow} (in Headers): find the endpoint for that path and get it${headers['retry-after'] ? ', after retry-after seconds' : ''}.`;
}
