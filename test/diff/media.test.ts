// The diff types bodies as the generator does, with the generator's own media classification.
import { describe, expect, it } from 'vitest';
import { typedSchema, BINARY_SCHEMA, TEXT_SCHEMA } from '../../diff/media.js';

describe('media types as the generator types them', () => {
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
