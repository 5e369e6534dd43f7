// Exported TypeScript names for component schemas: readable, unique, stable.
import { pascalCase } from '../helpers.js';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `Network` stays `Network`; `cmk.v2.Cluster` becomes `Cluster`, or `CmkV2Cluster` when `Cluster` is taken. */
export function assignTypeNames(schemaNames: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const preferred = (n: string): string => (IDENT.test(n) ? n : pascalCase(n.split('.').pop() ?? n));
  // Names that are already identifiers win their name; namespaced ones fall back to the full path on clash.
  const ordered = [...schemaNames].sort((a, b) => Number(!IDENT.test(a)) - Number(!IDENT.test(b)) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of ordered) {
    let candidate = preferred(name);
    if (taken.has(candidate)) candidate = pascalCase(name);
    while (taken.has(candidate)) candidate += '_';
    taken.add(candidate);
    out.set(name, candidate);
  }
  return out;
}
