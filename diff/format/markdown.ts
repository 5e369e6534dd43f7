// Markdown for the pull-request comment: verdict first, changes grouped by client resource (each with the
// rules' level and the compiler's verdict on its operation), what breaks for TypeScript callers, the version
// check, then what the generated package gains, loses or changes.
import type { Impact } from '../impact.js';
import { STAGE_NAMES, type Stage } from '../lifecycle.js';
import type { OperationPolicy } from '../policy.js';
import { LEVELS, type Level } from '../registry.js';
import type { CompilerSection, CompilerVerdict, VerdictChange, VerdictReport } from '../verdict.js';
import type { VersionCheck } from '../version.js';

export interface MarkdownInput {
  report: VerdictReport;
  /** Operation label → client resource. */
  resources: Map<string, string>;
  /** The package impact, or why it is missing. */
  impact: Impact | string;
  /** Each operation's lifecycle and what the policy does with its breaks. */
  policies?: Map<string, OperationPolicy>;
}

const BADGE: Record<Level, string> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '🔵 info' };
const COMPILER: Record<CompilerVerdict, string> = {
  breaking: '🔴 breaks',
  compiles: '✅ compiles',
  'not-checked': '—',
};

export function formatMarkdown({ report, resources, impact, policies }: MarkdownInput): string {
  const { breaking, warning, info, compiler } = report.summary;
  const out: string[] = ['## API diff', ''];
  out.push(
    `**Suggested version bump: ${report.semver}** · ${breaking} breaking · ${warning} warning · ${info} info · ${compiler} breaking for TypeScript callers`,
    '',
  );
  if (report.changes.length === 0 && compiler === 0) {
    out.push('No API changes.', '');
  }

  const groups = new Map<string, VerdictChange[]>();
  for (const change of report.changes) {
    const resource = resources.get(change.operation) ?? 'other';
    groups.set(resource, [...(groups.get(resource) ?? []), change]);
  }
  for (const resource of [...groups.keys()].sort()) {
    const changes = (groups.get(resource) ?? []).slice();
    // Stable sort: within a resource, most severe first, report order otherwise.
    changes.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    out.push(
      `### \`${resource}\``,
      '',
      '| Level | Compiler | Operation | Location | Change | Rule |',
      '|---|---|---|---|---|---|',
    );
    for (const c of changes) {
      let change = c.note ? `${cell(c.message)}. _${c.note}_` : cell(c.message);
      if (c.lifecycle) {
        const stage = STAGE_NAMES[c.lifecycle.stage];
        const why = `${stage} operation: ${cell(c.lifecycle.reason)}`;
        change += ` _${why}, so the lifecycle policy makes this ${c.level} (the rule says ${c.lifecycle.ruleLevel})._`;
      }
      out.push(
        `| ${BADGE[c.level]} | ${COMPILER[c.compiler]} | \`${cell(c.operation)}\` | ${c.location ? `\`${cell(c.location)}\`` : '—'} | ${change} | \`${c.id}\` |`,
      );
    }
    out.push('');
  }

  out.push(...compilerSection(report.compiler));
  if (policies) {
    out.push(...lifecycleSection(report, policies));
  }
  if (report.version) {
    out.push(...versionSection(report.version));
  }
  out.push(...impactSection(impact));
  return `${out.join('\n').trimEnd()}\n`;
}

function compilerSection(section: CompilerSection): string[] {
  const out = ['### Breaking for TypeScript callers', ''];
  if (section.status === 'not-run') {
    return [...out, `_The compiler check did not run: ${section.reason ?? 'unknown reason'}._`, ''];
  }
  const checked = section.checked
    ? `${section.checked.methods} methods and ${section.checked.types} types of the old package checked`
    : '';
  if (section.breaking.length === 0) {
    return [...out, `None: code written against the old package compiles against the new one (${checked}).`, ''];
  }
  out.push(`Code written against the old package that no longer compiles (${checked}):`, '');
  out.push('| Export | Operation | Check | First compiler message |', '|---|---|---|---|');
  for (const b of section.breaking) {
    const operation = b.operation ? `\`${cell(b.operation)}\`${b.rules ? '' : ' (no rule fired)'}` : '—';
    const stage = b.allowed ? (STAGE_NAMES[b.allowed.stage as Stage] ?? b.allowed.stage) : '';
    const allowed = b.allowed ? ` (allowed by the lifecycle policy: ${stage})` : '';
    const name = `${b.kind} \`${cell(b.name)}\`${allowed}`;
    out.push(`| ${name} | ${operation} | ${b.check} | TS${b.code}: ${cell(b.message)} |`);
  }
  return [...out, ''];
}

