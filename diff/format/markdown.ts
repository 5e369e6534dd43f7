// Markdown for the pull-request comment: verdict first, changes grouped by client resource, then what the
// generated package gains, loses or changes.
import type { Impact } from '../impact.js';
import { LEVELS, type Level } from '../registry.js';
import type { Change, Report } from '../report.js';

export interface MarkdownInput {
  report: Report;
  /** Operation label → client resource. */
  resources: Map<string, string>;
  /** The package impact, or why it is missing. */
  impact: Impact | string;
}

const BADGE: Record<Level, string> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '🔵 info' };

export function formatMarkdown({ report, resources, impact }: MarkdownInput): string {
  const { breaking, warning, info } = report.summary;
  const out: string[] = ['## API diff', ''];
  out.push(`**Suggested version bump: ${report.semver}** · ${breaking} breaking · ${warning} warning · ${info} info`, '');
  if (report.changes.length === 0) out.push('No API changes.', '');

  const groups = new Map<string, Change[]>();
  for (const change of report.changes) {
    const resource = resources.get(change.operation) ?? 'other';
    groups.set(resource, [...(groups.get(resource) ?? []), change]);
  }
  for (const resource of [...groups.keys()].sort()) {
    const changes = (groups.get(resource) ?? []).slice();
    // Stable sort: within a resource, most severe first, report order otherwise.
    changes.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    out.push(`### \`${resource}\``, '', '| Level | Operation | Location | Change | Rule |', '|---|---|---|---|---|');
    for (const c of changes) {
      out.push(`| ${BADGE[c.level]} | \`${cell(c.operation)}\` | ${c.location ? `\`${cell(c.location)}\`` : '—'} | ${cell(c.message)} | \`${c.id}\` |`);
    }
    out.push('');
  }

  out.push('### Impact on the generated package', '');
  if (typeof impact === 'string') {
    out.push(`_Not available: ${impact}._`, '');
  } else {
    const empty = [impact.methods, impact.types].every((d) => !d.added.length && !d.removed.length && !d.changed.length);
    if (empty) out.push('No exported method or type changes.', '');
    else {
      out.push('| Export | Added | Removed | Changed |', '|---|---|---|---|');
      out.push(`| Methods | ${names(impact.methods.added)} | ${names(impact.methods.removed)} | ${names(impact.methods.changed)} |`);
      out.push(`| Types | ${names(impact.types.added)} | ${names(impact.types.removed)} | ${names(impact.types.changed)} |`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function names(list: string[]): string {
  return list.length ? list.map((n) => `\`${cell(n)}\``).join(', ') : '—';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
