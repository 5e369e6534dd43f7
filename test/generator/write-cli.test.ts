// `generator/cli.ts --out` into folders as users have them, run as a child process: a refusal is one line with
// exit code 1 and nothing written; --force writes and keeps the user's files; modes follow the user's umask;
// today's generated/ (before manifests) is adopted by the first run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { MANIFEST_FILE } from '../../generator/manifest.js';
import { ROOT, USER_FILES, cli, plant, tree, writeSpecs } from './output-folders.js';

// Each case starts node with tsx and generates a package: seconds on a busy 2-core machine.
const SLOW = { timeout: 120_000 };

let parent: string;
let out: string;
const specs = writeSpecs();

beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'gen-cli-'));
  out = path.join(parent, 'out');
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

const generated = async (spec: string): Promise<Record<string, string>> =>
  Object.fromEntries(await generate({ spec, cwd: ROOT }));
const BUILT = {
  'node_modules/dep/index.js': USER_FILES['node_modules/dep/index.js'],
  'dist/index.js': USER_FILES['dist/index.js'],
};
const NO_MANIFEST = 'is not a generated package (no manifest); pass --force to replace it';
const git = (...args: string[]) => spawnSync('git', ['-C', out, ...args], { encoding: 'utf8' });

/** One line on stderr, exit code 1, no stack trace. */
function expectRefusal(r: ReturnType<typeof cli>, line: string): void {
  expect(r.stderr).toBe(`error: ${line}\n`);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
}

describe('generating into a folder the generator does not own', SLOW, () => {
  it('a user project with .git is refused; --force adds the package beside its files; then no --force', async () => {
    plant(out, USER_FILES);
    expect(git('init', '-q').status).toBe(0);
    expect(git('add', '-A').status).toBe(0);
    const before = tree(out);

    expectRefusal(cli(['--spec', specs.v1, '--out', out]), `${out} ${NO_MANIFEST}`);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);

    const forced = cli(['--spec', specs.v1, '--out', out, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(tree(out)).toEqual({ ...before, ...(await generated(specs.v1)) });

    // v2 drops the owners resource: its files go, the project's files and its git history stay.
    const again = cli(['--spec', specs.v2, '--out', out]);
    expect(again.status).toBe(0);
    expect(tree(out)).toEqual({ ...before, ...(await generated(specs.v2)) });
    // The repository still works, and the project's staged files are unchanged in its work tree.
    const diff = git('diff', '--name-only', '--', 'src/main.ts', 'package-lock.json', 'pets-client-1.0.0.tgz');
    expect(diff.status).toBe(0);
    expect(diff.stdout).toBe('');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a foreign spec into a generated folder writes nothing and names both; --force replaces the package', async () => {
    expect(cli(['--spec', specs.v1, '--out', out]).status).toBe(0);
    plant(out, USER_FILES);
    const before = tree(out);

    const message =
      `${out} holds "Pets API" (package pets-client), not "Billing API" (package billing-client); ` +
      'pass --force to replace it';
    expectRefusal(cli(['--spec', specs.foreign, '--out', out]), message);
    expect(tree(out)).toEqual(before);

    expect(cli(['--spec', specs.foreign, '--out', out, '--force']).status).toBe(0);
    expect(tree(out)).toEqual({ ...USER_FILES, ...(await generated(specs.foreign)) });
  });

  it('--help says what --force does', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[--force\]/);
    expect(r.stdout).toMatch(/--force +write even into a folder with no manifest/);
  });
});

describe('after generating into a folder of its own', SLOW, () => {
  it('prints the next steps, naming the folder and its real scripts; --check prints only its verdict', () => {
    const r = cli(['--spec', specs.v1, '--out', out]);
    expect(r.status).toBe(0);
    const scripts = Object.keys(JSON.parse(tree(out)['package.json']!).scripts);
    expect(scripts).toEqual(expect.arrayContaining(['build', 'prepack']));
    const steps = r.stdout.split('\n').slice(1, -1);
    expect(steps).toEqual([
      expect.stringMatching(/^next steps \(npm install first: .*npm pack/),
      `  cd ${out} && npm install && npm run build`,
      expect.stringMatching(/^ {2}npm pack +# builds again \(prepack\)/),
    ]);

    const checked = cli(['--spec', specs.v1, '--out', out, '--check']);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toBe(`${out} is up to date with ${specs.v1} (${Object.keys(tree(out)).length} files)\n`);
  });

  it('quotes a folder the shell would split', () => {
    const spaced = path.join(parent, "my client's");
    const r = cli(['--spec', specs.v1, '--out', spaced]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  cd '${parent}/my client'\\''s' && npm install`);
  });
});

describe('regenerating', SLOW, () => {
  it("today's generated/, without a manifest, is adopted: same files plus a manifest, node_modules kept", async () => {
    // generated/ as committed before manifests existed: what `make generate` finds on a first run.
    const committed = (src: string): boolean =>
      !/[/\\](node_modules|dist)([/\\]|$)/.test(src) && !src.endsWith(MANIFEST_FILE);
    cpSync(path.join(ROOT, 'generated'), out, { recursive: true, filter: committed });
    plant(out, BUILT);
    const r = cli(['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = await generated(path.join(ROOT, 'spec/openapi.yaml'));
    expect(tree(out)).toEqual({ ...expected, ...BUILT });
    expect(Object.keys(expected)).toContain(MANIFEST_FILE);
  });

  it.each([
    ['022', 0o755, 0o644],
    ['027', 0o750, 0o640],
  ])('folders and files follow the umask (%s)', (umask, dirMode, fileMode) => {
    const r = cli(['--spec', specs.v1, '--out', path.join(out, 'nested')], { umask });
    expect(r.status).toBe(0);
    const mode = (rel: string): number => statSync(path.join(out, 'nested', rel)).mode & 0o777;
    for (const dir of ['.', 'src', 'src/resources']) {
      expect(mode(dir), dir).toBe(dirMode);
    }
    for (const file of ['package.json', 'src/client.ts', MANIFEST_FILE]) {
      expect(mode(file), file).toBe(fileMode);
    }
  });
});
