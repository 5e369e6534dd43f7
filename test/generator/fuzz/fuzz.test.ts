// Property-based test of the generator: random valid OpenAPI 3.0/3.1 documents (test/generator/fuzz/documents.ts)
// must generate, and every package must compile. The packages are type-checked in one tsc program, for speed.
// `make test`: a fixed seed and a small, bounded run. `make corpus` runs more (FUZZ_RUNS, FUZZ_SEED).
// A failing document is written to .tmp/fuzz/failed/ with the seed: make it a focused fixture.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { generate, writePackage } from '../../../generator/index.js';
import { documentArbitrary } from './documents.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

it(`${RUNS} random documents (seed ${SEED}) generate packages that compile`, async () => {
  // Inside the repo so the packages resolve openapi-fetch from its node_modules.
  const base = path.join(ROOT, '.tmp', `fuzz-${SEED}`);
  const failed = path.join(ROOT, '.tmp', 'fuzz', 'failed');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(path.join(base, 'specs'), { recursive: true });
  const docs = fc.sample(documentArbitrary, { seed: SEED, numRuns: RUNS });
  const problems: string[] = [];
  const keep = (i: number, why: string): void => {
    mkdirSync(failed, { recursive: true });
    writeFileSync(path.join(failed, `seed-${SEED}-doc-${i}.json`), `${JSON.stringify(docs[i]!.document, null, 2)}\n`);
    problems.push(`doc ${i} (OpenAPI ${docs[i]!.version}): ${why}`);
  };
  for (const [i, { document }] of docs.entries()) {
    const spec = path.join(base, 'specs', `${i}.json`);
    writeFileSync(spec, JSON.stringify(document));
    try {
      writePackage(path.join(base, `p${i}`), await generate({ spec, cwd: ROOT }));
    } catch (err) {
      keep(i, `generate: ${(err as Error).message}`);
    }
  }
  // One program over every package: each keeps its own core copy, so it compiles as users get it.
  writeFileSync(
    path.join(base, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
      },
      include: docs.map((_, i) => `p${i}/src/**/*.ts`),
    }),
  );
  const r = spawnSync(process.execPath, [TSC, '-p', base], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const byDoc = new Map<number, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^p(\d+)\/(.*)$/.exec(line.trim());
    if (m && !byDoc.has(Number(m[1]))) {
      byDoc.set(Number(m[1]), m[2]!);
    }
  }
  for (const [i, first] of byDoc) {
    keep(i, `tsc: ${first}`);
  }
  if (r.status !== 0 && byDoc.size === 0) {
    problems.push(`tsc: ${(r.stdout + r.stderr).slice(0, 400)}`);
  }
  expect(problems, `seed ${SEED}; failing documents are in ${path.relative(ROOT, failed)}`).toEqual([]);
}, 300_000);
