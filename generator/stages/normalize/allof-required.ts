// openapi-typescript 7.13 types a schema holding only `required: [...]` (no properties) as
// Record<string, never>, so an allOf that tightens `required` becomes unusable. The reference spec does
// this at the top level and nested (`allOf: [Cluster, {properties: {spec: {required: [...]}}}]`).
// Rewrite each such schema to re-declare the named properties, copied from the sibling allOf members.
import { findProperty, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { walkSchemas } from './walk.js';

const NEUTRAL_KEYS = new Set(['required', 'type', 'description', 'title']);

export function hoistAllOfRequired(doc: OpenApiDocument): void {
  walkSchemas(doc, (schema) => {
    if (!schema.allOf?.length) {
      return;
    }
    schema.allOf.forEach((member, i) => {
      if (!member.$ref) {
        fill(doc, { node: member, siblings: schema.allOf!.filter((_, j) => j !== i), depth: 0 });
      }
    });
    const own = schema.properties ?? {};
    const orphans = (schema.required ?? []).filter((n) => !(n in own));
    if (orphans.length === 0) {
      return;
    }
    const stay = schema.required!.filter((n) => n in own);
    if (stay.length) {
      schema.required = stay;
    } else {
      delete schema.required;
    }
    const member: SchemaObject = { required: orphans };
    fill(doc, { node: member, siblings: schema.allOf, depth: 0 });
    schema.allOf.push(member);
  });
}

interface FillTarget {
  node: SchemaObject;
  /** Schemas declaring the same place elsewhere in the allOf: where the properties come from. */
  siblings: SchemaObject[];
  depth: number;
}

/** Give `node` (and its inline properties, recursively) the declarations its `required` names need. */
function fill(doc: OpenApiDocument, { node, siblings, depth }: FillTarget): void {
  if (depth > 16) {
    return;
  }
  if (isRequiredOnly(node)) {
    node.type = 'object';
    node.properties = Object.fromEntries(
      node.required!.map((n) => [n, structuredClone(declaration(doc, siblings, n)) ?? {}]),
    );
    return;
  }
  for (const [name, prop] of Object.entries(node.properties ?? {})) {
    if (prop.$ref) {
      continue;
    }
    const counterparts = siblings.map((s) => declaration(doc, [s], name)).filter((s): s is SchemaObject => !!s);
    if (counterparts.length) {
      fill(doc, { node: prop, siblings: counterparts, depth: depth + 1 });
    }
  }
}

function isRequiredOnly(s: SchemaObject): boolean {
  return (
    Array.isArray(s.required) && s.required.length > 0 && !s.$ref && Object.keys(s).every((k) => NEUTRAL_KEYS.has(k))
  );
}

/** Where property `name` is declared among `schemas`, following $refs and nested allOf. */
function declaration(doc: OpenApiDocument, schemas: SchemaObject[], name: string): SchemaObject | undefined {
  for (const s of schemas) {
    const found = findProperty(doc, s, name);
    if (found) {
      return found;
    }
  }
  return undefined;
}
