// Findings → the report: level from the registry, message from its template, duplicates dropped,
// deterministic order (path, method, location, rule), counts and the suggested semver bump.
import { levelOf, RULES, type Level, type RuleId } from './registry.js';
import type { ChangeLifecycle } from './policy.js';
import type { RawFinding } from './walk.js';

export type Semver = 'major' | 'minor' | 'patch' | 'none';

export interface Change {
  id: RuleId;
  level: Level;
  operation: string;
  location: string;
  message: string;
  /** Set by document-level rules: the exported type the change is about. */
  exportedType?: string;
  /** Set when the lifecycle policy changed the level (an Early Access break, a removal after sunset). */
  lifecycle?: ChangeLifecycle;
}

export interface Report {
  summary: Record<Level, number>;
  semver: Semver;
  changes: Change[];
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'];

export function buildReport(findings: readonly RawFinding[]): Report {
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const f of findings) {
    const change: Change = {
      id: f.id,
      level: levelOf(f.id, f.variant),
      operation: f.operation,
      location: f.location,
      message: render(f),
      ...(f.exportedType ? { exportedType: f.exportedType } : {}),
    };
    const key = JSON.stringify([change.id, change.operation, change.location, change.message]);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    changes.push(change);
  }
  changes.sort(compareChanges);
  const summary: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) {
    summary[c.level] += 1;
  }
  return { summary, semver: semverOf(changes), changes };
}

/** breaking → major; warning or an additive info change → minor; other info (docs) → patch. */
export function semverOf(changes: readonly Change[]): Semver {
  if (changes.some((c) => c.level === 'breaking')) {
    return 'major';
  }
  if (changes.some((c) => c.level === 'warning' || RULES[c.id].feature === true)) {
    return 'minor';
  }
  return changes.length > 0 ? 'patch' : 'none';
}

function render(f: RawFinding): string {
  const values: Record<string, string> = { operation: f.operation, location: f.location, ...f.params };
  return RULES[f.id].message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`rule ${f.id}: message needs {${name}}`);
    }
    return value;
  });
}

function compareChanges(a: Change, b: Change): number {
  const [am = '', ap = ''] = splitOperation(a.operation);
  const [bm = '', bp = ''] = splitOperation(b.operation);
  return (
    cmp(ap, bp) ||
    METHOD_ORDER.indexOf(am) - METHOD_ORDER.indexOf(bm) ||
    cmp(a.location, b.location) ||
    cmp(a.id, b.id) ||
    cmp(a.message, b.message)
  );
}

function splitOperation(operation: string): string[] {
  const space = operation.indexOf(' ');
  return [operation.slice(0, space), operation.slice(space + 1)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
