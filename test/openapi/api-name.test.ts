import { describe, expect, it } from 'vitest';
import { apiNameOf, theApi, withoutLink } from '../../src/openapi/api-name.js';
import { catalogTitle } from '../../src/openapi/build-catalog.js';

describe('apiNameOf', () => {
  it('adds API to a bare name and keeps one that says it', () => {
    expect(apiNameOf('Discourse')).toBe('Discourse API');
    expect(apiNameOf('GitHub v3 REST API')).toBe('GitHub v3 REST API');
    expect(apiNameOf('')).toBe('API');
  });

  it('is preceded by "the" unless it opens with it', () => {
    expect(theApi('GitHub API')).toBe('the GitHub API');
    expect(theApi('The Blue Alliance API v3')).toBe('The Blue Alliance API v3');
    expect(theApi('Theatre API')).toBe('the Theatre API');
  });

  it('keeps a name that says API and then its version', () => {
    expect(apiNameOf('The Blue Alliance API v3')).toBe('The Blue Alliance API v3');
    expect(apiNameOf('1,000,000+ Recipe and Grocery List API (v2)')).toBe('1,000,000+ Recipe and Grocery List API (v2)');
    expect(apiNameOf('Microcks API v1.7')).toBe('Microcks API v1.7');
    expect(apiNameOf('Apicurio Registry API [v2]')).toBe('Apicurio Registry API [v2]');
    expect(apiNameOf('Master Data API - v2')).toBe('Master Data API - v2');
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

describe('catalogTitle', () => {
  it.each([
    ['the title, trimmed', ' Petstore ', [{ url: 'https://a.example.com' }], 'Petstore'],
    ["without one, the first server's host", '', [{ url: 'https://app.drchrono.com' }], 'app.drchrono.com'],
    ['a protocol-relative server', '  ', [{ url: '//api.ote-godaddy.com' }], 'api.ote-godaddy.com'],
    ['no user from the URL', undefined, [{ url: 'https://user:secret@api.example.com/v1' }], 'api.example.com'],
    ['a templated host passed over for the next', '', [{ url: 'https://api.{region}.example.com' }, { url: 'https://api.example.com' }], 'api.example.com'],
    ['a relative server passed over', '', [{ url: '/v1' }, { url: 'http://[::1]:8080' }], '[::1]'],
    ['"API" when no server names a host', '', [{ url: '/v1' }], 'API'],
    ['a title that names nothing after the host', 'API v1.0.0', [{ url: 'https://www.envoice.in' }], 'www.envoice.in API v1.0.0'],
    ['"Public Api" alone when no server names a host', ' Public Api ', [{ url: '/v2' }], 'Public Api'],
    ['a title that names something, as it is', 'Core Banking API v2', [{ url: 'https://bank.example.com' }], 'Core Banking API v2'],
  ])('%s', (_name, title, servers, expected) => {
    expect(catalogTitle(title, servers)).toBe(expected);
  });
});
