// Type-check cost for people who use the package: a consumer file that calls one list method, compiled with
// `tsc --strict --noEmit` against the built package (its .d.ts files, as npm would install them), beside an
// empty project and a bare openapi-fetch consumer of the same `paths`, interleaved in the same run.
// Target: ≤ 1.25× the empty project.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const RUNS = 7;

const PROJECTS: Record<string, string> = {
  empty: `export {};\n`,
  ours: `import { ConfluentCloud } from 'confluent-cloud-client';
const cc = new ConfluentCloud({ apiKey: 'k', apiSecret: 's' });
const page = await cc.networks.list({ environment: 'env-1', 'spec.cloud': ['AWS'] });
console.log(page.data[0]?.id, page.data[0]?.status?.phase);
export {};
`,
  'bare openapi-fetch': `import createClient from 'openapi-fetch';
import type { paths } from 'confluent-cloud-client';
const client = createClient<paths>({ baseUrl: 'https://api.confluent.cloud' });
const { data } = await client.GET('/networking/v1/networks', { params: { query: { environment: 'env-1', 'spec.cloud': ['AWS'] } } });
console.log(data?.data[0]?.id, data?.data[0]?.status?.phase);
export {};
`,
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<string> {
  const built = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'generated/tsconfig.json')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`building generated/ failed:\n${built.stdout}`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-tsc-'));
  try {
    const nm = path.join(work, 'node_modules');
    mkdirSync(nm);
    symlinkSync(path.join(ROOT, 'generated'), path.join(nm, 'confluent-cloud-client'), 'dir');
    symlinkSync(path.join(ROOT, 'node_modules/openapi-fetch'), path.join(nm, 'openapi-fetch'), 'dir');
    symlinkSync(
      path.join(ROOT, 'node_modules/openapi-typescript-helpers'),
      path.join(nm, 'openapi-typescript-helpers'),
      'dir',
    );
    const rows: string[] = [];
    // skipLibCheck off is the strictest reading; on is what `tsc --init` writes and most projects use.
    for (const skipLibCheck of [false, true]) {
      const dirs: Record<string, string> = {};
      for (const [name, source] of Object.entries(PROJECTS)) {
        const dir = path.join(work, `${name.replace(/\W+/g, '-')}-${skipLibCheck}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'index.ts'), source);
        const compilerOptions = {
          strict: true,
          skipLibCheck,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
        };
        writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }));
        writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
        dirs[name] = dir;
      }
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(PROJECTS).map((k) => [k, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const [name, dir] of Object.entries(dirs)) {
          const t = performance.now();
          const r = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
          if (r.status !== 0) {
            throw new Error(`${name} does not type-check:\n${r.stdout}`);
          }
          times[name]!.push(performance.now() - t);
        }
      }
      const base = median(times.empty!);
      for (const name of Object.keys(PROJECTS)) {
        const m = median(times[name]!);
        const ratio = m / base;
        const verdict = name === 'ours' ? (ratio <= 1.25 ? 'pass' : 'FAIL') : '';
        rows.push(`| ${skipLibCheck ? 'on' : 'off'} | ${name} | ${m.toFixed(0)} | ${ratio.toFixed(2)}× | ${verdict} |`);
      }
    }
    return [
      '## Type-check cost for consumers',
      '',
      `\`tsc --strict --noEmit\` on a consumer calling \`networks.list\` against the built package, median of ${RUNS} interleaved runs. Target: ours ≤ 1.25× the empty project.`,
      '',
      '| skipLibCheck | project | median (ms) | vs empty | target |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
