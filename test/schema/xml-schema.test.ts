// Tests for reading a body schema as XML does: the properties it writes as attributes.
import { describe, expect, test } from 'vitest';
import { xmlAttributeNames } from '../../src/schema/xml-schema.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { readerFor } from '../support/settings.js';

describe('xmlAttributeNames', () => {
  test("names the attributes through $refs, allOf members and arrays, outermost first (the Open Build Service's request)", () => {
    const document = {
      components: {
        schemas: {
          Request: {
            type: 'object',
            properties: {
              id: { type: 'integer', xml: { attribute: true } },
              action: { $ref: '#/components/schemas/Action' },
              reviews: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Review' }] } },
            },
          },
          Action: {
            type: 'object',
            properties: { type: { type: 'string', xml: { attribute: true } }, source: { $ref: '#/components/schemas/Place' } },
          },
          Place: { properties: { project: { type: 'string', xml: { attribute: true } }, package: { type: 'string', xml: { attribute: true } } } },
          Review: { properties: { who: { type: 'string', xml: { attribute: true } }, comment: { type: 'string' } } },
        },
      },
    };
    const lookup = { resolver: new RefResolver('file:///obs.json', document, { reader: readerFor('file:///obs.json') }), docUrl: 'file:///obs.json' };
    expect(xmlAttributeNames({ $ref: '#/components/schemas/Request' }, lookup)).toEqual(['id', 'type', 'project', 'package', 'who']);
  });

  test('names none for a schema without attributes, and does not loop on one that refers to itself', () => {
    const document = { components: { schemas: { Node: { properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } } } } };
    const lookup = { resolver: new RefResolver('file:///tree.json', document, { reader: readerFor('file:///tree.json') }), docUrl: 'file:///tree.json' };
    expect(xmlAttributeNames({ $ref: '#/components/schemas/Node' }, lookup)).toEqual([]);
    expect(xmlAttributeNames({ type: 'string' }, undefined)).toEqual([]);
  });
});
