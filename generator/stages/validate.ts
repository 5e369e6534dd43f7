// Stage 2: refuse what the generator cannot turn into a correct client, with a precise location.
import { GeneratorError } from '../errors.js';
import { operationName } from '../model/naming.js';
import { METHODS, deref, pointer, type OpenApiDocument, type ParameterObject } from '../openapi.js';

const RESERVED_METHODS = new Set(['constructor', 'listAll', 'waitFor', '_client']);

export function validateSpec(doc: OpenApiDocument, file: string): void {
  const fail = (message: string, ptr?: string): never => {
    throw new GeneratorError(message, { file, pointer: ptr });
  };
  const version = String(doc.openapi ?? '');
  if (doc.swagger) fail(`Swagger ${doc.swagger} is not supported: convert it to OpenAPI 3.0 or 3.1`, '#/swagger');
  if (!/^3\.[01]\.\d+$/.test(version)) fail(`unsupported openapi version "${version}": expected 3.0.x or 3.1.x`, '#/openapi');
  if (!doc.paths || Object.keys(doc.paths).length === 0) fail('the spec has no paths', '#/paths');

  const operationIds = new Map<string, string>();
  const methodsSeen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const at = pointer('paths', path, method);
      if (method === 'options' || method === 'head' || method === 'trace') {
        fail(`${method.toUpperCase()} operations are not supported by the generated client`, at);
      }
      if (op.operationId) {
        const first = operationIds.get(op.operationId);
        if (first) fail(`duplicate operationId "${op.operationId}" (first used at ${first})`, `${at}/operationId`);
        operationIds.set(op.operationId, at);
      }
      const name = operationName(op, path, method);
      if (!/^[A-Za-z_$][\w$]*$/.test(name.resource) || !/^[A-Za-z_$][\w$]*$/.test(name.method)) {
        fail(`resource/method name "${name.resource}.${name.method}" is not a valid identifier`, at);
      }
      if (RESERVED_METHODS.has(name.method)) fail(`method name "${name.method}" is reserved by the client`, at);
      const key = `${name.resource}.${name.method}`;
      const clash = methodsSeen.get(key);
      if (clash) fail(`two operations map to the same client method ${key} (the other is ${clash}); set x-sdk-resource / x-sdk-method`, at);
      methodsSeen.set(key, at);

      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref<ParameterObject>(doc, p));
      params.forEach((p, i) => {
        if (!p) fail('unresolved parameter reference', `${at}/parameters/${i}`);
        if (p!.in === 'cookie') fail(`cookie parameter "${p!.name}" is not supported`, `${at}/parameters`);
      });
      for (const placeholder of path.match(/\{[^}]+\}/g) ?? []) {
        const n = placeholder.slice(1, -1);
        if (!params.some((p) => p?.in === 'path' && p.name === n)) fail(`path parameter "${n}" is not declared`, at);
      }
      const body = deref(doc, op.requestBody);
      if (body?.content && !Object.keys(body.content).some(isJson)) {
        fail(`request body media types ${Object.keys(body.content).join(', ')} are not supported: the client sends JSON`, `${at}/requestBody`);
      }
    }
  }
}

export function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json\b/.test(mediaType);
}
