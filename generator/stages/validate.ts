// Stage 2: refuse what no correct client can come from, with a precise location. Everything else is handled
// later (naming never fails; any method, parameter location and media type is supported), so this list is
// short, and README.md's "What the generator supports" table names each refusal.
import { GeneratorError } from '../errors.js';
import { METHODS, deref, pointer, type OpenApiDocument, type ParameterObject } from '../openapi.js';

export function validateSpec(doc: OpenApiDocument, file: string): void {
  const fail = (message: string, ptr?: string): never => {
    throw new GeneratorError(message, { file, pointer: ptr });
  };
  if (doc.swagger) {
    fail(
      `Swagger ${String(doc.swagger)} is not supported: convert it to OpenAPI 3.0 or 3.1 (for example with swagger2openapi)`,
      '#/swagger',
    );
  }
  const version = String(doc.openapi ?? '');
  if (!/^3\.[01]\.\d+/.test(version)) {
    fail(`unsupported openapi version "${version}": expected 3.0.x or 3.1.x`, '#/openapi');
  }
  if (doc.paths !== undefined && (typeof doc.paths !== 'object' || doc.paths === null || Array.isArray(doc.paths))) {
    fail('`paths` must be an object', '#/paths');
  }

  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/')) {
      fail(`path "${path}" must start with "/"`, pointer('paths', path));
    }
    if (!item || typeof item !== 'object') {
      fail('a path item must be an object', pointer('paths', path));
    }
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) {
        continue;
      }
      const at = pointer('paths', path, method);
      if (!op || typeof op !== 'object' || Array.isArray(op)) {
        fail('an operation must be an object', at);
      }
      const params = [
        ...list(item.parameters).map((p, i) => ({ p, at: `${pointer('paths', path)}/parameters/${i}` })),
        ...list(op.parameters).map((p, i) => ({ p, at: `${at}/parameters/${i}` })),
      ];
      for (const { p, at: where } of params) {
        const r = deref<ParameterObject>(doc, p);
        if (!r || typeof r !== 'object') {
          fail('unresolved parameter reference', where);
        }
        if (typeof r!.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(r!.in)) {
          fail(
            `a parameter needs a name and an "in" of path, query, header or cookie (got ${JSON.stringify(r!.in)})`,
            where,
          );
        }
      }
    }
  }
}

function list(value: unknown): ParameterObject[] {
  return Array.isArray(value) ? (value as ParameterObject[]) : [];
}
