// The library entry point: two bundled documents in, a report (plus the resource of each operation,
// for grouping) out.
import { exportedTypes } from './exports.js';
import { DEFAULT_POLICY, type Policy } from './lifecycle.js';
import { applyPolicy, operationPolicies, type OperationPolicy } from './policy.js';
import type { JsonObject } from './json.js';
import { readOperations } from './operations.js';
import { buildReport, type Report } from './report.js';
import type { ExportPair } from './rule.js';
import { rules } from './rules/index.js';
import { SchemaReader } from './schema.js';
import { resourceName } from './sdk-names.js';
import { walk } from './walk.js';

export interface DiffOptions {
  /** The lifecycle policy (default: Confluent's stages and badges, oasdiff's stability levels and sunset). */
  policy?: Policy;
  /** The day sunsets are compared with, `YYYY-MM-DD` (default: today, UTC). */
  today?: string;
}

export interface DiffResult {
  report: Report;
  /** Operation label → its lifecycle and what the policy does with its breaks. */
  policies: Map<string, OperationPolicy>;
  /** Operation label (`GET /x/{id}`) → client resource (`clusters`). */
  resources: Map<string, string>;
}

/** Both packages' exported types, built once and only when asked for (the model builder takes a while). */
function exportsOf(base: JsonObject, head: JsonObject): () => ExportPair | undefined {
  let memo: { value: ExportPair | undefined } | undefined;
  return () => {
    if (!memo) {
      const [b, h] = [exportedTypes(base), exportedTypes(head)];
      memo = { value: b && h ? { base: b, head: h } : undefined };
    }
    return memo.value;
  };
}

export function diffDocuments(base: JsonObject, head: JsonObject, options: DiffOptions = {}): DiffResult {
  const readers = { base: new SchemaReader(base), head: new SchemaReader(head) };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lifecycle = { policy: options.policy ?? DEFAULT_POLICY, today };
  // Read once: the walk, the policy and the grouping all start from the operations.
  const operations = { base: readOperations(readers.base), head: readOperations(readers.head) };
  const policies = operationPolicies(operations, lifecycle);
  const findings = walk({ readers, rules, exports: exportsOf(base, head), lifecycle, operations });
  const report = applyPolicy(buildReport(findings), policies);
  const resources = new Map<string, string>();
  for (const side of [operations.base, operations.head]) {
    for (const op of side.values()) {
      resources.set(op.label, resourceName(op));
    }
  }
  return { report, policies, resources };
}
