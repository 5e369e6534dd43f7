// Moves the staged package into the output folder file by file, so that the user's own files stay where
// they are, and a run killed at any moment is undone by the next one.
//
// Everything lives beside OUT, in its parent, so every move is a rename within one file system:
//   .OUT.codegen-write.json  the journal: created exclusively before anything else (a lock), deleted last
//   .OUT.codegen-new/        the new files, all staged before any file in OUT is touched
//   .OUT.codegen-old/        what the swap took out of OUT (files replaced or deleted), until it is done
// A run that finds a journal acts on its phase (unless the run that wrote it is still alive):
//   staging  OUT was not touched: delete the staging and backup folders.
//   swap     some moves were made: roll them back. A file missing from staging was moved in: move it back
//            out; a file in the backup was moved out: move it back in; folders the swap made, if empty, go.
//            Each step looks before it moves, so a rollback that is itself interrupted can run again.
//   done     every move was made: delete the emptied folders, staging, backup and journal.
// The journal is replaced by rename, never rewritten in place, so it is never half-written.
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../../errors.js';
import { MANIFEST_FILE } from '../../manifest.js';
import type { FileMap } from '../render/index.js';

interface Journal {
  pid: number;
  phase: 'staging' | 'swap' | 'done';
  /** Files moved from staging into OUT, the manifest last: until the end, OUT's manifest is the old one. */
  install: string[];
  /** Files of the previous generation moved out of OUT. */
  remove: string[];
  /** Folders in OUT the swap creates ('.' is OUT itself), parents first. */
  created: string[];
}

interface Paths {
  target: string;
  journal: string;
  staging: string;
  backup: string;
}

function pathsOf(target: string): Paths {
  const beside = (suffix: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);
  return {
    target,
    journal: beside('codegen-write.json'),
    staging: beside('codegen-new'),
    backup: beside('codegen-old'),
  };
}

/** Undo (or finish) a write to `target` that was interrupted; refuse while its writer is still running. */
export function recover(target: string): void {
  const p = pathsOf(target);
  if (!existsSync(p.journal)) {
    return;
  }
  const journal = readJournal(p.journal);
  if (journal && isAlive(journal.pid)) {
    throw new GeneratorError(`another generation (pid ${journal.pid}) is writing ${target}; wait for it to finish`);
  }
  if (journal?.phase === 'swap') {
    rollBack(p, journal);
  }
  if (journal?.phase === 'done') {
    prune(p.target, journal.remove);
  }
  cleanUp(p);
}

/** Stage `files` beside `target`, then move them in, after moving out the files they replace and `remove`. */
export function swapIn(options: { target: string; files: FileMap; remove: string[] }): void {
  const { target, files, remove } = options;
  const p = pathsOf(target);
  const journal: Journal = { pid: process.pid, phase: 'staging', install: [], remove, created: [] };
  try {
    writeFileSync(p.journal, JSON.stringify(journal), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw err;
    }
    throw new GeneratorError(`another generation is writing ${target}; wait for it to finish`);
  }
  const install = [...files.keys()].filter((f) => f !== MANIFEST_FILE).concat(MANIFEST_FILE);
  const swapping: Journal = { ...journal, phase: 'swap', install, created: foldersToCreate(target, install) };
  try {
    stage(p, files);
    replaceJournal(p.journal, swapping);
  } catch (err) {
    cleanUp(p);
    throw err;
  }
  try {
    swap(p, swapping);
  } catch (err) {
    try {
      rollBack(p, swapping);
      cleanUp(p);
    } catch {
      // The journal stays; the next run rolls back again.
    }
    throw err;
  }
  replaceJournal(p.journal, { ...swapping, phase: 'done' });
  prune(target, remove);
  cleanUp(p);
}

