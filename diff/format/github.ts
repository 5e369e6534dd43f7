// GitHub workflow commands: one annotation per change, shown on the run and the pull request.
import type { Level } from '../registry.js';
import type { Report } from '../report.js';

const COMMAND: Record<Level, string> = { breaking: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: Report): string {
  const lines = report.changes.map((c) => {
    const where = c.location ? `${c.operation} ${c.location}` : c.operation;
    const title = escapeProperty(`API ${c.level}: ${c.id}`);
    return `::${COMMAND[c.level]} title=${title}::${escapeData(`${where}: ${c.message}`)}`;
  });
  const { breaking, warning, info } = report.summary;
  lines.push(`::notice title=API diff::${breaking} breaking, ${warning} warning, ${info} info; suggested bump: ${report.semver}`);
  return `${lines.join('\n')}\n`;
}

// Escaping as in @actions/core: data escapes %, CR, LF; properties also `:` and `,`.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
