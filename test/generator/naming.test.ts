import { describe, expect, it } from 'vitest';
import { operationName } from '../../generator/model/naming.js';
import { assignTypeNames } from '../../generator/model/type-names.js';
import type { LowerMethod, OperationObject } from '../../generator/openapi.js';

describe('operationName', () => {
  it.each([
    { path: '/networking/v1/networks', method: 'post' as LowerMethod, op: { 'x-sdk-resource': 'networks', 'x-sdk-method': 'create' } as OperationObject, resource: 'networks', name: 'create' },
    { path: '/storage/v1/buckets', method: 'get' as LowerMethod, op: { tags: ['Storage Buckets (storage/v1)'] } as OperationObject, resource: 'storageBuckets', name: 'list' },
    { path: '/storage/v1/buckets', method: 'post' as LowerMethod, op: { tags: ['Storage Buckets'] } as OperationObject, resource: 'storageBuckets', name: 'create' },
    { path: '/storage/v1/buckets/{name}', method: 'get' as LowerMethod, op: { tags: ['Buckets'] } as OperationObject, resource: 'buckets', name: 'get' },
    { path: '/storage/v1/buckets/{name}', method: 'put' as LowerMethod, op: {} as OperationObject, resource: 'buckets', name: 'update' },
    { path: '/storage/v1/buckets/{name}', method: 'patch' as LowerMethod, op: {} as OperationObject, resource: 'buckets', name: 'update' },
    { path: '/storage/v1/buckets/{name}', method: 'delete' as LowerMethod, op: {} as OperationObject, resource: 'buckets', name: 'delete' },
    { path: '/storage/v1/buckets/{name}/restore', method: 'post' as LowerMethod, op: { operationId: 'restore-bucket' } as OperationObject, resource: 'restore', name: 'create' },
    { path: '/storage/v1/buckets/{name}:restore', method: 'post' as LowerMethod, op: { operationId: 'restore-bucket' } as OperationObject, resource: 'buckets', name: 'restore' },
    { path: '/health', method: 'get' as LowerMethod, op: { 'x-sdk-method': 'check' } as OperationObject, resource: 'health', name: 'check' },
  ])('$method $path', ({ path, method, op, resource, name }) => {
    expect(operationName(op, path, method)).toEqual({ resource, method: name });
  });
});

describe('assignTypeNames', () => {
  it('keeps identifiers, shortens namespaced names, resolves clashes deterministically', () => {
    const names = assignTypeNames(['cmk.v2.Cluster', 'Cluster', 'networking.v1.Network', 'Odd-Thing']);
    expect(Object.fromEntries(names)).toEqual({
      Cluster: 'Cluster',
      'cmk.v2.Cluster': 'CmkV2Cluster',
      'networking.v1.Network': 'Network',
      'Odd-Thing': 'OddThing',
    });
  });
});
