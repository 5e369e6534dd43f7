// Every ```ts block in the generated docs must compile against the generated package, as a user would paste it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GENERATED = path.join(ROOT, 'generated');

function examples(): { name: string; code: string }[] {
  const pages = ['README.md', ...readdirSync(path.join(GENERATED, 'docs')).map((f) => `docs/${f}`)];
  const out: { name: string; code: string }[] = [];
  for (const page of pages) {
    const text = readFileSync(path.join(GENERATED, page), 'utf8');
    let i = 0;
    for (const m of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      out.push({ name: `${page.replace(/[/.]/g, '_')}_${i++}`, code: m[1]! });
    }
  }
  return out;
}

it('every TypeScript example in the generated docs type-checks', () => {
  const list = examples();
  expect(list.length).toBeGreaterThan(25);
  const dir = path.join(ROOT, '.tmp', 'doc-examples');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(GENERATED, 'package.json'), 'utf8')) as { name: string };
  for (const e of list) {
    writeFileSync(path.join(dir, `${e.name}.ts`), `${e.code}\nexport {};\n`);
  }
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: true,
        paths: {
          [pkg.name]: [path.join(GENERATED, 'src/index.ts')],
          [`${pkg.name}/testing`]: [path.join(GENERATED, 'src/testing/index.ts')],
        },
      },
      include: ['*.ts'],
    }),
  );
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
  });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
