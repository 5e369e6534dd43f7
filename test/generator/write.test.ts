// The write stage on real folders: it replaces or deletes only the files in OUT's manifest, keeps every other
// file, refuses a folder it does not own (unless forced), and leaves OUT as it was when a write fails midway.
// The CLI's messages, umask modes and a process killed mid-swap are in write-cli.test.ts and write-kill.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackage, type FileMap } from '../../generator/index.js';
import { MANIFEST_FILE, parseManifest, withManifest } from '../../generator/manifest.js';
import { compareWithDisk } from '../../generator/stages/write.js';
import { USER_FILES, plant, tree } from './output-folders.js';

let parent: string;
let out: string;

const pkg = (files: Record<string, string>, identity = { title: 'Pets API', packageName: 'pets-client' }): FileMap =>
  withManifest(new Map(Object.entries(files)), identity);
const V1 = pkg({
  'README.md': '# v1\n',
  'src/a.ts': 'export const a = 1;\n',
  'src/old/x.ts': 'export const x = 1;\n',
  'docs/gone.md': '# gone\n',
});
const V2 = pkg({ 'README.md': '# v2\n', 'src/a.ts': 'export const a = 2;\n', 'src/b.ts': 'export const b = 2;\n' });
const FOREIGN = pkg(
  { 'README.md': '# billing\n', 'src/invoices.ts': 'export {};\n' },
  { title: 'Billing API', packageName: 'billing-client' },
);
const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };
const BUILT = { 'node_modules/dep/index.js': '1;\n', 'dist/a.js': '0;\n' };
const NO_MANIFEST = `is not a generated package (no manifest); pass --force to replace it`;

beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'gen-write-'));
  out = path.join(parent, 'out');
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

