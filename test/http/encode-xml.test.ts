import { describe, expect, test } from 'vitest';
import { encodeXml, unmarkedArraysWrapped } from '../../src/http/encode-xml.js';
import { RefResolver } from '../../src/openapi/ref-resolver.js';
import { readerFor } from '../support/settings.js';

const head = '<?xml version="1.0" encoding="UTF-8"?>';

describe('an object body written as XML', () => {
  test("S3's shape: one wrapping property is the root; an unwrapped array repeats the name its property gives (CORSRule)", () => {
    const document = {
      components: {
        schemas: {
          CORSRules: { type: 'array', items: { $ref: '#/components/schemas/CORSRule' }, xml: { wrapped: false } },
          CORSRule: {
            type: 'object',
            properties: {
              AllowedMethods: { allOf: [{ $ref: '#/components/schemas/AllowedMethods' }, { xml: { name: 'AllowedMethod' }, description: 'Methods.' }] },
              AllowedOrigins: { allOf: [{ $ref: '#/components/schemas/AllowedOrigins' }, { xml: { name: 'AllowedOrigin' } }] },
            },
          },
          AllowedMethods: { type: 'array', items: { type: 'string' }, xml: { wrapped: false } },
          AllowedOrigins: { type: 'array', items: { type: 'string' }, xml: { wrapped: false } },
        },
      },
    };
    const resolver = new RefResolver('file:///s3.json', document, { reader: readerFor('file:///s3.json') });
    const schema = {
      type: 'object',
      properties: {
        CORSConfiguration: {
          type: 'object',
          properties: { CORSRules: { allOf: [{ $ref: '#/components/schemas/CORSRules' }, { xml: { name: 'CORSRule' } }] } },
        },
      },
    };
    const value = { CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['https://example.com'] }] } };
    expect(encodeXml(value, schema, { resolver, docUrl: 'file:///s3.json' }, false)).toBe(
      `${head}<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedOrigin>https://example.com</AllowedOrigin></CORSRule></CORSConfiguration>`,
    );
  });

  test('names, attributes, namespaces and wrapped arrays as the xml objects say; text escaped', () => {
    const schema = {
      type: 'object',
      xml: { name: 'pet', namespace: 'https://example.com/schema', prefix: 'p' },
      properties: {
        id: { type: 'integer', xml: { attribute: true } },
        name: { type: 'string' },
        photoUrls: { type: 'array', xml: { name: 'photos', wrapped: true }, items: { type: 'string', xml: { name: 'url' } } },
        tags: { type: 'array', items: { type: 'string' } },
      },
    };
    const value = { id: 7, name: 'Rex & "Max" <3', photoUrls: ['a.png', 'b.png'], tags: ['x', 'y'] };
    expect(encodeXml(value, schema, undefined, false)).toBe(
      `${head}<p:pet xmlns:p="https://example.com/schema" id="7"><name>Rex &amp; &quot;Max&quot; &lt;3</name><photos><url>a.png</url><url>b.png</url></photos><tags>x</tags><tags>y</tags></p:pet>`,
    );
  });

  test("arrays without xml.wrapped are wrapped in a document that writes wrapped: false elsewhere (AWS's TagSet)", () => {
    const schema = {
      type: 'object',
      properties: {
        Tagging: {
          type: 'object',
          properties: { TagSet: { type: 'array', items: { type: 'object', xml: { name: 'Tag' }, properties: { Key: {}, Value: {} } } } },
        },
      },
    };
    const value = { Tagging: { TagSet: [{ Key: 'team', Value: 'pay' }] } };
    expect(encodeXml(value, schema, undefined, true)).toBe(`${head}<Tagging><TagSet><Tag><Key>team</Key><Value>pay</Value></Tag></TagSet></Tagging>`);
    expect(encodeXml(value, schema, undefined, false)).toBe(`${head}<Tagging><Tag><Key>team</Key><Value>pay</Value></Tag></Tagging>`);
    expect(unmarkedArraysWrapped({ components: { schemas: { A: { type: 'array', xml: { wrapped: false } } } } })).toBe(true);
    expect(unmarkedArraysWrapped({ components: { schemas: { A: { type: 'array', xml: { wrapped: true } } } } })).toBe(false);
  });

  test("a named schema's own name is the root, not a schema its allOf takes in; a null attribute is left out", () => {
    const document = {
      components: {
        schemas: {
          Pet: {
            allOf: [{ $ref: '#/components/schemas/Animal' }, { properties: { id: { type: 'integer', xml: { attribute: true } }, name: { type: 'string' } } }],
          },
          Animal: { type: 'object', properties: { legs: { type: 'integer' } } },
        },
      },
    };
    const lookup = { resolver: new RefResolver('file:///pets.json', document, { reader: readerFor('file:///pets.json') }), docUrl: 'file:///pets.json' };
    expect(encodeXml({ id: null, name: 'Rex', legs: 4 }, { $ref: '#/components/schemas/Pet' }, lookup, false)).toBe(
      `${head}<Pet><name>Rex</name><legs>4</legs></Pet>`,
    );
    // One property given of a schema with several is no wrapper: the schema names the root.
    expect(encodeXml({ name: 'Rex' }, { $ref: '#/components/schemas/Pet' }, lookup, false)).toBe(`${head}<Pet><name>Rex</name></Pet>`);
  });

  test('a key that cannot be an element name is refused, not written as markup', () => {
    expect(() => encodeXml({ 'x><evil/><y': 1 }, { type: 'object' }, undefined, false)).toThrow('cannot be an XML element name');
  });
});
