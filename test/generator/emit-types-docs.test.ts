// Descriptions in the generated types are plain JSDoc text (what an editor shows first), not `@description` tags;
// every other tag openapi-typescript writes stays. Each row is one property's schema and its comment, as emitted.
import { describe, expect, it } from 'vitest';
import { plainDescription } from '../../generator/stages/emit-types-docs.js';
import { emitTypes } from '../../generator/stages/emit-types.js';
import type { SchemaObject } from '../../generator/openapi.js';

/** The comment right above property `p` of schema X, one trimmed line each; [] when it has none. */
async function commentOf(property: SchemaObject): Promise<string[]> {
  const schemas = { X: { type: 'object', properties: { p: property } } };
  const text = await emitTypes({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  });
  const before = text.slice(0, text.indexOf('p?:')).trimEnd();
  if (!before.endsWith('*/')) {
    return [];
  }
  return before
    .slice(before.lastIndexOf('/**'))
    .split('\n')
    .map((line) => line.trim());
}

describe('a description becomes the JSDoc text', () => {
  it.each<{ name: string; schema: SchemaObject; comment: string[] }>([
    {
      name: 'alone',
      schema: { type: 'string', description: 'The display name.' },
      comment: ['/** The display name. */'],
    },
    {
      name: 'with @default and @example, which stay tags',
      schema: { type: 'string', description: 'Region.', default: 'us-east-1', example: 'eu-west-1' },
      comment: ['/**', '* Region.', '* @default us-east-1', '* @example eu-west-1', '*/'],
    },
    {
      name: 'with @deprecated and @enum',
      schema: { type: 'string', description: 'Old field.', deprecated: true, enum: ['A', 'B'] },
      comment: ['/**', '* Old field.', '* @deprecated', '* @enum {string}', '*/'],
    },
    {
      name: 'over several lines, their indentation kept',
      schema: { type: 'string', description: 'First line.\nSecond line.\n\n    code' },
      comment: ['/**', '* First line.', '* Second line.', '*', '*     code', '*/'],
    },
    {
      name: 'after a title, as its own paragraph',
      schema: { type: 'string', title: 'Name', description: 'The display name.' },
      comment: ['/**', '* Name', '*', '* The display name.', '*/'],
    },
    {
      name: 'before the Format line',
      schema: { type: 'string', format: 'date-time', description: 'When it was made.' },
      comment: ['/**', '* When it was made.', '*', '* Format: date-time', '*/'],
    },
    {
      name: 'holding a comment end, still escaped',
      schema: { type: 'string', description: 'Ends */ here.' },
      comment: ['/** Ends *\\/ here. */'],
    },
  ])('$name', async ({ schema, comment }) => {
    expect(await commentOf(schema)).toEqual(comment);
  });
});

describe('comments without a description are left as written', () => {
  it.each<{ name: string; schema: SchemaObject; comment: string[] }>([
    { name: 'a lone @default', schema: { type: 'string', default: 'x' }, comment: ['/** @default x */'] },
    { name: 'an empty description', schema: { type: 'string', description: '' }, comment: [] },
    {
      name: 'a title and a tag',
      schema: { type: 'string', title: 'Name', deprecated: true },
      comment: ['/**', '* Name', '* @deprecated', '*/'],
    },
  ])('$name', async ({ schema, comment }) => {
    expect(await commentOf(schema)).toEqual(comment);
  });

  it.each(['* Just text. ', '*\n * Title\n * @default 1\n '])('%j', (text) => {
    expect(plainDescription(text)).toBe(text);
  });
});
