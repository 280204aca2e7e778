/**
 * @module What a 202 says to do next: the API took the request and goes on with it (Azure's long-running
 * operations, Computer Vision's read), so the answer is not the result; where to follow it, when a header says.
 */

/** Headers that say where an accepted request's progress and result are, most specific first. */
const followHeaders = ['operation-location', 'azure-asyncoperation', 'location'];

/**
 * The note for a 202: where to follow the work, or that it may not be done yet; undefined for any other
 * status. `endpointAt` names the endpoint that answers at an address, when one does: the note then gives the call.
 */
export function acceptedNote(
  status: number,
  headers: Readonly<Record<string, string>>,
  endpointAt: (address: string) => string | undefined,
): string | undefined {
  if (status !== 202) return undefined;
  const accepted = 'A 202 means accepted, not done: the API goes on with the work after answering.';
  const follow = followHeaders.find((name) => headers[name]);
  if (!follow) return `${accepted} Get what it changes before relying on it.`;
  const wait = headers['retry-after'] ? ` after retry-after seconds` : '';
  const address = headers[follow]!;
  const endpoint = endpointAt(address);
  if (endpoint)
    return `${accepted} Its progress and result are at ${follow}: execute_endpoint { "id": ${JSON.stringify(`GET ${address}`)} } gets them (${endpoint})${wait}.`;
  return `${accepted} Its progress and result are at ${follow} (in Headers): find the endpoint for that path and get it${wait ? `,${wait}` : ''}.`;
}
