import type { VerdictReport } from '../verdict.js';

export function formatJson(report: VerdictReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
