import { describe, expect, it } from 'vitest';
import { aliasPrefix, assignOperationNames, operationName } from '../../generator/stages/model/naming.js';
import { assignTypeNames } from '../../generator/stages/model/type-names.js';
import type { LowerMethod, OperationObject } from '../../generator/openapi.js';
import type { OperationSource } from '../../generator/stages/model/sources.js';

describe('operationName', () => {
  it.each([
    {
      path: '/networking/v1/networks',
      method: 'post' as LowerMethod,
      op: { 'x-sdk-resource': 'networks', 'x-sdk-method': 'create' },
      resource: 'networks',
      name: 'create',
    },
    {
      path: '/storage/v1/buckets',
      method: 'get' as LowerMethod,
      op: { tags: ['Storage Buckets (storage/v1)'] },
      resource: 'storageBuckets',
      name: 'getStorageV1Buckets',
    },
    {
      path: '/storage/v1/buckets/{name}',
      method: 'put' as LowerMethod,
      op: {},
      resource: 'buckets',
      name: 'putStorageV1BucketsByName',
    },
    {
      path: '/stores/{storeId}/orders',
      method: 'get' as LowerMethod,
      op: {},
      resource: 'orders',
      name: 'getStoresByStoreIdOrders',
    },
    {
      path: '/pets',
      method: 'get' as LowerMethod,
      op: { operationId: 'listPets', tags: ['pets'] },
      resource: 'pets',
      name: 'listPets',
    },
    {
      path: '/pets',
      method: 'get' as LowerMethod,
      op: { operationId: 'list_pets', tags: ['pets'] },
      resource: 'pets',
      name: 'list_pets',
    },
    {
      path: '/orgs/{org}/repos',
      method: 'get' as LowerMethod,
      op: { operationId: 'repos/list-for-org', tags: ['repos'] },
      resource: 'repos',
      name: 'listForOrg',
    },
    {
      path: '/orgs/{org}/repos',
      method: 'get' as LowerMethod,
      op: { operationId: 'issues/list-for-org', tags: ['repos'] },
      resource: 'repos',
      name: 'issuesListForOrg',
    },
    {
      path: '/a',
      method: 'get' as LowerMethod,
      op: { operationId: 'get a thing', tags: ['2fa codes'] },
      resource: '_2faCodes',
      name: 'getAThing',
    },
    { path: '/a', method: 'options' as LowerMethod, op: {}, resource: 'a', name: 'optionsA' },
    {
      path: '/a',
      method: 'get' as LowerMethod,
      op: { operationId: 'constructor' },
      resource: 'a',
      name: 'constructorOperation',
    },
    {
      path: '/raw',
      method: 'get' as LowerMethod,
      op: { operationId: 'waitFor' },
      resource: 'rawResource',
      name: 'waitForOperation',
    },
    {
      path: '/health',
      method: 'get' as LowerMethod,
      op: { 'x-sdk-method': 'check' },
      resource: 'health',
      name: 'check',
    },
  ])('$method $path $op', ({ path, method, op, resource, name }) => {
    expect(operationName(op as OperationObject, path, method)).toEqual({ resource, method: name });
  });
});

const source = (method: LowerMethod, path: string, op: OperationObject): OperationSource => ({
  method,
  path,
  op,
  params: [],
  body: undefined,
  responses: [],
  security: [],
});

describe('assignOperationNames', () => {
  const a = source('get', '/users/{id}', { operationId: 'get-user', tags: ['users'] });
  const b = source('get', '/users/by-name/{name}', { operationId: 'getUser', tags: ['users'] });
  const c = source('post', '/users', { operationId: 'get_user!', tags: ['users'] });

  it('gives the name to the operationId spelled as is, numbers the others, and says why', () => {
    const { names, notes } = assignOperationNames([a, b, c]);
    // `getUser` is spelled as is; the other two are ranked by path: /users before /users/{id}.
    expect(names.map((n) => `${n.resource}.${n.method}`)).toEqual([
      'users.getUser3',
      'users.getUser',
      'users.getUser2',
    ]);
    expect(notes).toEqual([
      'POST /users is users.getUser2: users.getUser is taken by GET /users/by-name/{name} (set x-sdk-method to choose another name)',
      'GET /users/{id} is users.getUser3: users.getUser is taken by GET /users/by-name/{name} (set x-sdk-method to choose another name)',
    ]);
  });

  it('does not depend on the order of the document', () => {
    const orders = [
      [a, b, c],
      [c, b, a],
      [b, c, a],
      [c, a, b],
    ];
    const results = orders.map((list) => {
      const { names } = assignOperationNames(list);
      return Object.fromEntries(list.map((s, i) => [`${s.method} ${s.path}`, names[i]!.method]));
    });
    for (const r of results) {
      expect(r).toEqual(results[0]);
    }
  });

  it('adding operations never renames existing ones', () => {
    const before = [
      source('get', '/pets', { operationId: 'listPets', tags: ['pets'] }),
      source('put', '/pets/{id}', { tags: ['pets'] }),
    ];
    const after = [
      ...before,
      source('patch', '/pets/{id}', { tags: ['pets'] }),
      source('get', '/pets/{id}/toys', { operationId: 'listToys', tags: ['pets'] }),
      source('get', '/cats', { operationId: 'listPets', tags: ['cats'] }),
    ];
    const first = assignOperationNames(before).names;
    const second = assignOperationNames(after).names;
    expect(second.slice(0, before.length)).toEqual(first);
  });
});

describe('aliasPrefix', () => {
  it.each([
    ['networks', 'list', 'NetworkList'],
    ['privateLinkAccesses', 'create', 'PrivateLinkAccessCreate'],
    ['pets', 'listPets', 'ListPets'],
    ['pets', 'showPetById', 'ShowPetById'],
    ['repos', 'listForOrg', 'RepoListForOrg'],
  ])('%s.%s → %s', (resource, method, prefix) => {
    expect(aliasPrefix(resource, method)).toBe(prefix);
  });
});

describe('assignTypeNames', () => {
  it('keeps identifiers, shortens namespaced names, and steps aside for the package’s own exports', () => {
    const input = ['cmk.v2.Cluster', 'Cluster', 'networking.v1.Network', 'Odd-Thing', 'Page', 'paths'];
    const expected = {
      Cluster: 'Cluster',
      'cmk.v2.Cluster': 'CmkV2Cluster',
      'networking.v1.Network': 'Network',
      'Odd-Thing': 'OddThing',
      Page: 'PageModel',
      paths: 'pathsModel',
    };
    expect(Object.fromEntries(assignTypeNames(input, new Set(['Page', 'paths'])))).toEqual(expected);
    // Same answer whatever order the schemas come in.
    expect(Object.fromEntries(assignTypeNames([...input].reverse(), new Set(['Page', 'paths'])))).toEqual(expected);
  });
});
