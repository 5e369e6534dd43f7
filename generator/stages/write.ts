// Stage 7, the only one that touches the disk. All content already exists in memory, so a failure in any
// earlier stage leaves OUT untouched; here the new tree is staged beside OUT and swapped in by rename.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileMap } from './render/index.js';

/** Entries in OUT the generator does not own: kept across regenerations. */
const PRESERVED = new Set(['node_modules', 'dist']);

export function writePackage(out: string, files: FileMap): void {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.new-`));
  try {
    for (const [rel, text] of files) {
      const file = path.join(staging, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const old = existsSync(target) ? mkdtempSync(path.join(parent, `.${path.basename(target)}.old-`)) : undefined;
  if (old) {
    rmSync(old, { recursive: true });
    renameSync(target, old);
  }
  renameSync(staging, target);
  if (old) {
    for (const name of PRESERVED) if (existsSync(path.join(old, name))) renameSync(path.join(old, name), path.join(target, name));
    rmSync(old, { recursive: true, force: true });
  }
}

export interface Drift {
  added: string[];
  removed: string[];
  changed: { file: string; line: number; expected: string; actual: string }[];
}

/** Compare what generation produces with what is on disk (PRESERVED entries ignored). */
export function compareWithDisk(out: string, files: FileMap): Drift {
  const target = path.resolve(out);
  const onDisk = existsSync(target) ? listFiles(target) : [];
  const drift: Drift = { added: [], removed: [], changed: [] };
  for (const rel of onDisk) if (!files.has(rel)) drift.removed.push(rel);
  for (const [rel, text] of files) {
    const file = path.join(target, rel);
    if (!existsSync(file)) {
      drift.added.push(rel);
      continue;
    }
    const actual = readFileSync(file, 'utf8');
    if (actual === text) continue;
    const a = actual.split('\n');
    const e = text.split('\n');
    let i = 0;
    while (i < Math.max(a.length, e.length) && a[i] === e[i]) i++;
    drift.changed.push({ file: rel, line: i + 1, expected: e[i] ?? '<end of file>', actual: a[i] ?? '<end of file>' });
  }
  return drift;
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((rel) => !PRESERVED.has(rel.split('/')[0]!))
    .sort();
}
