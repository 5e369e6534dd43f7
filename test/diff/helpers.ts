// Shared by the diff tests: paths, an in-process diff of two files, and the CLI as a child process.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffDocuments, type DiffOptions, type DiffResult } from '../../diff/diff.js';
import { loadSpec } from '../../diff/load.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/diff');

export async function diffFiles(base: string, head: string, options: DiffOptions = {}): Promise<DiffResult> {
  const [b, h] = await Promise.all([loadSpec({ file: base }), loadSpec({ file: head })]);
  return diffDocuments(b.doc, h.doc, options);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx diff/cli.ts` from the repository root, as `make diff` does. */
export function runCli(args: string[]): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'diff/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, API_DIFF_DEBUG: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
