/** @module What the tools call the API: its title, less a link in brackets and a "Documentation" or "Specification" after "API". */

/** The title without a link in brackets: "Mastodon API Specification (https://github.com/…)" → "Mastodon API Specification". */
export function withoutLink(title: string): string {
  return title.replace(/\s*\([^()]*:\/\/[^()]*\)/g, '').trim();
}

/** "Mastodon API Specification (https://…)" → "Mastodon API"; "Discourse" → "Discourse API"; "Twitter API v2" as it is; "" → "API". */
export function apiNameOf(name: string): string {
  const plain = withoutLink(name)
    .replace(/\b(APIs?)(\s+reference)?\s+(documentation|docs|specification|spec|definition)$/i, '$1')
    .trim();
  if (!plain) return 'API';
  return saysApi.test(plain) ? plain : `${plain} API`;
}

/** A name ending in API, or in API and its version ("The Blue Alliance API v3", "Recipe API (v2)", "Registry API [v2]", "Master Data API - v2": 35 directory titles). */
const saysApi = /\bAPIs?(?:\s+(?:-\s+)?[([]?v?\d[\w.]*[)\]]?)?$/i;

/** The API's name after "the", as prose says it: "the GitHub API", but "The Blue Alliance API v3" (12 directory titles open with "The"). */
export function theApi(apiName: string): string {
  return /^the\s/i.test(apiName) ? apiName : `the ${apiName}`;
}
