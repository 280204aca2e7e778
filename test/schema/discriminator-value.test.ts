// Tests for the value an inherited discriminator takes in a schema, by the OpenAPI rule: the mapping's key, else the schema's name.
import { describe, expect, test } from 'vitest';
import { discriminatorOf } from '../../src/schema/discriminator-value.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { readerFor } from '../support/settings.js';

const rootUrl = 'file:///virtual/api.json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const child = (parent: string) => ({ allOf: [ref(parent), { type: 'object', properties: { title: { type: 'string' } } }] });

const document = {
  components: {
    schemas: {
      object: { type: 'object', required: ['type'], properties: { type: { type: 'string' } }, discriminator: { propertyName: 'type' } },
      pullrequest: child('object'),
      account: child('object'),
      user: child('account'),
      entity: {
        type: 'object',
        required: ['@odata.type'],
        properties: { '@odata.type': { type: 'string' } },
        discriminator: { propertyName: '@odata.type', mapping: { '#graph.event': '#/components/schemas/event', '#graph.note': 'note' } },
      },
      outlookItem: child('entity'),
      event: child('outlookItem'),
      note: child('entity'),
      orphan: child('entity'),
      optional: { type: 'object', properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' } },
      loose: child('optional'),
      Pet: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' } }, discriminator: 'petType' },
      Dog: child('Pet'),
      CoreResource: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string', enum: ['machine', 'machineGroup'] } },
        discriminator: { propertyName: 'kind' },
      },
      MachineGroup: { ...child('CoreResource'), 'x-ms-discriminator-value': 'machineGroup' },
      Process: child('CoreResource'),
    },
  },
};

const resolver = new RefResolver(rootUrl, document, { reader: readerFor(rootUrl) });
const valueOf = (name: string) => discriminatorOf(resolver.resolveRef(`#/components/schemas/${name}`, rootUrl, 'test'), resolver);

describe('discriminatorOf', () => {
  test('a schema others extend takes the values of its family, for the caller to choose', () => {
    expect(valueOf('account')).toEqual({ property: 'type', choices: ['account', 'user'] });
  });

  test.each([
    ['a parent without a mapping: the schema name', 'pullrequest', { property: 'type', value: 'pullrequest' }],
    ["a grandparent's mapping, by $ref", 'event', { property: '@odata.type', value: '#graph.event' }],
    ['a mapping that names the schema bare', 'note', { property: '@odata.type', value: '#graph.note' }],
    ['a Swagger 2.0 discriminator (a property name)', 'Dog', { property: 'petType', value: 'Dog' }],
    ["Azure's x-ms-discriminator-value, before the name", 'MachineGroup', { property: 'kind', value: 'machineGroup' }],
  ])('%s', (_name, schema, expected) => {
    expect(valueOf(schema)).toEqual(expected);
  });

  test.each([
    ['the mapping leaves it out', 'orphan'],
    ['the discriminator property is optional', 'loose'],
    ['it extends nothing', 'object'],
    ["the value is outside the property's enum", 'Process'],
  ])('is undefined when %s', (_name, schema) => {
    expect(valueOf(schema)).toBeUndefined();
  });
});
