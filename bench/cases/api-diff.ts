// API diff on the large reference networking spec against an in-memory modified copy (a few removed and
// retyped properties, a renamed query parameter, an added operation). Figures: median wall time of
// load + bundle + diff, target < 2 s, baseline the same runs' load + bundle time alone; and `make diff` as a
// process (the CLI) with the compiler check, target < 15 s, against the rules-only CLI timed in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { diffDocuments } from '../../diff/diff.js';
import { asArray, asObject, isObject, type JsonObject } from '../../diff/json.js';
import { loadSpec, loadSpecObject } from '../../diff/load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Beside the main checkout (../shared) or beside the worktrees folder (../../shared).
const REFERENCE =
  ['../shared', '../../shared']
    .map((d) => path.join(ROOT, d, 'reference/networking-v1.openapi.yaml'))
    .find(existsSync) ?? path.join(ROOT, '../shared/reference/networking-v1.openapi.yaml');
const RUNS = 7;
const TARGET_MS = 2000;
const CLI_RUNS = 3;
const COMPILER_TARGET_MS = 15_000;

/** The modified copy: edits a reviewer would expect to see, some breaking, some not. */
function modify(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const schemas = asObject(asObject(copy.components)?.schemas) ?? {};
  const spec = asObject(asObject(schemas['networking.v1.NetworkSpec'])?.properties);
  if (spec) {
    delete spec.zones;
    delete spec.cidr;
    spec.region = { type: 'integer', description: 'retyped for the bench' };
  }
  const paths = asObject(copy.paths) ?? {};
  // The issue's example: a query parameter renamed. The rules see a removal; the compiler sees which calls break.
  const region = asArray(asObject(asObject(paths['/networking/v1/networks'])?.get)?.parameters)
    .map(asObject)
    .find((p) => p?.name === 'spec.region');
  if (region) {
    region.name = 'spec.region_name';
  }
  const list = asObject(paths['/networking/v1/networks'])?.get;
  // Named explicitly: by shape it would also be networks.list, which the generator refuses.
  if (isObject(list)) {
    const get = {
      ...list,
      operationId: 'listNetworkSummaries',
      'x-sdk-resource': 'networks',
      'x-sdk-method': 'listSummaries',
    };
    paths['/networking/v1/network-summaries'] = { get };
  }
  return copy;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default async function (): Promise<string> {
  const heading = '## API diff (networking-v1 reference vs a modified copy)';
  if (!existsSync(REFERENCE)) {
    return `${heading}\n\nSkipped: ${path.relative(ROOT, REFERENCE)} is not there (the reference spec is not part of the project).\n`;
  }
  const parsed = asObject(parseYaml(readFileSync(REFERENCE, 'utf8')));
  if (!parsed) {
    throw new Error(`${REFERENCE}: not a mapping`);
  }
  const modified = modify(parsed);

  const totals: number[] = [];
  const loads: number[] = [];
  let changes = { breaking: 0, warning: 0, info: 0, entries: 0 };
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const base = await loadSpec({ file: REFERENCE });
    // Bundling may rewrite the document in place: every run gets a fresh copy.
    const head = await loadSpecObject(structuredClone(modified), 'networking-v1.modified.yaml');
    const loaded = performance.now();
    const { report } = diffDocuments(base.doc, head.doc);
    const done = performance.now();
    loads.push(loaded - started);
    totals.push(done - started);
    changes = { ...report.summary, entries: report.changes.length };
  }
  const total = median(totals);
  const load = median(loads);
  const pass = total < TARGET_MS;
  const cli = cliRuns(modified);
  // A run where the compiler check could not run does not count as a pass.
  const cliPass = cli.checked && cli.full < COMPILER_TARGET_MS;
  return [
    heading,
    '',
    `${RUNS} runs, median wall time. Changes found: ${changes.entries} (${changes.breaking} breaking, ${changes.warning} warning, ${changes.info} info).`,
    '',
    '| Measure | Median | Ratio to load + bundle |',
    '|---|---|---|',
    `| load + bundle both specs (baseline) | ${load.toFixed(0)} ms | 1.00 |`,
    `| diff alone | ${(total - load).toFixed(0)} ms | ${((total - load) / load).toFixed(2)} |`,
    `| load + bundle + diff | ${total.toFixed(0)} ms | ${(total / load).toFixed(2)} |`,
    '',
    `Target: load + bundle + diff < ${TARGET_MS} ms — **${pass ? 'pass' : 'FAIL'}**.`,
    '',
    `\`make diff\` as a process (\`node --import tsx diff/cli.ts\`), ${CLI_RUNS} runs each, interleaved, median wall time; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores when done. With the compiler check: ${cli.summary}.`,
    '',
    '| Measure | Median wall | Ratio to rules only | Median CPU (user + sys) |',
    '|---|---|---|---|',
    `| CLI, rules only (\`--rules-only\`, baseline) | ${cli.rules.toFixed(0)} ms | 1.00 | ${cli.rulesCpu.toFixed(0)} ms |`,
    `| CLI, rules + both packages generated + compiler check | ${cli.full.toFixed(0)} ms | ${(cli.full / cli.rules).toFixed(2)} | ${cli.fullCpu.toFixed(0)} ms |`,
    '',
    `Target: with the compiler check < ${COMPILER_TARGET_MS} ms wall — **${cliPass ? 'pass' : 'FAIL'}**.`,
    '',
  ].join('\n');
}

