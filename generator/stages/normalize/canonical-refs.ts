// A local $ref may be percent-encoded (`#/paths/~1a~1%7Bid%7D/get`, RFC 6901 §6), and so may a discriminator's
// mapping. Later passes and openapi-typescript compare and split refs as plain pointers, so every local ref is
// rewritten once, here, to its spelling without percent-encoding.
import { canonicalRef, type OpenApiDocument } from '../../openapi.js';

export function canonicalRefs(doc: OpenApiDocument): void {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) {
      return;
    }
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string' && record.$ref.includes('%')) {
      record.$ref = canonicalRef(record.$ref);
    }
    const mapping = (record.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object') {
      for (const [key, value] of Object.entries(mapping)) {
        if (typeof value === 'string' && value.includes('%')) {
          mapping[key] = canonicalRef(value);
        }
      }
    }
    for (const value of Object.values(record)) {
      visit(value);
    }
  };
  visit(doc);
}