const manifestFiles = (): string[] =>
  (parseManifest(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { files: string[] }).files;

describe('writePackage', () => {
  it('a write that fails while staging (a file where a folder must go) leaves OUT as it was, nothing beside it', () => {
    writePackage(out, V1);
    plant(out, USER_FILES);
    const before = tree(out);
    // Files are staged in order: README.md and src/a.ts land in the staging folder, then src/a.ts/b.ts cannot.
    const files = pkg({ 'README.md': '# after\n', 'src/a.ts': '1;\n', 'src/a.ts/b.ts': '2;\n', 'src/z.ts': '3;\n' });
    expect(() => writePackage(out, files)).toThrow(/ENOTDIR|EEXIST/);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('regenerating replaces and deletes only the files in the manifest; every other file is kept', () => {
    writePackage(out, V1);
    const mine = { ...USER_FILES, ...GIT, 'src/old/mine.ts': 'export const mine = 1;\n' };
    plant(out, mine);
    writePackage(out, V2);
    expect(tree(out)).toEqual({ ...mine, ...Object.fromEntries(V2) });
    expect(manifestFiles()).toEqual(['README.md', 'src/a.ts', 'src/b.ts']);
    // docs/ held only a deleted file, so it goes; src/old/ keeps the user's file.
    expect(existsSync(path.join(out, 'docs'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a folder that holds files but no manifest is refused with one line, and nothing is written', () => {
    plant(out, USER_FILES);
    const before = tree(out);
    expect(() => writePackage(out, V1)).toThrow(new RegExp(`^${escapeRegExp(out)} ${escapeRegExp(NO_MANIFEST)}$`));
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a git work tree root is refused even when every other file in it has a generated name', () => {
    plant(out, { ...GIT, 'README.md': '# mine\n' });
    const before = tree(out);
    expect(() => writePackage(out, V1)).toThrow(new RegExp(`^${escapeRegExp(out)} ${escapeRegExp(NO_MANIFEST)}$`));
    expect(tree(out)).toEqual(before);
  });

  it('a folder with no manifest whose files are all about to be written (node_modules/, dist/ aside): adopted', () => {
    plant(out, { 'README.md': '# before manifests\n', 'src/a.ts': 'export const a = 0;\n', ...BUILT });
    writePackage(out, V1);
    expect(tree(out)).toEqual({ ...Object.fromEntries(V1), ...BUILT });
    expect(manifestFiles()).toEqual([...V1.keys()].filter((f) => f !== MANIFEST_FILE));
    // Adopted means owned from now on: a file the user adds later survives the next run.
    plant(out, { 'src/main.ts': USER_FILES['src/main.ts'] });
    writePackage(out, V2);
    expect(tree(out)).toEqual({ ...Object.fromEntries(V2), ...BUILT, 'src/main.ts': USER_FILES['src/main.ts'] });
  });

  it("a file about to be written that the manifest does not list is the user's: refused, --force overwrites", () => {
    writePackage(out, V1);
    plant(out, { 'src/b.ts': 'my own b\n' });
    const before = tree(out);
    const message =
      `${path.join(out, 'src/b.ts')} is not in the folder's manifest, so the generator did not write it; ` +
      'move it away or pass --force to overwrite it';
    expect(() => writePackage(out, V2)).toThrow(new RegExp(`^${escapeRegExp(message)}$`));
    expect(tree(out)).toEqual(before);
    writePackage(out, V2, { force: true });
    expect(tree(out)).toEqual(Object.fromEntries(V2));
  });

  it("another spec's package is refused, naming both; --force replaces its files and keeps the user's", () => {
    writePackage(out, V1);
    plant(out, USER_FILES);
    const before = tree(out);
    const message =
      `${out} holds "Pets API" (package pets-client), not "Billing API" (package billing-client); ` +
      'pass --force to replace it';
    expect(() => writePackage(out, FOREIGN)).toThrow(new RegExp(`^${escapeRegExp(message)}$`));
    expect(tree(out)).toEqual(before);
    writePackage(out, FOREIGN, { force: true });
    expect(tree(out)).toEqual({ ...USER_FILES, ...Object.fromEntries(FOREIGN) });
  });

  it('--force writes into a folder with no manifest: same-named files overwritten, the others kept', () => {
    plant(out, { ...USER_FILES, 'README.md': '# mine\n', ...GIT });
    writePackage(out, V1, { force: true });
    expect(tree(out)).toEqual({ ...USER_FILES, ...GIT, ...Object.fromEntries(V1) });
    // The folder is now the generator's: the next run needs no --force and still keeps the user's files.
    writePackage(out, V2);
    expect(tree(out)).toEqual({ ...USER_FILES, ...GIT, ...Object.fromEntries(V2) });
  });

  it('a manifest that lists a path outside the folder is not trusted', () => {
    plant(parent, { 'precious.txt': 'keep me\n' });
    writePackage(out, V1);
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8'));
    manifest.files.push('../precious.txt');
    writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    const reason = '.codegen-manifest.json is invalid: "files" lists "../precious.txt"';
    expect(() => writePackage(out, V2)).toThrow(`is not a generated package (${reason}, which is not a path inside`);
    writePackage(out, V2, { force: true });
    expect(readFileSync(path.join(parent, 'precious.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a swap that fails midway is rolled back: OUT is as it was and nothing is left beside it', () => {
    writePackage(out, V1);
    // src/old/x.ts is the generator's, but a folder now stands there: the swap stops when it reaches it.
    rmSync(path.join(out, 'src/old/x.ts'));
    plant(out, { ...USER_FILES, 'src/old/x.ts/mine.ts': 'export {};\n' });
    const before = tree(out);
    const files = pkg({ 'README.md': '# v3\n', 'src/a.ts': '3;\n', 'src/new/n.ts': '4;\n', 'src/old/x.ts': '5;\n' });
    expect(() => writePackage(out, files)).toThrow(/a folder is in the way/);
    expect(tree(out)).toEqual(before);
    expect(existsSync(path.join(out, 'src/new'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('what a run killed while staging left beside OUT is cleaned up by the next write', () => {
    writePackage(out, V1);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const journal = { pid: dead, phase: 'staging', install: [], remove: [], created: [] };
    writeFileSync(path.join(parent, '.out.codegen-write.json'), JSON.stringify(journal));
    mkdirSync(path.join(parent, '.out.codegen-new/src'), { recursive: true });
    writeFileSync(path.join(parent, '.out.codegen-new/src/half.ts'), 'export const half =');
    writePackage(out, V2);
    expect(tree(out)).toEqual(Object.fromEntries(V2));
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('compareWithDisk', () => {
  it("reports the manifest's stale files as extra, and never the user's files", () => {
    writePackage(out, V1);
    plant(out, { ...USER_FILES, 'src/mine.ts': 'export {};\n' });
    const drift = compareWithDisk(out, V2);
    expect(drift.removed).toEqual(['docs/gone.md', 'src/old/x.ts']);
    expect(drift.added).toEqual(['src/b.ts']);
    expect(drift.changed.map((c) => c.file)).toEqual([MANIFEST_FILE, 'README.md', 'src/a.ts']);
  });

  it('with no manifest on disk, every file but node_modules/ and dist/ is taken as generated', () => {
    plant(out, { ...USER_FILES, ...Object.fromEntries([...V2].filter(([f]) => f !== MANIFEST_FILE)) });
    const drift = compareWithDisk(out, V2);
    expect(drift.removed).toEqual(['package-lock.json', 'pets-client-1.0.0.tgz', 'src/main.ts']);
    expect(drift.added).toEqual([MANIFEST_FILE]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
