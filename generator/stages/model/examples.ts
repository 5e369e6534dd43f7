// Synthesises the TypeScript example each method's docs show. Values come from the spec's own examples
// where it has them; otherwise the smallest value that satisfies the schema (required properties only),
// so every example compiles against the generated types (a test type-checks them all).
import { camelCase, singular, tsKey, tsString } from '../../helpers.js';
import { deref, isReadOnly, type Json, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { successResponses, type OperationSource } from './sources.js';
import type { MethodModel, ParamModel } from './types.js';

export interface ExampleContext {
  doc: OpenApiDocument;
  packageName: string;
  clientName: string;
  resource: string;
  source: OperationSource;
}

/** The literals examples pass for path parameters and the required query parameters. */
export function exampleArgs(m: MethodModel): MethodModel['exampleArgs'] {
  return { path: m.pathParams.map((p) => paramLiteral(p, p.name)), query: m.queryType ? requiredObject(m.queryParams) : undefined };
}

/** `client.networks.get('n-123', { environment: 'env-123' })`: the call alone, for prose examples. */
export function methodCall(m: MethodModel, ctx: ExampleContext): string {
  const args: string[] = [];
  for (const a of m.args) {
    if (a.kind === 'path') args.push(paramLiteral(m.pathParams.find((p) => p.name === a.wireName), a.wireName!));
    else if (a.optional) continue;
    else if (a.kind === 'body') args.push(bodyExample(m, ctx));
    else args.push(requiredObject(a.kind === 'query' ? m.queryParams : a.kind === 'header' ? m.headerParams : m.cookieParams));
  }
  return `client.${ctx.resource}.${m.name}(${args.join(', ')})`;
}

function bodyExample(m: MethodModel, ctx: ExampleContext): string {
  const media = ctx.source.body?.content[0];
  if (!media || media.kind === 'binary') return `new Blob(['example'])`;
  if (media.kind === 'text') return tsString('example');
  return value(media.schema, { doc: ctx.doc, indent: 0, depth: 0 });
}

/** Object literal with the required parameters of one location. */
function requiredObject(params: ParamModel[]): string {
  const required = params.filter((p) => p.required);
  return required.length ? `{ ${required.map((p) => `${tsKey(p.name)}: ${paramLiteral(p, p.name)}`).join(', ')} }` : '{}';
}

/** A value the parameter's type accepts: its example, else a made-up string (`org-123`). */
function paramLiteral(p: ParamModel | undefined, name: string): string {
  const v = p?.example;
  if (v === undefined || v === null) return tsString(`${name}-123`);
  if (p?.type.endsWith('[]') || p?.type.startsWith('(')) return Array.isArray(v) ? JSON.stringify(v) : `[${literal(v)}]`;
  return typeof v === 'object' ? tsString(`${name}-123`) : literal(v);
}

export function methodExample(m: MethodModel, ctx: ExampleContext): string {
  const call = methodCall(m, ctx);
  const result = m.pageItemType ? 'page' : camelCase(singular(ctx.resource));
  const lines = [`import { ${ctx.clientName} } from ${tsString(ctx.packageName)};`, '', `const client = new ${ctx.clientName}();`];
  if (m.returnType === 'void') lines.push(`await ${call};`);
  else lines.push(`const ${result} = await ${call};`, `console.log(${result});`);
  return lines.join('\n');
}

const PAD = '  ';

interface At {
  doc: OpenApiDocument;
  indent: number;
  depth: number;
}

function value(node: SchemaObject | undefined, at: At): string {
  const { doc, indent, depth } = at;
  const deeper = (n: SchemaObject | undefined, extraIndent = 0): string => value(n, { doc, indent: indent + extraIndent, depth: depth + 1 });
  const s = deref(doc, node);
  if (!s || depth > 8) return '{}';
  if (s.example !== undefined && s.type !== 'object' && !s.properties && !s.allOf && !s.oneOf) return literal(s.example);
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) return deeper(variants[0]);
  const open = s['x-extensible-enum'];
  if (Array.isArray(open) && open.length) return literal(open[0]!);
  if (Array.isArray(s.enum) && s.enum.length) return literal(s.enum[0]!);
  const props = collect(doc, s);
  if (props.size || s.type === 'object') {
    const entries = [...props].filter(([, p]) => p.required && !isReadOnly(p.schema, doc));
    if (!entries.length) return '{}';
    const pad = PAD.repeat(indent);
    const inner = entries.map(([name, p]) => `${pad}${PAD}${tsKey(name)}: ${deeper(p.schema, 1)},`);
    return `{\n${inner.join('\n')}\n${pad}}`;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'array') return `[${deeper(s.items)}]`;
  if (type === 'integer' || type === 'number') return String(s.default ?? s.minimum ?? 1);
  if (type === 'boolean') return String(s.default ?? true);
  if (s.default !== undefined) return literal(s.default);
  return tsString(s.format === 'date-time' ? '2026-01-01T00:00:00Z' : 'example');
}

function collect(doc: OpenApiDocument, s: SchemaObject, depth = 0): Map<string, { schema: SchemaObject; required: boolean }> {
  const out = new Map<string, { schema: SchemaObject; required: boolean }>();
  const required = new Set<string>();
  const visit = (node: SchemaObject | undefined, d: number): void => {
    const n = deref(doc, node);
    if (!n || d > 16) return;
    n.allOf?.forEach((m) => visit(m, d + 1));
    n.required?.forEach((r) => required.add(r));
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      const prev = out.get(k);
      // A later allOf member may only repeat the name (`{}`) to require it: keep the real declaration.
      if (!prev || Object.keys(deref(doc, v) ?? {}).length > 0) out.set(k, { schema: prev && Object.keys(v).length === 0 ? prev.schema : v, required: false });
    }
  };
  visit(s, depth);
  for (const [k, v] of out) v.required = required.has(k);
  return out;
}

function literal(v: Json): string {
  if (typeof v === 'string') return tsString(v);
  if (v === null || typeof v !== 'object') return String(v);
  return JSON.stringify(v);
}

/** The example a schema carries, following $ref and allOf members. */
export function schemaExample(doc: OpenApiDocument, node: SchemaObject | undefined, depth = 0): Json | undefined {
  const s = deref(doc, node);
  if (!s || depth > 8) return undefined;
  if (s.example !== undefined) return s.example;
  for (const m of s.allOf ?? []) {
    const found = schemaExample(doc, m, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The `id` in a method's success response example, so examples use ids that look like the API's. */
export function exampleId(doc: OpenApiDocument, source: OperationSource): string | undefined {
  const media = successResponses(source)[0]?.preferred;
  const example = media?.kind === 'json' ? schemaExample(doc, media.schema) : undefined;
  const id = example && typeof example === 'object' && !Array.isArray(example) ? example.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
