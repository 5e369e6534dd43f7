// Before anything is written: which files in the output folder are the generator's, and whether this run may
// write there at all. Read-only; a refusal is one line naming the folder, and nothing is written.
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../../errors.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from '../../manifest.js';
import type { FileMap } from '../render/index.js';

/** Build output and a local install: never the generator's, so even a folder with no manifest may hold them. */
const PRESERVED = new Set(['node_modules', 'dist']);

export interface WriteOptions {
  /** Write even into a folder with no manifest or another spec's: same-named files are overwritten. */
  force?: boolean;
}

/**
 * The files of the previous generation that this run deletes: listed in the folder's manifest and not
 * written again. Throws a GeneratorError when the folder is not this spec's package (unless `force`):
 * - it holds files but no manifest, unless every file (node_modules/ and dist/ aside) is one about to be
 *   written: a package generated before manifests existed is adopted; a git work tree root never is;
 * - its manifest names another spec (title or package name);
 * - a file about to be written is there but not in the manifest: the user's, not overwritten.
 */
export function filesToRemove(target: string, files: FileMap, options: WriteOptions): string[] {
  if (!existsSync(target)) {
    return [];
  }
  if (!statSync(target).isDirectory()) {
    throw new GeneratorError(`cannot write ${target}: it is a file, not a folder`);
  }
  if (!readdirSync(target).length) {
    return [];
  }
  const previous = readManifest(target);
  if (typeof previous === 'string') {
    if (options.force) {
      return [];
    }
    throw new GeneratorError(`${target} is not a generated package (${previous}); pass --force to replace it`);
  }
  if (!previous) {
    if (options.force || isAdoptable(target, files)) {
      return [];
    }
    throw new GeneratorError(`${target} is not a generated package (no manifest); pass --force to replace it`);
  }
  if (!options.force) {
    refuseAnotherSpec(target, previous, files);
    refuseUnownedFiles(target, previous, files);
  }
  return previous.files.filter((f) => !files.has(f));
}

/** The folder's manifest; undefined when it has none; a string saying why when it is not a valid one. */
export function readManifest(target: string): Manifest | string | undefined {
  const file = path.join(target, MANIFEST_FILE);
  if (!existsSync(file)) {
    return undefined;
  }
  const parsed = parseManifest(readFileSync(file, 'utf8'));
  return typeof parsed === 'string' ? `${MANIFEST_FILE} is invalid: ${parsed}` : parsed;
}

/** Every file under `dir` except in the top-level PRESERVED folders (posix paths, sorted; symlinks not followed). */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (!rel && PRESERVED.has(entry.name)) {
        continue;
      }
      if (entry.isDirectory()) {
        walk(child);
      } else {
        found.push(child);
      }
    }
  };
  walk('');
  return found.sort();
}

function isAdoptable(target: string, files: FileMap): boolean {
  if (existsSync(path.join(target, '.git'))) {
    return false;
  }
  return listFiles(target).every((f) => files.has(f));
}

function refuseAnotherSpec(target: string, previous: Manifest, files: FileMap): void {
  const next = parseManifest(files.get(MANIFEST_FILE) ?? '{"files": []}');
  if (typeof next === 'string') {
    return;
  }
  const differs = (a?: string, b?: string): boolean => a !== undefined && b !== undefined && a !== b;
  if (!differs(previous.spec?.title, next.spec?.title) && !differs(previous.package, next.package)) {
    return;
  }
  throw new GeneratorError(`${target} holds ${identity(previous)}, not ${identity(next)}; pass --force to replace it`);
}

function identity(m: Manifest): string {
  const title = m.spec?.title === undefined ? 'an untitled spec' : JSON.stringify(m.spec.title);
  return `${title} (package ${m.package ?? 'unnamed'})`;
}

function refuseUnownedFiles(target: string, previous: Manifest, files: FileMap): void {
  const owned = new Set([...previous.files, MANIFEST_FILE]);
  const unowned = [...files.keys()].filter((f) => !owned.has(f) && exists(path.join(target, f)));
  if (!unowned.length) {
    return;
  }
  const more = unowned.length > 1 ? ` (and ${unowned.length - 1} more)` : '';
  throw new GeneratorError(
    `${path.join(target, unowned[0]!)}${more} is not in the folder's manifest, so the generator did not write it; ` +
      'move it away or pass --force to overwrite it',
  );
}

/** lstat, not exists: a dangling symlink is still a file that would be overwritten. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
