// The diff types bodies as the generator does: its media classification mirrors the generator's, which the
// generator's public entry does not export. This test keeps the two in step.
import { describe, expect, it } from 'vitest';
import { mediaKind as generatorKind } from '../../generator/media.js';
import { mediaKind, typedSchema, BINARY_SCHEMA, TEXT_SCHEMA } from '../../diff/media.js';

const SAMPLES = [
  'application/json',
  'Application/JSON; charset=utf-8',
  'application/problem+json',
  '*/*',
  'application/*',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'text/csv',
  'application/xml',
  'application/atom+xml',
  'application/octet-stream',
  'image/png',
  'application/pdf',
];

describe('media types as the generator types them', () => {
  it.each(SAMPLES)('%s is classified as the generator does', (type) => {
    expect(mediaKind(type)).toBe(generatorKind(type));
  });

  it('picks the media type a call uses and types text and binary bodies as string and Blob', () => {
    const object = { type: 'object', properties: { a: { type: 'string' } } };
    expect(typedSchema({ 'application/xml': { schema: object }, 'application/json': { schema: object } })).toBe(object);
    expect(typedSchema({ 'application/xml': { schema: object } })).toBe(TEXT_SCHEMA);
    expect(typedSchema({ 'text/plain': { schema: { type: 'string', format: 'binary' } } })).toBe(BINARY_SCHEMA);
    expect(typedSchema({ 'image/png': {} })).toBe(BINARY_SCHEMA);
    const mixed = { 'application/xml': { schema: object }, 'multipart/form-data': { schema: object } };
    expect(typedSchema(mixed)).toBe(object);
  });
});
