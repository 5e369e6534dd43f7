// Visit every schema object in a document (components, parameters, bodies, responses), depth first.
import type { OpenApiDocument, SchemaObject } from '../../openapi.js';

export type SchemaVisitor = (schema: SchemaObject) => void;

export function walkSchemas(doc: OpenApiDocument, visit: SchemaVisitor): void {
  const seen = new Set<object>();
  const schema = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) {
      return;
    }
    seen.add(s);
    const node = s as SchemaObject;
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      node[key]?.forEach(schema);
    }
    for (const p of Object.values(node.properties ?? {})) {
      schema(p);
    }
    schema(node.items);
    if (typeof node.additionalProperties === 'object') {
      schema(node.additionalProperties);
    }
    schema(node.not);
    visit(node);
  };
  const content = (c: unknown): void => {
    for (const media of Object.values((c as Record<string, { schema?: unknown }>) ?? {})) {
      schema(media?.schema);
    }
  };
  const params = (list: unknown): void => {
    for (const p of (list as { schema?: unknown; content?: unknown }[] | undefined) ?? []) {
      schema(p?.schema);
      content(p?.content);
    }
  };
  const c = doc.components ?? {};
  for (const s of Object.values(c.schemas ?? {})) {
    schema(s);
  }
  for (const p of Object.values(c.parameters ?? {})) {
    params([p]);
  }
  for (const r of Object.values(c.responses ?? {})) {
    content(r?.content);
  }
  for (const b of Object.values(c.requestBodies ?? {})) {
    content(b?.content);
  }
  for (const h of Object.values((c.headers ?? {}) as Record<string, { schema?: unknown }>)) {
    schema(h?.schema);
  }
  for (const item of Object.values(doc.paths ?? {})) {
    params(item.parameters);
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || Array.isArray(op)) {
        continue;
      }
      const o = op as {
        parameters?: unknown;
        requestBody?: { content?: unknown };
        responses?: Record<string, { content?: unknown }>;
      };
      params(o.parameters);
      content(o.requestBody?.content);
      for (const r of Object.values(o.responses ?? {})) {
        content(r?.content);
      }
    }
  }
}