function stage(p: Paths, files: FileMap): void {
  // Under the journal's lock, folders of these names can only be leftovers: never another run's work.
  rmSync(p.staging, { recursive: true, force: true });
  rmSync(p.backup, { recursive: true, force: true });
  for (const [rel, text] of files) {
    const file = path.join(p.staging, rel);
    // Plain mkdir and write: folders and files get the user's umask (0755 and 0644 by default).
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function swap(p: Paths, journal: Journal): void {
  const moves = counter();
  for (const dir of journal.created) {
    mkdirSync(path.join(p.target, dir), { recursive: true });
  }
  for (const rel of journal.remove) {
    if (isFile(path.join(p.target, rel))) {
      move(path.join(p.target, rel), path.join(p.backup, rel), moves);
    }
  }
  for (const rel of journal.install) {
    const file = path.join(p.target, rel);
    if (exists(file) && !isFile(file)) {
      throw new GeneratorError(`cannot write ${file}: a folder is in the way`);
    }
    if (exists(file)) {
      move(file, path.join(p.backup, rel), moves);
    }
    move(path.join(p.staging, rel), file, moves);
  }
}

function rollBack(p: Paths, journal: Journal): void {
  const none = (): void => {};
  // Without its staging folder (deleted by hand), "missing from staging" proves nothing: move nothing out.
  const staged = existsSync(p.staging);
  for (const rel of [...journal.install].reverse()) {
    const at = (dir: string): string => path.join(dir, rel);
    if (staged && !exists(at(p.staging)) && exists(at(p.target))) {
      move(at(p.target), at(p.staging), none);
    }
    if (exists(at(p.backup))) {
      move(at(p.backup), at(p.target), none);
    }
  }
  for (const rel of journal.remove) {
    if (exists(path.join(p.backup, rel))) {
      move(path.join(p.backup, rel), path.join(p.target, rel), none);
    }
  }
  for (const dir of [...journal.created].reverse()) {
    removeIfEmpty(path.join(p.target, dir));
  }
}

function move(from: string, to: string, moved: () => void): void {
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(from, to);
  moved();
}

/** Counts moves; CODEGEN_TEST_SWAP_PAUSE=n (tests only) stops the process dead after n, to be killed there. */
function counter(): () => void {
  const pauseAfter = Number(process.env.CODEGEN_TEST_SWAP_PAUSE ?? NaN);
  let count = 0;
  return () => {
    count++;
    if (count !== pauseAfter) {
      return;
    }
    writeSync(2, `swap paused after ${count} moves (CODEGEN_TEST_SWAP_PAUSE)\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
}

/** OUT's folders that the install list needs and that do not exist yet, parents first. */
function foldersToCreate(target: string, install: string[]): string[] {
  const created = new Set<string>();
  if (!existsSync(target)) {
    created.add('.');
  }
  for (const rel of install) {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!created.has(dir) && !existsSync(path.join(target, dir))) {
        created.add(dir);
      }
    }
  }
  return [...created];
}

/** The folders that deleting `removed` left empty (the user's files keep theirs). */
function prune(target: string, removed: string[]): void {
  for (const rel of removed) {
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (!removeIfEmpty(path.join(target, dir))) {
        break;
      }
    }
  }
}

function removeIfEmpty(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

function cleanUp(p: Paths): void {
  rmSync(p.staging, { recursive: true, force: true });
  rmSync(p.backup, { recursive: true, force: true });
  rmSync(`${p.journal}.tmp`, { force: true });
  rmSync(p.journal, { force: true });
}

function replaceJournal(file: string, journal: Journal): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  renameSync(`${file}.tmp`, file);
}

/** The journal, or undefined when it is not one (cut short at its first write: nothing was moved yet). */
function readJournal(file: string): Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    return typeof journal.pid === 'number' && Array.isArray(journal.install) ? journal : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  // In this process no write is running (writes are synchronous): its journal is a failed write's.
  if (pid === process.pid) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file or a symlink: anything the swap may move aside, never a folder (it may hold the user's files). */
function isFile(file: string): boolean {
  try {
    return !lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
