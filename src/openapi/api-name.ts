// What the tools call the API: its title, less a link in brackets and a "Documentation" or "Specification" after "API".

/** "Mastodon API Specification (https://…)" → "Mastodon API"; "Discourse" → "Discourse API"; "" → "API". */
export function apiNameOf(name: string): string {
  const plain = name
    .replace(/\s*\([^()]*:\/\/[^()]*\)/g, '')
    .replace(/\b(APIs?)(\s+reference)?\s+(documentation|docs|specification|spec|definition)$/i, '$1')
    .trim();
  if (!plain) return 'API';
  return /\bAPIs?$/i.test(plain) ? plain : `${plain} API`;
}