/** The CLI on the reference and the modified copy (written to a temp file), with and without the compiler. */
interface CliFigures {
  rules: number;
  full: number;
  rulesCpu: number;
  fullCpu: number;
  summary: string;
  checked: boolean;
}

function cliRuns(modified: JsonObject): CliFigures {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-api-diff-'));
  try {
    const head = path.join(dir, 'networking-v1.modified.json');
    writeFileSync(head, JSON.stringify(modified));
    // Through bash's `time`, so the child's CPU time (user + sys) is there too: on a shared machine the wall
    // time also measures the other tenants.
    const run = (extra: string[]): { ms: number; cpu: number; stdout: string } => {
      const args = [
        '--import',
        'tsx',
        'diff/cli.ts',
        '--base',
        REFERENCE,
        '--head',
        head,
        '--format',
        'json',
        '--fail-on',
        'none',
        ...extra,
      ];
      const script = `TIMEFORMAT='%R %U %S'; time "$0" "$@" 2>/dev/null`;
      const result = spawnSync('bash', ['-c', script, process.execPath, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const times = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
      if (result.status !== 0 || !times) {
        throw new Error(`api-diff bench: the CLI failed: ${result.stderr}`);
      }
      const [real, user, sys] = times.slice(1).map(Number) as [number, number, number];
      return { ms: real * 1000, cpu: (user + sys) * 1000, stdout: result.stdout };
    };
    const rules: number[] = [];
    const full: number[] = [];
    const rulesCpu: number[] = [];
    const fullCpu: number[] = [];
    let summary = '';
    let checked = false;
    for (let i = 0; i < CLI_RUNS; i++) {
      const baseline = run(['--rules-only']);
      rules.push(baseline.ms);
      rulesCpu.push(baseline.cpu);
      const result = run([]);
      full.push(result.ms);
      fullCpu.push(result.cpu);
      const report = JSON.parse(result.stdout) as {
        compiler: { status: string; reason?: string; breaking: Array<{ name: string }> };
      };
      checked = report.compiler.status === 'checked';
      summary = checked
        ? `${report.compiler.breaking.length} breaks for TypeScript callers (${report.compiler.breaking.map((b) => `\`${b.name}\``).join(', ')})`
        : `the compiler check did not run (${report.compiler.reason ?? '?'})`;
    }
    return {
      rules: median(rules),
      full: median(full),
      rulesCpu: median(rulesCpu),
      fullCpu: median(fullCpu),
      summary,
      checked,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
