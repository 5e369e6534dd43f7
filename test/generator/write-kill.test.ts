// A generation killed at the moment of the swap: the CLI runs as a child process, CODEGEN_TEST_SWAP_PAUSE
// stops it dead after n file moves, and it gets SIGKILL there. Nothing may be lost (every file of the
// previous package is in OUT or in the backup beside it, the user's files never moved), a second run must
// refuse while the first is alive, and the next run must recover: OUT ends as the new package plus the
// user's files, with nothing left beside it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate, writePackage, type FileMap } from '../../generator/index.js';
import { ROOT, USER_FILES, cli, plant, tree, writeSpecs } from './output-folders.js';

// Three node processes with tsx per case: seconds each on a busy 2-core machine.
const SLOW = { timeout: 180_000 };

const specs = writeSpecs();
let parent: string;
let out: string;
let v1: FileMap;
let v2: FileMap;

beforeEach(async () => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'gen-kill-'));
  out = path.join(parent, 'out');
  [v1, v2] = [await generate({ spec: specs.v1, cwd: ROOT }), await generate({ spec: specs.v2, cwd: ROOT })];
});

afterEach(() => rmSync(parent, { recursive: true, force: true }));

/** Runs the CLI until it pauses in the swap; resolves with its pid, still alive. */
function pausedRun(spec: string, pauseAfter: number): Promise<{ pid: number; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'generator/cli.ts', '--spec', spec, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, CODEGEN_TEST_SWAP_PAUSE: String(pauseAfter) },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('swap paused')) {
        resolve({
          pid: child.pid!,
          kill: () => {
            child.kill('SIGKILL');
            return exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before the swap paused: ${stderr}`)));
  });
}

/** Moves the swap from v1 to v2 makes: v1's files v2 drops go out; each v2 file goes in, after the one it replaces. */
const totalMoves = (): number =>
  [...v1.keys()].filter((f) => !v2.has(f)).length + v2.size + [...v2.keys()].filter((f) => v1.has(f)).length;

describe('a generation killed during the swap', SLOW, () => {
  it.each([
    ['at its first move', () => 1],
    ['halfway', () => Math.floor(totalMoves() / 2)],
    ['just before the new manifest goes in (the old one is out)', () => totalMoves() - 1],
    ['after its last move', () => totalMoves()],
  ])('%s loses nothing, and the next run recovers', async (_when, at) => {
    writePackage(out, v1);
    const mine = { ...USER_FILES, '.git/HEAD': 'ref: refs/heads/main\n' };
    plant(out, mine);
    const before = tree(out);

    const run = await pausedRun(specs.v2, at());
    // While it is alive, another generation into the same folder is refused and touches nothing.
    const during = tree(out);
    expect(() => writePackage(out, v2)).toThrow(new RegExp(`another generation \\(pid ${run.pid}\\) is writing`));
    expect(tree(out)).toEqual(during);
    await run.kill();

    const backup = path.join(parent, '.out.codegen-old');
    for (const [file, text] of Object.entries(before)) {
      const kept = existsSync(path.join(out, file)) && readFileSync(path.join(out, file), 'utf8') === text;
      const backedUp = existsSync(path.join(backup, file)) && readFileSync(path.join(backup, file), 'utf8') === text;
      expect(kept || backedUp, `${file} is in ${out} or in its backup`).toBe(true);
    }
    for (const [file, text] of Object.entries(mine)) {
      expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(text);
    }

    const next = cli(['--spec', specs.v2, '--out', out]);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(tree(out)).toEqual({ ...mine, ...Object.fromEntries(v2) });
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