/**
 * Breaks by lifecycle stage, shown when one touches an operation that is not GA or the policy changed a level:
 * a reviewer needs to know whether a break hits GA callers or Early Access ones.
 */
function lifecycleSection(report: VerdictReport, policies: Map<string, OperationPolicy>): string[] {
  const touched = new Map<string, number>();
  for (const c of report.changes) {
    if (c.level === 'breaking' || c.lifecycle) {
      touched.set(c.operation, (touched.get(c.operation) ?? 0) + 1);
    }
  }
  for (const b of report.compiler.breaking) {
    if (b.operation) {
      touched.set(b.operation, touched.get(b.operation) ?? 0);
    }
  }
  const rows = [...touched.keys()].sort().flatMap((op) => {
    const policy = policies.get(op);
    return policy ? [{ op, policy, count: touched.get(op) ?? 0 }] : [];
  });
  const relaxed = report.changes.some((c) => c.lifecycle) || report.compiler.breaking.some((b) => b.allowed);
  if (!relaxed && rows.every((r) => r.policy.lifecycle.stage === 'ga')) {
    return [];
  }
  const out = ['### Lifecycle', ''];
  const allowed =
    report.changes.filter((c) => c.lifecycle).length + report.compiler.breaking.filter((b) => b.allowed).length;
  if (allowed > 0) {
    const rest =
      report.verdict === 'breaking' ? 'other breaks remain' : 'nothing else breaks, so the verdict is compatible';
    const lead = `Breaks the lifecycle policy allows, in operations whose stage promises less: ${allowed}.`;
    out.push(`${lead} Reported, not counted as breaking; ${rest}.`, '');
  }
  out.push('| Operation | Stage | Read from | Breaking changes | Under the policy |', '|---|---|---|---|---|');
  for (const { op, policy, count } of rows) {
    const stage = STAGE_NAMES[policy.lifecycle.stage];
    const sunset = policy.lifecycle.sunset ? `, sunset ${policy.lifecycle.sunset}` : '';
    const relaxed = policy.breaks === 'breaking' ? 'breaking' : `${policy.breaks}: ${cell(policy.reason)}`;
    const under = policy.sunsetPassed ? 'removal after sunset: allowed' : relaxed;
    out.push(`| \`${cell(op)}\` | ${stage}${sunset} | ${cell(policy.lifecycle.source)} | ${count} | ${under} |`);
  }
  return [...out, ''];
}

function versionSection(version: VersionCheck): string[] {
  const out = ['### Version', ''];
  if (version.ok) {
    const need = version.required === 'none' ? 'no bump required' : `required: a new ${version.required}`;
    return [...out, `✅ \`info.x-sdk.version\` ${version.base} → ${version.head} (${need}).`, ''];
  }
  return [...out, `❌ Missing version bump: ${cell(version.message)}.`, ''];
}

function impactSection(impact: Impact | string): string[] {
  const out = ['### Impact on the generated package', ''];
  if (typeof impact === 'string') {
    return [...out, `_Not available: ${impact}._`, ''];
  }
  const empty = [impact.methods, impact.types].every((d) => !d.added.length && !d.removed.length && !d.changed.length);
  const standIn = impact.standInCannotServe.length
    ? [
        `The stand-in (\`./testing\`) cannot serve ${names(impact.standInCannotServe)}: these answer 501 there until it models them.`,
        '',
      ]
    : [];
  if (empty) {
    return [...out, 'No exported method or type changes.', '', ...standIn];
  }
  out.push('| Export | Added | Removed | Changed |', '|---|---|---|---|');
  out.push(
    `| Methods | ${names(impact.methods.added)} | ${names(impact.methods.removed)} | ${names(impact.methods.changed)} |`,
  );
  out.push(
    `| Types | ${names(impact.types.added)} | ${names(impact.types.removed)} | ${names(impact.types.changed)} |`,
    '',
  );
  return [...out, ...standIn];
}

function names(list: string[]): string {
  return list.length ? list.map((n) => `\`${cell(n)}\``).join(', ') : '—';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
