// The one argument-order rule, for methods and for the helpers beside them (table-driven).
import { describe, expect, it } from 'vitest';
import { signature, withArgs } from '../../generator/stages/model/signature.js';
import type { ArgModel, ParamModel } from '../../generator/stages/model/types.js';

const param = (name: string): ParamModel => ({
  name,
  in: 'path',
  required: true,
  type: 'string',
  schema: { type: 'string' },
  description: undefined,
  default: undefined,
  deprecated: false,
  example: undefined,
});
const arg = (name: string, optional: boolean, kind: ArgModel['kind'] = 'query'): ArgModel => ({
  name,
  kind,
  type: 'T',
  optional,
});
const show = (args: ArgModel[]) => args.map((a) => `${a.name}${a.optional ? '?' : ''}`).join(', ');

describe('signature', () => {
  it.each([
    { path: ['id'], objects: [arg('body', false, 'body'), arg('query', false)], want: 'id, body, query' },
    { path: ['id'], objects: [arg('body', true, 'body'), arg('query', false)], want: 'id, query, body?' },
    { path: ['a', 'b'], objects: [arg('query', true), arg('headers', false, 'header')], want: 'a, b, headers, query?' },
    // A path parameter named like a generated identifier gets another local name.
    { path: ['options'], objects: [], want: 'optionsParam' },
  ])('$path + $objects.length objects → $want', ({ path, objects, want }) => {
    expect(show(signature({ pathParams: path.map(param), pathTypes: new Map(), objects }))).toBe(want);
  });
});

describe('helper arguments', () => {
  it.each([
    {
      args: [arg('name', false, 'path'), arg('query', true)],
      extra: [arg('wait', false, 'wait')],
      want: 'name, wait, query?',
    },
    {
      args: [arg('name', false, 'path'), arg('query', false)],
      extra: [arg('wait', false, 'wait')],
      want: 'name, query, wait',
    },
    {
      args: [arg('name', false, 'path'), arg('query', true)],
      extra: [arg('wait', true, 'wait')],
      want: 'name, query?, wait?',
    },
  ])('$want', ({ args, extra, want }) => {
    const out = withArgs(args, extra);
    expect(show(out)).toBe(want);
    // Never a required argument after an optional one (TS1016).
    const firstOptional = out.findIndex((a) => a.optional);
    expect(firstOptional === -1 || out.slice(firstOptional).every((a) => a.optional)).toBe(true);
  });
});
