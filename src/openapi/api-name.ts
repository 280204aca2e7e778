/** @module What the tools call the API: its title, less a link in brackets and a "Documentation" or "Specification" after "API". */

/** The title without a link in brackets: "Mastodon API Specification (https://github.com/…)" → "Mastodon API Specification". */
export function withoutLink(title: string): string {
  return title.replace(/\s*\([^()]*:\/\/[^()]*\)/g, '').trim();
}

/** "Mastodon API Specification (https://…)" → "Mastodon API"; "Discourse" → "Discourse API"; "" → "API". */
export function apiNameOf(name: string): string {
  const plain = withoutLink(name)
    .replace(/\b(APIs?)(\s+reference)?\s+(documentation|docs|specification|spec|definition)$/i, '$1')
    .trim();
  if (!plain) return 'API';
  return /\bAPIs?$/i.test(plain) ? plain : `${plain} API`;
}
