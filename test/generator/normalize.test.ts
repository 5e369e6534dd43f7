import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, SchemaObject } from '../../generator/openapi.js';
import { normalizeSpec } from '../../generator/stages/normalize/index.js';

function docWith(
  schemas: Record<string, SchemaObject>,
  request: SchemaObject,
  response: SchemaObject = { $ref: '#/components/schemas/Thing' },
): OpenApiDocument {
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/t': {
        post: {
          requestBody: { content: { 'application/json': { schema: request } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } },
        },
      },
    },
    components: { schemas },
  };
}

const thing: SchemaObject = {
  type: 'object',
  properties: { id: { type: 'string', readOnly: true }, spec: { $ref: '#/components/schemas/Spec' } },
};
const spec: SchemaObject = { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } };

describe('allOf members that only list required names', () => {
  it.each<[string, SchemaObject, string[]]>([
    ['top-level member', { allOf: [{ $ref: '#/components/schemas/Thing' }, { required: ['spec'] }] }, ['spec']],
    ['required beside allOf', { allOf: [{ $ref: '#/components/schemas/Thing' }], required: ['spec'] }, ['spec']],
  ])('%s is re-declared with the sibling property', (_, request, names) => {
    const { document } = normalizeSpec(docWith({ Thing: thing, Spec: spec }, request));
    const body = document.paths!['/t']!.post!.requestBody!.content!['application/json']!.schema!;
    const member = body.allOf!.find((m) => m.required)!;
    expect(member.required).toEqual(names);
    expect(member.properties!.spec).toEqual({ $ref: '#/components/schemas/Spec' });
  });

  it('nested property schemas that only list required names get their declarations', () => {
    const request = {
      allOf: [{ $ref: '#/components/schemas/Thing' }, { properties: { spec: { required: ['name'] } } }],
    };
    const { document } = normalizeSpec(docWith({ Thing: thing, Spec: spec }, request));
    const body = document.paths!['/t']!.post!.requestBody!.content!['application/json']!.schema!;
    expect(body.allOf![1]!.properties!.spec).toEqual({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' } },
    });
  });
});

describe('writable variants', () => {
  it('a schema shared by request and response gets a Writable sibling without readOnly properties', () => {
    const { document } = normalizeSpec(docWith({ Thing: thing, Spec: spec }, { $ref: '#/components/schemas/Thing' }));
    expect(Object.keys(document.components!.schemas!)).toEqual(['Thing', 'ThingWritable', 'Spec']);
    expect(document.components!.schemas!.ThingWritable!.properties).toEqual({
      spec: { $ref: '#/components/schemas/Spec' },
    });
    expect(document.paths!['/t']!.post!.requestBody!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ThingWritable',
    });
  });

  it('a request-only schema is stripped in place and keeps its name', () => {
    const create: SchemaObject = {
      type: 'object',
      required: ['id', 'spec'],
      properties: { id: { type: 'string', readOnly: true }, spec: { $ref: '#/components/schemas/Spec' } },
    };
    const { document } = normalizeSpec(
      docWith({ Thing: thing, Spec: spec, ThingCreate: create }, { $ref: '#/components/schemas/ThingCreate' }),
    );
    expect(Object.keys(document.components!.schemas!)).toEqual(['Thing', 'Spec', 'ThingCreate']);
    expect(document.components!.schemas!.ThingCreate).toEqual({
      type: 'object',
      required: ['spec'],
      properties: { spec: { $ref: '#/components/schemas/Spec' } },
    });
  });

  it('readOnly on the referenced schema itself removes the property', () => {
    const meta: SchemaObject = { type: 'object', readOnly: true, properties: { at: { type: 'string' } } };
    const withMeta: SchemaObject = {
      type: 'object',
      properties: { meta: { $ref: '#/components/schemas/Meta' }, name: { type: 'string' } },
    };
    const { document } = normalizeSpec(
      docWith({ Thing: withMeta, Meta: meta }, { $ref: '#/components/schemas/Thing' }),
    );
    expect(document.components!.schemas!.ThingWritable!.properties).toEqual({ name: { type: 'string' } });
    expect(document.components!.schemas!.MetaWritable).toBeUndefined();
  });

  it('discriminator mappings follow the variants', () => {
    const a: SchemaObject = {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['A'] }, id: { type: 'string', readOnly: true } },
    };
    const union: SchemaObject = {
      oneOf: [{ $ref: '#/components/schemas/A' }],
      discriminator: { propertyName: 'kind', mapping: { A: '#/components/schemas/A' } },
    };
    const { document } = normalizeSpec(
      docWith({ U: union, A: a }, { $ref: '#/components/schemas/U' }, { $ref: '#/components/schemas/U' }),
    );
    expect(document.components!.schemas!.UWritable!.discriminator!.mapping).toEqual({
      A: '#/components/schemas/AWritable',
    });
  });

  it('does not modify its input', () => {
    const input = docWith({ Thing: thing, Spec: spec }, { $ref: '#/components/schemas/Thing' });
    const before = JSON.stringify(input);
    normalizeSpec(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('percent-encoded $refs (RFC 6901 §6)', () => {
  it('are rewritten to the plain pointer, and a `%` in a name stays encoded for openapi-typescript', () => {
    const doc = docWith(
      { 'Site Info': spec, '100%': spec },
      { $ref: '#/components/schemas/Site%20Info' },
      { type: 'object', properties: { a: { $ref: '#/components/schemas/100%25' } } },
    );
    const { document } = normalizeSpec(doc);
    const op = document.paths!['/t']!.post!;
    expect(op.requestBody!.content!['application/json']!.schema!.$ref).toBe('#/components/schemas/Site Info');
    const response = op.responses!['200']!.content!['application/json']!.schema!;
    expect(response.properties!.a!.$ref).toBe('#/components/schemas/100%25');
  });
});

describe('a discriminator property the extending schema declares too', () => {
  const parent: SchemaObject = {
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string' } },
    discriminator: { propertyName: 'kind' },
  };
  it('moves the own properties into an allOf member, keeping required with them', () => {
    const child: SchemaObject = {
      allOf: [{ $ref: '#/components/schemas/Parent' }],
      required: ['size'],
      properties: { kind: { type: 'string', enum: ['Child'] }, size: { type: 'integer' } },
    };
    const { document } = normalizeSpec(
      docWith({ Parent: parent, Child: child }, { $ref: '#/components/schemas/Child' }),
    );
    const c = document.components!.schemas!.Child!;
    expect(c.properties).toBeUndefined();
    expect(c.allOf).toEqual([
      { $ref: '#/components/schemas/Parent' },
      { type: 'object', required: ['size'], properties: child.properties },
    ]);
  });
  it('leaves a schema alone when it does not redeclare the discriminator', () => {
    const child: SchemaObject = { allOf: [{ $ref: '#/components/schemas/Parent' }], properties: { size: {} } };
    const { document } = normalizeSpec(
      docWith({ Parent: parent, Child: child }, { $ref: '#/components/schemas/Child' }),
    );
    expect(document.components!.schemas!.Child).toEqual(child);
  });
});
