// Request bodies must not carry readOnly properties (the server owns them), while responses keep them.
// Rather than type-level Readable/Writable helpers (slow to type-check, and openapi-fetch 0.17's Readable
// loses list items), give request bodies concrete schemas without readOnly properties:
// - a schema reached only from request bodies is stripped in place (same name);
// - a schema reached from requests and responses gets a `<Name>Writable` sibling, as hey-api names it.
import { isReadOnly, schemaName, type OpenApiDocument, type SchemaObject } from '../../openapi.js';

const REF_PREFIX = '#/components/schemas/';

export function splitWritableSchemas(doc: OpenApiDocument): Map<string, string> {
  const schemas = doc.components?.schemas ?? {};
  const { readRoots, writeRoots } = roots(doc);
  const readSet = reachable(doc, readRoots, false);
  const writeSet = reachable(doc, writeRoots, true);
  // A component nobody references still belongs to the read side: it is exported unchanged.
  for (const name of Object.keys(schemas)) {
    if (!writeSet.has(name)) {
      readSet.add(name);
    }
  }

  const memo = new Map<string, boolean>();
  const hasReadOnly = (name: string): boolean => {
    if (!memo.has(name)) {
      memo.set(name, false); // cycle guard: a cycle alone adds no readOnly property
      memo.set(name, containsReadOnly(schemas[name], hasReadOnly, doc));
    }
    return memo.get(name)!;
  };

  const target = (name: string): string => {
    if (!readSet.has(name)) {
      return name;
    }
    let candidate = `${name}Writable`;
    while (schemas[candidate]) {
      candidate += '_';
    }
    return candidate;
  };
  const variantOf = new Map<string, string>();
  for (const name of [...writeSet].sort()) {
    if (hasReadOnly(name)) {
      variantOf.set(name, target(name));
    }
  }

  const strip = (s: SchemaObject): SchemaObject => stripReadOnly(s, { doc, variantOf });
  const variants = new Map<string, SchemaObject>();
  for (const [name] of variantOf) {
    variants.set(name, strip(structuredClone(schemas[name]!)));
  }
  for (const root of writeRoots) {
    replaceContents(root, strip(root));
  }

  // Rebuild in original order, each Writable right after its original, so output reads naturally.
  const rebuilt: Record<string, SchemaObject> = {};
  const shared = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    const v = variants.get(name);
    const to = variantOf.get(name);
    if (v && to === name) {
      rebuilt[name] = v;
    } else {
      rebuilt[name] = schema;
      if (v && to) {
        rebuilt[to] = v;
        shared.set(name, to);
      }
    }
  }
  if (doc.components) {
    doc.components.schemas = rebuilt;
  }
  return shared;
}

function replaceContents(target: SchemaObject, next: SchemaObject): void {
  // stripReadOnly hands back its input when nothing changes (a $ref to a schema without readOnly parts).
  if (target === next) {
    return;
  }
  for (const key of Object.keys(target)) {
    delete target[key];
  }
  Object.assign(target, next);
}

interface StripContext {
  doc: OpenApiDocument;
  variantOf: Map<string, string>;
}

function stripReadOnly(s: SchemaObject, ctx: StripContext): SchemaObject {
  if (s.$ref) {
    const name = schemaName(s.$ref);
    const to = name && ctx.variantOf.get(name);
    return to ? { ...s, $ref: REF_PREFIX + to } : s;
  }
  const out: SchemaObject = { ...s };
  if (s.properties) {
    const kept = Object.entries(s.properties).filter(([, p]) => !isReadOnly(p, ctx.doc));
    const removed = new Set(Object.keys(s.properties).filter((k) => !kept.some(([n]) => n === k)));
    out.properties = Object.fromEntries(kept.map(([n, p]) => [n, stripReadOnly(p, ctx)]));
    if (s.required) {
      const req = s.required.filter((n) => !removed.has(n));
      if (req.length) {
        out.required = req;
      } else {
        delete out.required;
      }
    }
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (s[key]) {
      out[key] = s[key]!.map((m) => stripReadOnly(m, ctx));
    }
  }
  if (s.items) {
    out.items = stripReadOnly(s.items, ctx);
  }
  if (typeof s.additionalProperties === 'object') {
    out.additionalProperties = stripReadOnly(s.additionalProperties, ctx);
  }
  if (s.discriminator?.mapping) {
    const mapping = Object.fromEntries(
      Object.entries(s.discriminator.mapping).map(([k, ref]) => {
        const to = ctx.variantOf.get(schemaName(ref) ?? '');
        return [k, to ? REF_PREFIX + to : ref];
      }),
    );
    out.discriminator = { ...s.discriminator, mapping };
  }
  return out;
}

