// The write stage itself: the new tree is staged beside OUT and swapped in by rename. A write that fails
// midway must leave OUT exactly as it was and no staging folder behind; a write that succeeds replaces OUT
// whole and keeps what the generator does not own (node_modules, dist).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackage, type FileMap } from '../../generator/index.js';

let parent: string;
let out: string;

/** Every file under `dir` with its content, so "exactly as it was" compares the whole tree. */
function tree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(files.map((d) => [path.relative(dir, path.join(d.parentPath, d.name)), readFileSync(path.join(d.parentPath, d.name), 'utf8')]));
}

beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'gen-write-'));
  out = path.join(parent, 'out');
  mkdirSync(path.join(out, 'src'), { recursive: true });
  mkdirSync(path.join(out, 'node_modules/dep'), { recursive: true });
  writeFileSync(path.join(out, 'src/keep.ts'), 'export const before = 1;\n');
  writeFileSync(path.join(out, 'README.md'), '# before\n');
  writeFileSync(path.join(out, 'node_modules/dep/index.js'), 'module.exports = 1;\n');
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('writePackage', () => {
  it('a write that fails midway (a file where a folder must go) leaves OUT as it was and nothing beside it', () => {
    const before = tree(out);
    // Files are written in order: README.md and src/a.ts land in the staging folder, then src/a.ts/b.ts cannot.
    const files: FileMap = new Map([
      ['README.md', '# after\n'],
      ['src/a.ts', 'export const a = 1;\n'],
      ['src/a.ts/b.ts', 'export const b = 1;\n'],
      ['src/z.ts', 'export const z = 1;\n'],
    ]);
    expect(() => writePackage(out, files)).toThrow(/ENOTDIR|EEXIST/);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a write that succeeds replaces OUT whole, keeps node_modules, and leaves no staging folder', () => {
    writePackage(out, new Map([['README.md', '# after\n'], ['src/a.ts', 'export const a = 1;\n']]));
    expect(tree(out)).toEqual({
      'README.md': '# after\n',
      'src/a.ts': 'export const a = 1;\n',
      'node_modules/dep/index.js': 'module.exports = 1;\n',
    });
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
