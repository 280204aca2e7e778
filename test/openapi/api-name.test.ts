import { describe, expect, it } from 'vitest';
import { apiNameOf, withoutLink } from '../../src/openapi/api-name.js';

describe('apiNameOf', () => {
  it('adds API to a bare name and keeps one that says it', () => {
    expect(apiNameOf('Discourse')).toBe('Discourse API');
    expect(apiNameOf('GitHub v3 REST API')).toBe('GitHub v3 REST API');
    expect(apiNameOf('')).toBe('API');
  });

  it('drops a link in brackets and a Documentation or Specification after API', () => {
    expect(apiNameOf('Mastodon API Specification (https://github.com/mastodon/mastodon)')).toBe('Mastodon API');
    expect(apiNameOf('Discourse API Documentation')).toBe('Discourse API');
    expect(apiNameOf('Wowza Streaming Cloud REST API Reference Documentation')).toBe('Wowza Streaming Cloud REST API');
  });

  it('keeps a word that is not the document kind, and a title that is only the kind', () => {
    expect(apiNameOf('OpenAPI definition')).toBe('OpenAPI definition API');
    expect(apiNameOf('Developer documentation')).toBe('Developer documentation API');
    expect(apiNameOf('Payments (v2)')).toBe('Payments (v2) API');
  });

  it('the name in listings loses the link too', () => {
    expect(withoutLink('Mastodon API Specification (https://github.com/mastodon/mastodon)')).toBe('Mastodon API Specification');
    expect(withoutLink('Payments (v2)')).toBe('Payments (v2)');
  });
});
