// Stage 7, the only one that touches the disk. All content already exists in memory, so a failure in any
// earlier stage leaves OUT untouched. The generator owns only the files in OUT's manifest: it checks that it
// may write (write/ownership.ts), stages the new package beside OUT, then moves it in file by file under a
// journal that the next run uses to undo a write cut short (write/swap.ts). Every other file in OUT is kept.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, withManifest } from '../manifest.js';
import type { FileMap } from './render/index.js';
import { filesToRemove, listFiles, readManifest, type WriteOptions } from './write/ownership.js';
import { recover, swapIn } from './write/swap.js';

export type { WriteOptions } from './write/ownership.js';

export function writePackage(out: string, files: FileMap, options: WriteOptions = {}): void {
  const target = path.resolve(out);
  // A package always carries its manifest, even one assembled by hand rather than by `generate`.
  const complete = files.has(MANIFEST_FILE) ? files : withManifest(files, {});
  recover(target);
  const remove = filesToRemove(target, complete, options);
  mkdirSync(path.dirname(target), { recursive: true });
  swapIn({ target, files: complete, remove });
}

export interface Drift {
  added: string[];
  removed: string[];
  changed: { file: string; line: number; expected: string; actual: string }[];
}

/**
 * Compare what generation produces with what is on disk. "Removed" lists only the generator's stale files
 * (in OUT's manifest, or any file when OUT has none, node_modules/ and dist/ aside): the user's are not drift.
 */
export function compareWithDisk(out: string, files: FileMap): Drift {
  const target = path.resolve(out);
  const drift: Drift = { added: [], removed: [], changed: [] };
  for (const rel of ownedOnDisk(target)) {
    if (!files.has(rel)) {
      drift.removed.push(rel);
    }
  }
  for (const [rel, text] of files) {
    const file = path.join(target, rel);
    if (!existsSync(file)) {
      drift.added.push(rel);
      continue;
    }
    const actual = readFileSync(file, 'utf8');
    if (actual === text) {
      continue;
    }
    const a = actual.split('\n');
    const e = text.split('\n');
    let i = 0;
    while (i < Math.max(a.length, e.length) && a[i] === e[i]) {
      i++;
    }
    drift.changed.push({ file: rel, line: i + 1, expected: e[i] ?? '<end of file>', actual: a[i] ?? '<end of file>' });
  }
  return drift;
}

function ownedOnDisk(target: string): string[] {
  if (!existsSync(target)) {
    return [];
  }
  const manifest = readManifest(target);
  if (!manifest || typeof manifest === 'string') {
    return listFiles(target);
  }
  return [...manifest.files, MANIFEST_FILE].filter((rel) => existsSync(path.join(target, rel))).sort();
}
