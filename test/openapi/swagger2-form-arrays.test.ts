import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import type { MediaTypeObject } from '../../src/openapi/openapi-types.js';
import { fixture } from '../support/connect.js';
import { settings } from '../support/settings.js';

async function encodingOf(path: string, mediaType: string) {
  const { document } = await loadSpec(fixture('swagger2-forms.yaml'), settings());
  const operation = document.paths![path]!.post as { requestBody: { content: Record<string, MediaTypeObject> } };
  return operation.requestBody.content[mediaType]!.encoding;
}

describe('Swagger 2.0 formData arrays through conversion', () => {
  test('each collectionFormat becomes its field style; an operation parameter overrides its path one; shared parameters count', async () => {
    expect(await encodingOf('/labels', 'application/x-www-form-urlencoded')).toEqual({
      names: { style: 'form', explode: false },
      words: { style: 'spaceDelimited', explode: false },
      colors: { style: 'form', explode: false },
      sizes: { style: 'pipeDelimited', explode: false },
    });
  });

  test('multipart bodies get them too; fields that are not arrays get none', async () => {
    expect(await encodingOf('/photos', 'multipart/form-data')).toEqual({ tags: { style: 'form', explode: false }, albums: { style: 'form', explode: true } });
  });
});
