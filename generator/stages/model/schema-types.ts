// One TypeModel per component schema: what docs list and what index.ts exports.
import { deref, isReadOnly, schemaName, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import type { PropertyModel, TypeModel } from './types.js';
import { enumValues, schemaText } from './schema-text.js';

export function buildTypes(doc: OpenApiDocument, names: Map<string, string>): TypeModel[] {
  const out: TypeModel[] = [];
  for (const [schema, s] of Object.entries(doc.components?.schemas ?? {})) {
    const { values, open } = enumValues(s);
    const variants = (s.oneOf ?? s.anyOf ?? []).map((v) => ({
      value: variantValue(doc, s, v) ?? '',
      type: schemaText(v, names),
    }));
    out.push({
      name: names.get(schema)!,
      schema,
      description: s.description,
      deprecated: s.deprecated === true,
      kind: variants.length
        ? 'union'
        : values.length
          ? 'enum'
          : s.type === 'array'
            ? 'array'
            : isObject(doc, s)
              ? 'object'
              : 'scalar',
      properties: properties(doc, s, names),
      values,
      openEnum: open,
      variants,
      discriminator: s.discriminator?.propertyName,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isObject(doc: OpenApiDocument, s: SchemaObject): boolean {
  return s.type === 'object' || !!s.properties || !!s.allOf?.some((m) => isObject(doc, deref(doc, m) ?? {}));
}

/** Properties with allOf folded in; later members refine earlier ones. */
function properties(doc: OpenApiDocument, s: SchemaObject, names: Map<string, string>): PropertyModel[] {
  const merged = new Map<string, PropertyModel>();
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
    for (const [name, p] of Object.entries(n.properties ?? {})) {
      const target = deref(doc, p) ?? p;
      const prev = merged.get(name);
      const { values, open } = enumValues(target.allOf?.length === 1 ? deref(doc, target.allOf[0]) : target);
      const isEmpty = Object.keys(p).length === 0;
      if (prev && isEmpty) {
        continue;
      }
      merged.set(name, {
        name,
        type: isEmpty && prev ? prev.type : schemaText(p, names),
        required: false,
        readOnly: isReadOnly(p, doc) || !!prev?.readOnly,
        deprecated: p.deprecated === true || target.deprecated === true,
        description: p.description ?? target.description ?? prev?.description,
        values: values.length ? values : (prev?.values ?? []),
        openEnum: values.length ? open : (prev?.openEnum ?? false),
      });
    }
  };
  visit(s, 0);
  return [...merged.values()].map((p) => ({ ...p, required: required.has(p.name) }));
}

function variantValue(doc: OpenApiDocument, parent: SchemaObject, variant: SchemaObject): string | undefined {
  const d = parent.discriminator;
  if (!d) {
    return undefined;
  }
  for (const [value, ref] of Object.entries(d.mapping ?? {})) {
    if (variant.$ref && schemaName(ref) === schemaName(variant.$ref)) {
      return value;
    }
  }
  const prop = deref(doc, deref(doc, variant)?.properties?.[d.propertyName]);
  const { values } = enumValues(prop);
  return values.length === 1 ? values[0] : variant.$ref ? schemaName(variant.$ref) : undefined;
}
