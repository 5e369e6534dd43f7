// The generated code compiles under strict settings: the committed package, and the output of every fixture.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generate, writePackage } from '../../generator/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

it('generated/ type-checks with its own tsconfig', () => {
  const r = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'generated/tsconfig.json'), '--noEmit'], {
    encoding: 'utf8',
  });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

it('the package generated from every fixture type-checks, with no `any`', async () => {
  // Inside the repo so the fixtures' packages resolve openapi-fetch from its node_modules.
  const base = path.join(ROOT, '.tmp', 'fixture-packages');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const fixtures = readdirSync(path.join(ROOT, 'test/fixtures/generator')).sort();
  for (const f of fixtures) {
    const dir = path.join(ROOT, 'test/fixtures/generator', f);
    const spec = path.join(dir, readdirSync(dir).find((x) => /^openapi\.(ya?ml|json)$/.test(x))!);
    const files = await generate({ spec, cwd: ROOT });
    for (const [file, text] of files) {
      if (file.endsWith('.ts') && !file.startsWith('src/core/')) {
        expect(text, `${f}/${file}`).not.toMatch(/\bany\b(?![-\w])/);
      }
    }
    writePackage(path.join(base, f), files);
  }
  writeFileSync(
    path.join(base, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        noUnusedLocals: true,
      },
      include: fixtures.map((f) => `${f}/src/**/*.ts`),
    }),
  );
  const r = spawnSync(process.execPath, [TSC, '-p', base], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 300_000);
