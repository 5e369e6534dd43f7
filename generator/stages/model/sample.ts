// Example values (data, not code) for the docs: the spec's own examples where it has them; otherwise the smallest
// value that satisfies the schema (required, writable properties only), so every example the render stage prints
// compiles against the generated types (a test type-checks them all).
import { deref, isReadOnly, type Json, type OpenApiDocument, type SchemaObject } from '../../openapi.js';

const MAX_DEPTH = 8;

/** A value a request body of this schema accepts. */
export function sampleValue(doc: OpenApiDocument, node: SchemaObject | undefined, depth = 0): Json {
  const s = deref(doc, node);
  if (!s || depth > MAX_DEPTH) {
    return {};
  }
  const deeper = (n: SchemaObject | undefined): Json => sampleValue(doc, n, depth + 1);
  if (s.example !== undefined && s.type !== 'object' && !s.properties && !s.allOf && !s.oneOf) {
    return s.example;
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) {
    return deeper(variants[0]);
  }
  const open = s['x-extensible-enum'];
  if (Array.isArray(open) && open.length) {
    return open[0]!;
  }
  if (Array.isArray(s.enum) && s.enum.length) {
    return s.enum[0]!;
  }
  const props = properties(doc, s);
  if (props.size || s.type === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [name, p] of props) {
      if (p.required && !isReadOnly(p.schema, doc)) {
        out[name] = deeper(p.schema);
      }
    }
    return out;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'array') {
    return [deeper(s.items)];
  }
  if (type === 'integer' || type === 'number') {
    return (s.default ?? s.minimum ?? 1) as Json;
  }
  if (type === 'boolean') {
    return (s.default ?? true) as Json;
  }
  if (s.default !== undefined) {
    return s.default;
  }
  return s.format === 'date-time' ? '2026-01-01T00:00:00Z' : 'example';
}

type Props = Map<string, { schema: SchemaObject; required: boolean }>;

/** Every property of a schema and its allOf members, with whether any member requires it. */
function properties(doc: OpenApiDocument, s: SchemaObject): Props {
  const out: Props = new Map();
  const required = new Set<string>();
  const visit = (node: SchemaObject | undefined, d: number): void => {
    const n = deref(doc, node);
    if (!n || d > 16) {
      return;
    }
    for (const m of n.allOf ?? []) {
      visit(m, d + 1);
    }
    for (const r of n.required ?? []) {
      required.add(r);
    }
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      const prev = out.get(k);
      // A later allOf member may only repeat the name (`{}`) to require it: keep the real declaration.
      if (!prev || Object.keys(deref(doc, v) ?? {}).length > 0) {
        out.set(k, { schema: prev && Object.keys(v).length === 0 ? prev.schema : v, required: false });
      }
    }
  };
  visit(s, 0);
  for (const [k, v] of out) {
    v.required = required.has(k);
  }
  return out;
}

/** The example a schema carries, following $ref and allOf members. */
function schemaExample(doc: OpenApiDocument, node: SchemaObject | undefined, depth = 0): Json | undefined {
  const s = deref(doc, node);
  if (!s || depth > MAX_DEPTH) {
    return undefined;
  }
  if (s.example !== undefined) {
    return s.example;
  }
  for (const m of s.allOf ?? []) {
    const found = schemaExample(doc, m, depth + 1);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The `id` in a response schema's example. */
export function exampleIdOf(doc: OpenApiDocument, schema: SchemaObject | undefined): string | undefined {
  const example = schemaExample(doc, schema);
  const id = example && typeof example === 'object' && !Array.isArray(example) ? example.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