function containsReadOnly(s: SchemaObject | undefined, named: (n: string) => boolean, doc: OpenApiDocument): boolean {
  if (!s) {
    return false;
  }
  if (s.$ref) {
    const n = schemaName(s.$ref);
    return n ? named(n) : false;
  }
  const children: SchemaObject[] = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  if (s.items) {
    children.push(s.items);
  }
  if (typeof s.additionalProperties === 'object') {
    children.push(s.additionalProperties);
  }
  for (const p of Object.values(s.properties ?? {})) {
    if (isReadOnly(p, doc)) {
      return true;
    }
    children.push(p);
  }
  return children.some((c) => containsReadOnly(c, named, doc));
}

function roots(doc: OpenApiDocument): { readRoots: SchemaObject[]; writeRoots: SchemaObject[] } {
  const readRoots: SchemaObject[] = [];
  const writeRoots: SchemaObject[] = [];
  const media = (content: unknown, into: SchemaObject[]): void => {
    for (const m of Object.values((content as Record<string, { schema?: SchemaObject }>) ?? {})) {
      if (m?.schema) {
        into.push(m.schema);
      }
    }
  };
  const c = doc.components ?? {};
  for (const b of Object.values(c.requestBodies ?? {})) {
    media(b?.content, writeRoots);
  }
  for (const r of Object.values(c.responses ?? {})) {
    media(r?.content, readRoots);
  }
  for (const p of Object.values(c.parameters ?? {})) {
    if (p?.schema) {
      readRoots.push(p.schema);
    }
  }
  for (const item of Object.values(doc.paths ?? {})) {
    for (const p of item.parameters ?? []) {
      if (p.schema) {
        readRoots.push(p.schema);
      }
    }
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || Array.isArray(op)) {
        continue;
      }
      const o = op as {
        parameters?: { schema?: SchemaObject }[];
        requestBody?: { content?: unknown };
        responses?: Record<string, { content?: unknown }>;
      };
      for (const p of o.parameters ?? []) {
        if (p.schema) {
          readRoots.push(p.schema);
        }
      }
      media(o.requestBody?.content, writeRoots);
      for (const r of Object.values(o.responses ?? {})) {
        media(r?.content, readRoots);
      }
    }
  }
  return { readRoots, writeRoots };
}

/** Component names reachable from `from`; on the request side, readOnly properties lead nowhere. */
function reachable(doc: OpenApiDocument, from: SchemaObject[], skipReadOnly: boolean): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) {
      return;
    }
    seen.add(s);
    const node = s as SchemaObject;
    if (node.$ref) {
      const n = schemaName(node.$ref);
      if (n && !names.has(n)) {
        names.add(n);
        visit(doc.components?.schemas?.[n]);
      }
      return;
    }
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      node[key]?.forEach(visit);
    }
    for (const p of Object.values(node.properties ?? {})) {
      if (!(skipReadOnly && isReadOnly(p, doc))) {
        visit(p);
      }
    }
    visit(node.items);
    if (typeof node.additionalProperties === 'object') {
      visit(node.additionalProperties);
    }
    for (const ref of Object.values(node.discriminator?.mapping ?? {})) {
      visit({ $ref: ref });
    }
  };
  from.forEach(visit);
  return names;
}
