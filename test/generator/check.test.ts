// `--check` (make check): passes on a fresh copy of generated/, fails with a readable summary once a
// generated file is edited by hand, a stale generated file is left (listed in the manifest, no longer
// generated), or one is missing. A file the manifest does not list is the user's, not drift.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Each check starts node with tsx and generates the whole package: seconds on a busy 2-core machine.
const SLOW = 60_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
let copy: string;

const check = (out: string) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'generator/cli.ts', '--spec', 'spec/openapi.yaml', '--out', out, '--check'],
    { cwd: ROOT, encoding: 'utf8' },
  );

beforeAll(() => {
  copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'gen-check-')), 'generated');
  cpSync(path.join(ROOT, 'generated'), copy, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist)([/\\]|$)/.test(src),
  });
});
afterAll(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

it(
  'passes when the output is current',
  () => {
    const r = check(copy);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/is up to date/);
  },
  SLOW,
);

it(
  'fails, naming the file and line, when a generated file is edited by hand',
  () => {
    appendFileSync(path.join(copy, 'src/resources/networks.ts'), '// hand edit\n');
    writeFileSync(path.join(copy, 'src/extra.ts'), 'export {};\n');
    const manifest = path.join(copy, '.codegen-manifest.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8'));
    writeFileSync(manifest, `${JSON.stringify({ ...listed, files: [...listed.files, 'src/extra.ts'] }, null, 2)}\n`);
    writeFileSync(path.join(copy, 'src/mine.ts'), 'export {};\n');
    rmSync(path.join(copy, 'docs/models.md'));
    const r = check(copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is stale/);
    expect(r.stderr).toMatch(/changed\s+\S+\/src\/resources\/networks\.ts:\d+/);
    expect(r.stderr).toMatch(/extra\s+\S+\/src\/extra\.ts/);
    expect(r.stderr).toMatch(/changed\s+\S+\/\.codegen-manifest\.json:\d+/);
    expect(r.stderr).not.toMatch(/mine\.ts/);
    expect(r.stderr).toMatch(/missing\s+\S+\/docs\/models\.md/);
    expect(r.stderr).toMatch(/Run `make generate`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  },
  SLOW,
);
