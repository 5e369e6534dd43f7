import { describe, expect, it } from 'vitest';
import { operationName } from '../../generator/model/naming.js';
import { assignTypeNames } from '../../generator/model/type-names.js';
import type { LowerMethod, OperationObject } from '../../generator/openapi.js';

describe('operationName', () => {
  it.each<[string, LowerMethod, OperationObject, string, string]>([
    ['/networking/v1/networks', 'post', { 'x-sdk-resource': 'networks', 'x-sdk-method': 'create' }, 'networks', 'create'],
    ['/storage/v1/buckets', 'get', { tags: ['Storage Buckets (storage/v1)'] }, 'storageBuckets', 'list'],
    ['/storage/v1/buckets', 'post', { tags: ['Storage Buckets'] }, 'storageBuckets', 'create'],
    ['/storage/v1/buckets/{name}', 'get', { tags: ['Buckets'] }, 'buckets', 'get'],
    ['/storage/v1/buckets/{name}', 'put', {}, 'buckets', 'update'],
    ['/storage/v1/buckets/{name}', 'patch', {}, 'buckets', 'update'],
    ['/storage/v1/buckets/{name}', 'delete', {}, 'buckets', 'delete'],
    ['/storage/v1/buckets/{name}/restore', 'post', { operationId: 'restore-bucket' }, 'restore', 'create'],
    ['/storage/v1/buckets/{name}:restore', 'post', { operationId: 'restore-bucket' }, 'buckets', 'restore'],
    ['/health', 'get', { 'x-sdk-method': 'check' }, 'health', 'check'],
  ])('%s %s', (path, method, op, resource, name) => {
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
