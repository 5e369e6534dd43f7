// A short, human-readable type for a schema, as docs and tables show it (`string[]`, `Network`, `'AWS' | 'GCP'`).
import { schemaName, type SchemaObject } from '../../openapi.js';

export function schemaText(s: SchemaObject | undefined, names: Map<string, string>, depth = 0): string {
  if (!s || depth > 6) {
    return 'unknown';
  }
  if (s.$ref) {
    return names.get(schemaName(s.$ref) ?? '') ?? 'unknown';
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    return variants.map((v) => schemaText(v, names, depth + 1)).join(' | ');
  }
  // Members that only tighten `required` add no shape worth naming: `Cluster & {required: [id]}` reads as `Cluster`.
  const members = s.allOf?.filter((m) => m.$ref || m.properties || m.allOf || m.oneOf || m.anyOf);
  if (members?.length === 1) {
    return schemaText(members[0], names, depth + 1);
  }
  if (members?.length) {
    return members.map((v) => schemaText(v, names, depth + 1)).join(' & ');
  }
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null')[0] : s.type;
  if (type === 'array') {
    return `${wrap(schemaText(s.items, names, depth + 1))}[]`;
  }
  if (type === 'object' || s.properties) {
    if (!s.properties && typeof s.additionalProperties === 'object') {
      return `Record<string, ${schemaText(s.additionalProperties, names, depth + 1)}>`;
    }
    return 'object';
  }
  const base = type === 'integer' ? 'integer' : (type ?? 'unknown');
  return s.format && base !== 'unknown' ? `${base} (${s.format})` : base;
}

function wrap(t: string): string {
  return /[|& ]/.test(t) ? `(${t})` : t;
}

export function enumValues(s: SchemaObject | undefined): { values: string[]; open: boolean } {
  const open = s?.['x-extensible-enum'];
  if (Array.isArray(open)) {
    return { values: open.map(String), open: true };
  }
  if (Array.isArray(s?.enum)) {
    return { values: s!.enum.filter((v) => v !== null).map(String), open: false };
  }
  return { values: [], open: false };
}
