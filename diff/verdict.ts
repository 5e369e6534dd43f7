// Both verdicts in one report: the rules' (from the spec) and the compiler's (old code against the new
// package), plus the version check. A compiler break makes the verdict breaking even when no rule fired; a
// breaking rule the compiler accepts stays breaking, with a note, because the wire changed.
import type { CompilerBreak, CompilerResult } from './compiler/check.js';
import type { Level } from './registry.js';
import type { OperationPolicy } from './policy.js';
import type { Change, Report, Semver } from './report.js';
import type { VersionCheck } from './version.js';

export type CompilerVerdict = 'breaking' | 'compiles' | 'not-checked';

export interface VerdictChange extends Change {
  /** The compiler's verdict on the change's operation (its methods). */
  compiler: CompilerVerdict;
  note?: string;
}

export interface CompilerEntry extends CompilerBreak {
  /** The operation of a method (`GET /networking/v1/networks`); absent for types. */
  operation?: string;
  /** Whether a breaking rule fired on that operation too. */
  rules: boolean;
  /** The lifecycle policy lets this break through (an Early Access operation): reported, not breaking. */
  allowed?: { stage: string; reason: string };
}

export interface CompilerSection {
  status: 'checked' | 'not-run';
  /** Why the check did not run. */
  reason?: string;
  checked?: { methods: number; types: number };
  breaking: CompilerEntry[];
}

export interface VerdictReport {
  summary: Record<Level, number> & { compiler: number };
  verdict: 'breaking' | 'compatible';
  semver: Semver;
  changes: VerdictChange[];
  compiler: CompilerSection;
  version?: VersionCheck;
}

export const WIRE_NOTE = 'The TypeScript compiler accepts this, but the wire changed: still breaking.';

export interface VerdictInput {
  report: Report;
  /** Operation label → what the lifecycle policy does with its breaks (none: every break counts). */
  policies?: Map<string, OperationPolicy>;
  /** The compiler's result and the method → operation map, or why it did not run. */
  compiler: { result: CompilerResult; operations: Map<string, string> } | string;
}

export function combine({ report, compiler, policies }: VerdictInput): VerdictReport {
  const breakingChanges = report.changes.filter((c) => c.level === 'breaking');
  const ruleBreaking = new Set(breakingChanges.map((c) => c.operation));
  const ruleBrokenTypes = new Set(breakingChanges.map((c) => c.exportedType).filter(Boolean));
  let section: CompilerSection;
  if (typeof compiler === 'string') {
    section = { status: 'not-run', reason: compiler, breaking: [] };
  } else {
    const breaking = compiler.result.breaks.map((b): CompilerEntry => {
      const operation = b.kind === 'method' ? compiler.operations.get(b.name) : undefined;
      const rules =
        operation !== undefined ? ruleBreaking.has(operation) : b.kind === 'type' && ruleBrokenTypes.has(b.name);
      return { ...b, ...(operation ? { operation } : {}), rules };
    });
    const allowed = allowByPolicy(breaking, report, policies);
    section = { status: 'checked', checked: compiler.result.checked, breaking: allowed };
  }
  const broken = new Set(section.breaking.map((b) => b.operation).filter(Boolean));
  const brokenTypes = new Set(section.breaking.filter((b) => b.kind === 'type').map((b) => b.name));
  const changes = report.changes.map((c): VerdictChange => {
    // A change about an exported type is judged by that type's probe, others by their operation's methods.
    const hit = c.exportedType !== undefined ? brokenTypes.has(c.exportedType) : broken.has(c.operation);
    const verdict: CompilerVerdict = section.status !== 'checked' ? 'not-checked' : hit ? 'breaking' : 'compiles';
    const wire = c.level === 'breaking' && verdict === 'compiles';
    return { ...c, compiler: verdict, ...(wire ? { note: WIRE_NOTE } : {}) };
  });
  const counted = section.breaking.filter((b) => !b.allowed).length;
  const breaking = report.summary.breaking > 0 || counted > 0;
  return {
    summary: { ...report.summary, compiler: section.breaking.length },
    verdict: breaking ? 'breaking' : 'compatible',
    semver: counted > 0 ? 'major' : report.semver,
    changes,
    compiler: section,
  };
}

/**
 * Compiler breaks the policy lets through: a method's when its operation's breaks are not breaking under the
 * policy; a type's when every method break is let through and no breaking change is about that type (a type has
 * no operation of its own, so it goes with the methods that broke).
 */
function allowByPolicy(
  entries: CompilerEntry[],
  report: Report,
  policies: Map<string, OperationPolicy> | undefined,
): CompilerEntry[] {
  if (!policies) {
    return entries;
  }
  const allowance = (operation: string | undefined): CompilerEntry['allowed'] => {
    const policy = operation === undefined ? undefined : policies.get(operation);
    if (!policy) {
      return undefined;
    }
    const { stage, sunset } = policy.lifecycle;
    if (policy.sunsetPassed) {
      return { stage, reason: `removed after its sunset (${sunset ?? ''})` };
    }
    return policy.breaks === 'breaking' ? undefined : { stage, reason: policy.reason };
  };
  const methods = entries.filter((e) => e.kind === 'method');
  const firstAllowed = methods.map((m) => allowance(m.operation)).find(Boolean);
  const allMethodsAllowed = methods.length > 0 && methods.every((m) => allowance(m.operation));
  const typeSubjects = new Set(report.changes.filter((c) => c.level === 'breaking').map((c) => c.exportedType));
  return entries.map((e) => {
    const typeAllowed = allMethodsAllowed && !typeSubjects.has(e.name) ? firstAllowed : undefined;
    const allowed = e.kind === 'method' ? allowance(e.operation) : typeAllowed;
    return allowed ? { ...e, allowed } : e;
  });
}
