// The spec's real history as `make diff` sees it: each commit that changed spec/ against the one before it in
// that history (`git log --parents -- spec/`, first parent for a merge; the first commit against empty.yaml),
// both checked out with diff/git.ts and compared by diff/cli.ts as `make diff` runs it (rules, compiler and
// version check), JSON out. `node --import tsx test/diff/history/pairs.ts` prints what the diff says now.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkoutSpec } from '../../../diff/git.js';
import type { VerdictReport } from '../../../diff/verdict.js';
import { ROOT } from '../helpers.js';

export const EMPTY = join(ROOT, 'test/diff/history/empty.yaml');
/** Sunsets are judged on a fixed day, so the score does not move with the calendar. */
export const TODAY = '2026-12-02';

export interface Pair {
  /** A commit, or `empty` for the first commit's base. */
  base: string;
  head: string;
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Why the history cannot be read here (not a git checkout, or a shallow clone), or undefined when it can. */
export function historyUnavailable(): string | undefined {
  try {
    if (git(['rev-parse', '--is-shallow-repository']) === 'true') {
      return 'shallow clone: the spec history is cut off (fetch with --unshallow or fetch-depth: 0)';
    }
    return undefined;
  } catch {
    return 'not a git checkout (or git is missing): the spec history cannot be read';
  }
}

export function commitExists(sha: string): boolean {
  try {
    git(['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Oldest first. */
export function historyPairs(): Pair[] {
  const lines = git(['log', '--reverse', '--parents', '--format=%H %P', '--', 'spec/']).split('\n').filter(Boolean);
  return lines.map((line) => {
    const [head = '', parent] = line.split(' ');
    return { base: parent || 'empty', head };
  });
}

export interface PairResult {
  verdict: VerdictReport['verdict'];
  semver: VerdictReport['semver'];
  /** `--check-version`: whether info.x-sdk.version moved with the verdict. */
  versionOk: boolean | undefined;
  compilerBreaks: number;
  changes: { level: string; rule: string; operation: string; location: string; message: string }[];
}

export function runPair(pair: Pair): PairResult {
  const spec = join(ROOT, 'spec/openapi.yaml');
  const head = checkoutSpec({ ref: pair.head, headFile: spec });
  const base = pair.base === 'empty' ? undefined : checkoutSpec({ ref: pair.base, headFile: spec });
  try {
    const args = ['--base', base?.file ?? EMPTY, '--head', head.file, '--format', 'json', '--fail-on', 'none'];
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'diff/cli.ts', ...args, '--check-version', '--today', TODAY],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, API_DIFF_DEBUG: '' } },
    );
    if (result.status !== 0) {
      throw new Error(`diff ${pair.base}..${pair.head} exited ${result.status}: ${result.stderr}`);
    }
    const report = JSON.parse(result.stdout) as VerdictReport;
    return {
      verdict: report.verdict,
      semver: report.semver,
      versionOk: report.version?.ok,
      compilerBreaks: report.compiler.breaking.filter((b) => !b.allowed).length,
      changes: report.changes.map((c) => ({
        level: c.level,
        rule: c.id,
        operation: c.operation,
        location: c.location,
        message: c.message,
      })),
    };
  } finally {
    head.cleanup();
    base?.cleanup();
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const out = historyPairs().map((pair) => ({ ...pair, ...runPair(pair) }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
