// The lifecycle policy applied to a report: a breaking change in an operation whose stage promises less (Preview,
// Early Access) takes the level the policy gives that stage, and a removal after the announced sunset is
// allowed. The stage is the base's: it is what callers relied on when they wrote their code.
import { readLifecycle, STAGE_NAMES, type Lifecycle, type Stage } from './lifecycle.js';
import type { Level } from './registry.js';
import { semverOf, type Change, type Report } from './report.js';
import type { Operation } from './operations.js';
import type { LifecycleContext } from './rule.js';

/** Both sides' operations by match key (`GET /things/{}`). */
export interface OperationMaps {
  base: Map<string, Operation>;
  head: Map<string, Operation>;
}

export interface OperationPolicy {
  lifecycle: Lifecycle;
  /** The level a breaking change in this operation takes. */
  breaks: Level;
  reason: string;
  /** Removed after its sunset: the removal is what was announced. */
  sunsetPassed: boolean;
}

export interface ChangeLifecycle {
  stage: Stage;
  /** The level the rule gave before the policy applied. */
  ruleLevel: Level;
  reason: string;
}

export function operationPolicies(operations: OperationMaps, ctx: LifecycleContext): Map<string, OperationPolicy> {
  const { base, head } = operations;
  const out = new Map<string, OperationPolicy>();
  for (const key of new Set([...base.keys(), ...head.keys()])) {
    const b = base.get(key);
    const h = head.get(key);
    const op = b ?? h;
    if (!op) {
      continue;
    }
    const lifecycle = readLifecycle(op.raw, ctx.policy);
    const { sunset, stage } = lifecycle;
    const sunsetPassed = b !== undefined && !h && lifecycle.deprecated && sunset !== undefined && sunset <= ctx.today;
    const fallback = `the policy gives ${STAGE_NAMES[stage]} breaks level ${ctx.policy.breaks[stage]}`;
    const reason = ctx.policy.reasons[stage] ?? fallback;
    out.set((h ?? op).label, { lifecycle, breaks: ctx.policy.breaks[lifecycle.stage], reason, sunsetPassed });
  }
  return out;
}

/** Changes re-levelled by the policy (each keeps its rule's level in `lifecycle`), counts and semver redone. */
export function applyPolicy(report: Report, policies: Map<string, OperationPolicy>): Report {
  const changes = report.changes.map((c): Change => {
    const policy = policies.get(c.operation);
    if (!policy || c.level !== 'breaking') {
      return c;
    }
    if (policy.sunsetPassed && c.id === 'operation-removed') {
      const reason = `removed on or after its announced sunset (${policy.lifecycle.sunset ?? ''})`;
      return { ...c, level: 'info', lifecycle: { stage: policy.lifecycle.stage, ruleLevel: c.level, reason } };
    }
    if (policy.breaks === 'breaking') {
      return c;
    }
    const lifecycle = { stage: policy.lifecycle.stage, ruleLevel: c.level, reason: policy.reason };
    return { ...c, level: policy.breaks, lifecycle };
  });
  const summary: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) {
    summary[c.level] += 1;
  }
  return { summary, semver: semverOf(changes), changes };
}
