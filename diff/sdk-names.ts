// The client resource and method an operation becomes: the generator's own naming rule, so the diff's
// grouping and `sdk-name-changed` can never disagree with what `make generate` produces.
import { operationName } from '../generator/index.js';
import type { LowerMethod } from '../generator/openapi.js';
import type { Operation } from './operations.js';

type Named = Pick<Operation, 'sdkResource' | 'sdkMethod' | 'tags' | 'path' | 'method' | 'operationId'>;

function sdkName(op: Named): { resource: string; method: string } {
  const spec = {
    'x-sdk-resource': op.sdkResource,
    'x-sdk-method': op.sdkMethod,
    tags: op.tags,
    operationId: op.operationId,
  };
  return operationName(spec, op.path, op.method.toLowerCase() as LowerMethod);
}

export function resourceName(op: Named): string {
  return sdkName(op).resource;
}

export function methodName(op: Named): string {
  return sdkName(op).method;
}
