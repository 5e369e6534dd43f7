// A git ref as base: the spec as it stood at that commit, all of its files. The head spec's directory is
// copied out of the commit into a temp dir (git ls-tree + git show), so multi-file $refs resolve as they did.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

export interface Checkout {
  /** The root spec file inside the temp dir. */
  file: string;
  /** How the file is named in messages: `origin/main:spec/openapi.yaml`. */
  displayName: string;
  /** Temp dir root: messages mentioning paths under it are shown as `ref:path`. */
  root: string;
  cleanup: () => void;
}

function git(cwd: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

function isGitCommit(ref: string, cwd: string): boolean {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) !== undefined;
}

/** `headFile` names the spec (its path inside the repository) and the repository (the one holding it). */
export function checkoutSpec(input: { ref: string; headFile: string }): Checkout {
  const { ref } = input;
  const headFile = resolve(input.headFile);
  const headDir = dirname(headFile);
  const top = git(headDir, ['rev-parse', '--show-toplevel'])?.toString().trim();
  if (!top) {
    throw new InputError(`--base ${ref}: ${input.headFile} is not inside a git repository`);
  }
  if (!isGitCommit(ref, top)) {
    throw new InputError(`--base ${ref}: neither a file nor a commit in ${top}`);
  }

  const toPosix = (p: string): string => p.split(sep).join('/');
  const specDir = toPosix(relative(top, headDir));
  const specFile = toPosix(relative(top, headFile));
  const listing = git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', specDir || '.']);
  const files = (listing?.toString() ?? '').split('\0').filter(Boolean);
  if (!files.includes(specFile)) {
    throw new InputError(`--base ${ref}: ${specFile} does not exist at ${ref}`);
  }

  const root = mkdtempSync(join(tmpdir(), 'api-diff-base-'));
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  try {
    for (const file of files) {
      const content = git(top, ['show', `${ref}:${file}`]);
      if (!content) {
        throw new InputError(`--base ${ref}: cannot read ${file}`);
      }
      const target = join(root, ...file.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { file: join(root, ...specFile.split('/')), displayName: `${ref}:${specFile}`, root, cleanup };
}
