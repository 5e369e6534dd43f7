// Exported TypeScript names: readable, unique, stable. Precedence, highest first: the names the package itself
// exports (the core, the client, `paths`...), then component schemas, then resource classes, then the aliases
// operations need. A lower one that meets a higher one gives way, so adding an operation never renames a
// schema's type, a resource class, or another operation's alias.
import { isIdentifier, pascalCase } from '../../helpers.js';

/** `Network` stays `Network`; `cmk.v2.Cluster` becomes `Cluster`, or `CmkV2Cluster` when `Cluster` is taken. */
export function assignTypeNames(schemaNames: string[], reserved: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const preferred = (n: string): string => (isIdentifier(n) ? n : pascalCase(n.split('.').pop() ?? n) || 'Schema');
  // Names that are already identifiers win their name; namespaced ones fall back to the full path on clash.
  const ordered = [...schemaNames].sort(
    (a, b) => Number(!isIdentifier(a)) - Number(!isIdentifier(b)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const name of ordered) {
    let candidate = preferred(name);
    if (reserved.has(candidate)) {
      candidate = `${candidate}Model`;
    }
    if (taken.has(candidate)) {
      candidate = pascalCase(name) || candidate;
    }
    while (taken.has(candidate) || reserved.has(candidate)) {
      candidate += '_';
    }
    taken.add(candidate);
    out.set(name, candidate);
  }
  return out;
}

/** Hands out names below the schemas' precedence: the first claim keeps the name, later ones get a number. */
export class NameRegistry {
  readonly #taken: Set<string>;
  readonly notes: string[] = [];
  constructor(taken: Iterable<string>) {
    this.#taken = new Set(taken);
  }
  has(name: string): boolean {
    return this.#taken.has(name);
  }
  claim(name: string, what: string): string {
    let out = name;
    for (let n = 2; this.#taken.has(out); n++) {
      out = `${name}${n}`;
    }
    if (out !== name) {
      this.notes.push(`${what} is named ${out}: ${name} is already exported`);
    }
    this.#taken.add(out);
    return out;
  }
}
