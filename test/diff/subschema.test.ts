// The subschema comparison behind the 2020-12 keyword rules: tighter, looser, or neither (changed).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../diff/json.js';
import { SchemaReader } from '../../diff/schema.js';
import { compareSubschemas, familyChanges } from '../../diff/subschema.js';

const doc: JsonObject = { components: { schemas: { Id: { type: 'string', maxLength: 8 } } } };
const readers = { base: new SchemaReader(doc), head: new SchemaReader(doc) };
const compare = (base: JsonObject | boolean | undefined, head: JsonObject | boolean | undefined): string =>
  compareSubschemas(readers, base, head);

describe('subschema comparison', () => {
  it('absent and true accept everything, false nothing', () => {
    expect(compare(undefined, { type: 'string' })).toBe('tightened');
    expect(compare({ type: 'string' }, true)).toBe('loosened');
    expect(compare(true, false)).toBe('tightened');
    expect(compare(false, {})).toBe('loosened');
  });

  it('orders bounds, types, enums and required names; documentation is no change', () => {
    expect(compare({ minimum: 1 }, { minimum: 2 })).toBe('tightened');
    expect(compare({ type: ['string', 'integer'] }, { type: 'string' })).toBe('tightened');
    expect(compare({ enum: ['a'] }, { enum: ['a', 'b'] })).toBe('loosened');
    expect(compare({ required: ['a'] }, { required: ['a', 'b'] })).toBe('tightened');
    const inline = { type: 'string', maxLength: 8, description: 'an id' };
    expect(compare({ $ref: '#/components/schemas/Id' }, inline)).toBe('same');
    // A property named like an annotation is still a property.
    const named = (type: string): JsonObject => ({ properties: { description: { type } } });
    expect(compare(named('string'), named('integer'))).not.toBe('same');
  });

  it('tighter in one place and looser in another is changed, as is anything it cannot order', () => {
    expect(compare({ minimum: 1, maximum: 5 }, { minimum: 2, maximum: 9 })).toBe('changed');
    expect(compare({ multipleOf: 2 }, { multipleOf: 3 })).toBe('changed');
  });

  it('a changed if condition is changed; then/else without an if assert nothing', () => {
    const view = (s: JsonObject) => readers.base.view(s);
    const changes = (b: JsonObject, h: JsonObject) =>
      familyChanges({ family: 'conditional', readers, base: view(b), head: view(h) }).map(
        (c) => `${c.keyword} ${c.effect}`,
      );
    const when = (name: string): JsonObject => ({ if: { required: [name] }, then: { required: ['b'] } });
    expect(changes(when('a'), when('c'))).toEqual(['if changed']);
    expect(changes({ then: { required: ['b'] } }, { then: { required: ['b', 'c'] } })).toEqual([]);
  });
});
