// The generated README's "Testing your code" example compiles against the package (strict tsc) and passes when run
// with vitest, as a user would paste it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const GENERATED = path.join(ROOT, 'generated');
const DIR = path.join(ROOT, '.tmp', 'readme-testing');

function example(): string {
  const readme = readFileSync(path.join(GENERATED, 'README.md'), 'utf8');
  const section = readme.split('## Testing your code')[1]?.split('\n## ')[0] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code, 'a ts block under "Testing your code"').toBeDefined();
  return code!;
}

it('type-checks with tsc --strict against the package and its ./testing entry', () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, 'example.ts'), example());
  writeFileSync(
    path.join(DIR, 'tsconfig.json'),
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
          'confluent-cloud-client': [path.join(GENERATED, 'src/index.ts')],
          'confluent-cloud-client/testing': [path.join(GENERATED, 'src/testing/index.ts')],
        },
      },
      include: ['*.ts'],
    }),
  );
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', DIR], {
    encoding: 'utf8',
  });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

it('passes when run with vitest', () => {
  const dir = path.join(DIR, 'run');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const code = example()
    .replace(
      `from 'confluent-cloud-client/testing'`,
      `from ${JSON.stringify(path.join(GENERATED, 'src/testing/index.ts'))}`,
    )
    .replace(`from 'confluent-cloud-client'`, `from ${JSON.stringify(path.join(GENERATED, 'src/index.ts'))}`);
  writeFileSync(path.join(dir, 'example.test.ts'), code);
  // Removed at once: the repository's own vitest run would otherwise collect it from .tmp/.
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--dir', dir],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  rmSync(dir, { recursive: true, force: true });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/1 passed/);
}, 120_000);
