// The library entry point: two bundled documents in, a report (plus the resource of each operation,
// for grouping) out.
import type { JsonObject } from './json.js';
import { readOperations } from './operations.js';
import { buildReport, type Report } from './report.js';
import { rules } from './rules/index.js';
import { SchemaReader } from './schema.js';
import { resourceName } from './sdk-names.js';
import { walk } from './walk.js';

export interface DiffResult {
  report: Report;
  /** Operation label (`GET /x/{id}`) → client resource (`clusters`). */
  resources: Map<string, string>;
}

export function diffDocuments(base: JsonObject, head: JsonObject): DiffResult {
  const readers = { base: new SchemaReader(base), head: new SchemaReader(head) };
  const report = buildReport(walk({ readers, rules }));
  const resources = new Map<string, string>();
  for (const reader of [readers.base, readers.head]) {
    for (const op of readOperations(reader).values()) resources.set(op.label, resourceName(op));
  }
  return { report, resources };
}
