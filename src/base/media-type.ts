/** @module Which media types carry JSON: application/json, +json suffixes, and ASP.NET's text/json, whatever the parameters. */

/** Whether a body of this media type is JSON text. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^[\w.-]+\/(?:[\w.-]+\+)?json\b/i.test(mediaType.trim());
}
