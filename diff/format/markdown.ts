// Markdown for the pull-request comment: verdict first, changes grouped by client resource (each with the
// rules' level and the compiler's verdict on its operation), what breaks for TypeScript callers, the version
// check, then what the generated package gains, loses or changes.
import type { Impact } from '../impact.js';
import { LEVELS, type Level } from '../registry.js';
import type { CompilerSection, CompilerVerdict, VerdictChange, VerdictReport } from '../verdict.js';
import type { VersionCheck } from '../version.js';

export interface MarkdownInput {
  report: VerdictReport;
  /** Operation label → client resource. */
  resources: Map<string, string>;
  /** The package impact, or why it is missing. */
  impact: Impact | string;
}

const BADGE: Record<Level, string> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '🔵 info' };
const COMPILER: Record<CompilerVerdict, string> = { breaking: '🔴 breaks', compiles: '✅ compiles', 'not-checked': '—' };

export function formatMarkdown({ report, resources, impact }: MarkdownInput): string {
  const { breaking, warning, info, compiler } = report.summary;
  const out: string[] = ['## API diff', ''];
  out.push(
    `**Suggested version bump: ${report.semver}** · ${breaking} breaking · ${warning} warning · ${info} info · ${compiler} breaking for TypeScript callers`,
    '',
  );
  if (report.changes.length === 0 && compiler === 0) out.push('No API changes.', '');

  const groups = new Map<string, VerdictChange[]>();
  for (const change of report.changes) {
    const resource = resources.get(change.operation) ?? 'other';
    groups.set(resource, [...(groups.get(resource) ?? []), change]);
  }
  for (const resource of [...groups.keys()].sort()) {
    const changes = (groups.get(resource) ?? []).slice();
    // Stable sort: within a resource, most severe first, report order otherwise.
    changes.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    out.push(`### \`${resource}\``, '', '| Level | Compiler | Operation | Location | Change | Rule |', '|---|---|---|---|---|---|');
    for (const c of changes) {
      const change = c.note ? `${cell(c.message)}. _${c.note}_` : cell(c.message);
      out.push(
        `| ${BADGE[c.level]} | ${COMPILER[c.compiler]} | \`${cell(c.operation)}\` | ${c.location ? `\`${cell(c.location)}\`` : '—'} | ${change} | \`${c.id}\` |`,
      );
    }
    out.push('');
  }

  out.push(...compilerSection(report.compiler));
  if (report.version) out.push(...versionSection(report.version));
  out.push(...impactSection(impact));
  return `${out.join('\n').trimEnd()}\n`;
}

function compilerSection(section: CompilerSection): string[] {
  const out = ['### Breaking for TypeScript callers', ''];
  if (section.status === 'not-run') return [...out, `_The compiler check did not run: ${section.reason ?? 'unknown reason'}._`, ''];
  const checked = section.checked ? `${section.checked.methods} methods and ${section.checked.types} types of the old package checked` : '';
  if (section.breaking.length === 0) {
    return [...out, `None: code written against the old package compiles against the new one (${checked}).`, ''];
  }
  out.push(`Code written against the old package that no longer compiles (${checked}):`, '');
  out.push('| Export | Operation | Check | First compiler message |', '|---|---|---|---|');
  for (const b of section.breaking) {
    const operation = b.operation ? `\`${cell(b.operation)}\`${b.rules ? '' : ' (no rule fired)'}` : '—';
    out.push(`| ${b.kind} \`${cell(b.name)}\` | ${operation} | ${b.check} | TS${b.code}: ${cell(b.message)} |`);
  }
  return [...out, ''];
}

function versionSection(version: VersionCheck): string[] {
  const out = ['### Version', ''];
  if (version.ok) {
    const need = version.required === 'none' ? 'no bump required' : `required: ${version.required === 'any' ? 'a higher version' : `a new ${version.required}`}`;
    return [...out, `✅ \`info.x-sdk.version\` ${version.base} → ${version.head} (${need}).`, ''];
  }
  return [...out, `❌ Missing version bump: ${cell(version.message)}.`, ''];
}

function impactSection(impact: Impact | string): string[] {
  const out = ['### Impact on the generated package', ''];
  if (typeof impact === 'string') return [...out, `_Not available: ${impact}._`, ''];
  const empty = [impact.methods, impact.types].every((d) => !d.added.length && !d.removed.length && !d.changed.length);
  if (empty) return [...out, 'No exported method or type changes.', ''];
  out.push('| Export | Added | Removed | Changed |', '|---|---|---|---|');
  out.push(`| Methods | ${names(impact.methods.added)} | ${names(impact.methods.removed)} | ${names(impact.methods.changed)} |`);
  out.push(`| Types | ${names(impact.types.added)} | ${names(impact.types.removed)} | ${names(impact.types.changed)} |`, '');
  return out;
}

function names(list: string[]): string {
  return list.length ? list.map((n) => `\`${cell(n)}\``).join(', ') : '—';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
