// operationIds must be unique (OpenAPI says so, and openapi-typescript keys its `operations` type by them), yet
// real documents repeat them. The first use by path and method keeps the id; each repeat gets a numbered one.
import { METHODS, type OpenApiDocument } from '../../openapi.js';

export function uniqueOperationIds(doc: OpenApiDocument): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item?.[m] && typeof item[m]!.operationId === 'string').map((m) => ({
      path,
      method: m,
      op: item[m]!,
    })),
  );
  for (const { op } of ops) {
    seen.add(op.operationId!);
  }
  const used = new Set<string>();
  for (const { path, method, op } of ops) {
    const id = op.operationId!;
    if (!used.has(id)) {
      used.add(id);
      continue;
    }
    let n = 2;
    while (seen.has(`${id}_${n}`)) {
      n++;
    }
    op.operationId = `${id}_${n}`;
    seen.add(op.operationId);
    used.add(op.operationId);
    notes.push(`${method.toUpperCase()} ${path} repeats operationId "${id}": it is treated as "${op.operationId}"`);
  }
  return notes;
}
