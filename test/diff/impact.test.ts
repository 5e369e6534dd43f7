// Package impact: exported methods and types added, removed or changed between two generator models.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareModels, packageImpact, type ImpactModel } from '../../diff/impact.js';
import { loadSpec } from '../../diff/load.js';
import { FIXTURES } from './helpers.js';

type Method = ImpactModel['resources'][number]['methods'][number];
type Type = ImpactModel['types'][number];

function method(name: string, extra: Partial<Method> = {}): Method {
  return {
    name,
    deprecated: false,
    params: { path: [], query: undefined, header: undefined },
    body: undefined,
    response: { type: 'Thing' },
    ...extra,
  };
}

function prop(name: string, type = 'string'): Type['properties'][number] {
  return { name, type, required: false, readOnly: false, values: [], openEnum: false };
}

function type(name: string, properties: Type['properties']): Type {
  return { name, deprecated: false, kind: 'object', properties, values: [], openEnum: false, variants: [] };
}

function model(methods: Method[], types: Type[]): ImpactModel {
  return { resources: [{ property: 'things', methods }], types };
}

describe('package impact', () => {
  it('lists methods and types added, removed and changed', () => {
    const base = model(
      [method('list'), method('get'), method('delete')],
      [type('Thing', [prop('id')]), type('Old', [])],
    );
    const head = model(
      [
        method('list'),
        method('get', { response: { type: 'ThingV2' } }),
        method('create', { body: { type: 'ThingCreate', required: true } }),
      ],
      [type('Thing', [prop('id'), prop('name')]), type('ThingCreate', [prop('name')])],
    );
    expect(compareModels(base, head)).toEqual({
      methods: { added: ['things.create'], removed: ['things.delete'], changed: ['things.get'] },
      types: { added: ['ThingCreate'], removed: ['Old'], changed: ['Thing'] },
      standInCannotServe: [],
    });
  });

  it('lists a new parameters type, and a new operation the stand-in cannot serve', () => {
    const query = {
      type: 'ThingSearchParams',
      required: true,
      params: [{ name: 'q', required: true, type: 'string' }],
    };
    const base: ImpactModel = { ...model([method('list')], []), standIn: { unmodelled: ['GET /old (x)'] } };
    const head: ImpactModel = {
      ...model([method('list'), method('search', { params: { path: [], query, header: undefined } })], []),
      standIn: { unmodelled: ['GET /old (x)', 'GET /things/search (no collection)'] },
    };
    expect(compareModels(base, head)).toEqual({
      methods: { added: ['things.search'], removed: [], changed: [] },
      types: { added: ['ThingSearchParams'], removed: [], changed: [] },
      standInCannotServe: ['GET /things/search (no collection)'],
    });
  });

  it("uses the generator's model builder (imported statically, no silent fallback)", async () => {
    const dir = join(FIXTURES, 'operation-removed');
    const [base, head] = await Promise.all([
      loadSpec({ file: join(dir, 'base.yaml') }),
      loadSpec({ file: join(dir, 'revision.yaml') }),
    ]);
    expect(packageImpact(base.doc, head.doc)).toEqual({
      methods: { added: [], removed: ['things.deleteThing'], changed: [] },
      types: { added: [], removed: [], changed: [] },
      standInCannotServe: [],
    });
  });

  it('finds a changed exported type through the same builder (a property whose type changed)', async () => {
    const dir = join(FIXTURES, 'property-type-changed');
    const [base, head] = await Promise.all([
      loadSpec({ file: join(dir, 'base.yaml') }),
      loadSpec({ file: join(dir, 'revision.yaml') }),
    ]);
    expect(packageImpact(base.doc, head.doc)).toEqual({
      methods: { added: [], removed: [], changed: [] },
      types: { added: [], removed: [], changed: ['Thing'] },
      standInCannotServe: [],
    });
  });
});
