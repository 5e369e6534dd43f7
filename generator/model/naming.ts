// Which client resource and method an operation becomes. The spec decides (x-sdk-resource / x-sdk-method);
// without them, the documented fallback in spec/README.md applies: first tag, then path shape.
import { camelCase, words } from '../helpers.js';
import type { LowerMethod, OperationObject } from '../openapi.js';

export interface OperationName {
  resource: string;
  method: string;
}

export function operationName(op: OperationObject, path: string, method: LowerMethod): OperationName {
  return {
    resource: op['x-sdk-resource'] ?? resourceFallback(op, path),
    method: op['x-sdk-method'] ?? methodFallback(op, path, method),
  };
}

function resourceFallback(op: OperationObject, path: string): string {
  const tag = op.tags?.[0]?.replace(/\s*\(.*\)\s*$/, '');
  if (tag && words(tag).length) return camelCase(tag);
  const segments = path.split('/').filter((s) => s && !s.startsWith('{'));
  return camelCase(segments[segments.length - 1] ?? 'default');
}

function methodFallback(op: OperationObject, path: string, method: LowerMethod): string {
  const custom = /:([A-Za-z][\w-]*)$/.exec(path);
  if (custom) return camelCase(custom[1]!);
  const item = /\/\{[^}]+\}$/.test(path);
  const shape: Partial<Record<LowerMethod, string>> = item
    ? { get: 'get', patch: 'update', put: 'update', delete: 'delete' }
    : { get: 'list', post: 'create' };
  return shape[method] ?? camelCase(op.operationId ?? `${method} ${path}`);
}
