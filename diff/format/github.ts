// GitHub workflow commands: one annotation per change and per compiler break, shown on the run and the PR.
import type { Level } from '../registry.js';
import type { VerdictReport } from '../verdict.js';

const COMMAND: Record<Level, string> = { breaking: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: VerdictReport): string {
  const lines = report.changes.map((c) => {
    const where = c.location ? `${c.operation} ${c.location}` : c.operation;
    const title = escapeProperty(`API ${c.level}: ${c.id}`);
    const life = c.lifecycle;
    const policy = life ? ` (${life.stage} operation: ${life.reason}; the rule says ${life.ruleLevel})` : '';
    const note = (c.note ? ` (${c.note})` : '') + policy;
    return `::${COMMAND[c.level]} title=${title}::${escapeData(`${where}: ${c.message}${note}`)}`;
  });
  for (const b of report.compiler.breaking) {
    const title = escapeProperty(`API breaking for TypeScript callers: ${b.name}`);
    // A break the lifecycle policy allows (an Early Access operation) does not fail the run: a warning.
    const command = b.allowed ? 'warning' : 'error';
    const allowed = b.allowed ? ` (allowed by the lifecycle policy: ${b.allowed.stage}, ${b.allowed.reason})` : '';
    const text = `${b.kind} ${b.name} (${b.check}): ${b.message}${allowed}`;
    lines.push(`::${command} title=${title}::${escapeData(text)}`);
  }
  if (report.version && !report.version.ok) {
    lines.push(`::error title=API version::${escapeData(report.version.message)}`);
  }
  const { breaking, warning, info, compiler } = report.summary;
  lines.push(
    `::notice title=API diff::${breaking} breaking, ${warning} warning, ${info} info, ${compiler} breaking for TypeScript callers; suggested bump: ${report.semver}`,
  );
  return `${lines.join('\n')}\n`;
}

// Escaping as in @actions/core: data escapes %, CR, LF; properties also `:` and `,`.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
