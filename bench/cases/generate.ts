// Generation cost against bare openapi-typescript (its Node API; its CLI refuses the reference spec's lint
// errors) on the same input, each as a fresh process
// (what a user runs), several runs, medians, in the same run. Target: ≤ 1.5×.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 5;

function time(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return performance.now() - t;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<string> {
  const inputs: [string, string][] = [
    ['spec/ (this project)', path.join(ROOT, 'spec/openapi.yaml')],
    ['reference networking-v1', path.join(ROOT, '../shared/reference/networking-v1.openapi.yaml')],
    ['reference cmk-v2', path.join(ROOT, '../shared/reference/cmk-v2.openapi.yaml')],
  ];
  const rows: string[] = [];
  const notes: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
  try {
    for (const [label, spec] of inputs) {
      if (!existsSync(spec)) {
        notes.push(`- ${label}: skipped, ${path.relative(ROOT, spec)} is not present on this machine.`);
        continue;
      }
      const ours: number[] = [];
      const bare: number[] = [];
      // Interleave so drift in machine load hits both equally.
      for (let i = 0; i < RUNS; i++) {
        // Both through the same loader (tsx), so start-up is measured alike.
        bare.push(
          time(process.execPath, [
            '--import',
            'tsx',
            'bench/bare-openapi-typescript.ts',
            spec,
            path.join(scratch, 'bare.ts'),
          ]),
        );
        ours.push(
          time(process.execPath, [
            '--import',
            'tsx',
            'generator/cli.ts',
            '--spec',
            spec,
            '--out',
            path.join(scratch, 'out'),
          ]),
        );
      }
      const ratio = median(ours) / median(bare);
      rows.push(
        `| ${label} | ${median(bare).toFixed(0)} | ${median(ours).toFixed(0)} | ${ratio.toFixed(2)}× | ${ratio <= 1.5 ? 'pass' : 'FAIL'} |`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return [
    '## Generation time vs bare openapi-typescript',
    '',
    `Median of ${RUNS} interleaved runs, each a fresh process (start-up included). Target: ≤ 1.5×.`,
    '',
    '| input | openapi-typescript (ms) | make generate (ms) | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}
