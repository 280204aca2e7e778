// Tests for recognising schemas that describe a serializer's classes (JsonNode, JsonPointer) rather than JSON.
import { describe, expect, test } from 'vitest';
import { serializerStandIn } from '../../src/schema/serializer-types.js';

describe('serializerStandIn', () => {
  test.each([
    ['System.Text.Json JsonNode', '#/components/schemas/JsonNode', { properties: { options: {}, parent: {}, root: {} } }, 'any'],
    ['Jackson JsonNode', '#/definitions/JsonNode', { properties: { bigDecimal: {}, valueAsText: {}, nodeType: {} } }, 'any'],
    ['JsonPointer', '#/components/schemas/JsonPointer', { properties: { kind: {}, segments: {}, isUriEncoded: {}, source: {} } }, 'string'],
  ])('reads %s as what it stands for', (_name, ref, target, kind) => {
    const standIn = serializerStandIn(ref, target);
    expect(standIn?.schema.type === 'string' ? 'string' : standIn ? 'any' : undefined).toBe(kind);
  });

  test.each([
    ['a property of its own', '#/components/schemas/JsonNode', { properties: { parent: {}, label: {} } }],
    ['no properties', '#/components/schemas/JsonNode', { type: 'object' }],
    ['another name', '#/components/schemas/Node', { properties: { parent: {}, root: {} } }],
  ])('leaves a schema with %s as the document wrote it', (_name, ref, target) => {
    expect(serializerStandIn(ref, target)).toBeUndefined();
  });
});
