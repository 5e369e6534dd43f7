// What the corpus runs on one document: our generator then tsc on its package, and bare openapi-typescript
// (the baseline column) then tsc on its output. Each step is a child process with a time limit.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstErrorLine, isClearRefusal, parseTscErrors, type TscError } from './causes.js';
import { exec } from './exec.js';
import { ROOT } from './fetch.js';

export const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

export interface Step {
  ok: boolean;
  ms: number;
  timedOut: boolean;
  /** The line that says why it failed. */
  error?: string;
  /** Generation only: the refusal was one clear line (exit 1, no stack trace). */
  clear?: boolean;
  /** tsc only: error count by code, and the first error. */
  codes?: Record<string, number>;
  first?: TscError;
}

export interface Limits {
  generateMs: number;
  typecheckMs: number;
}

function tscStep(r: Awaited<ReturnType<typeof exec>>): Step {
  const errors = parseTscErrors(r.stdout);
  const codes: Record<string, number> = {};
  for (const e of errors) {
    codes[e.code] = (codes[e.code] ?? 0) + 1;
  }
  const ok = r.code === 0 && !r.timedOut;
  const step: Step = { ok, ms: Math.round(r.ms), timedOut: r.timedOut };
  if (!ok) {
    step.codes = codes;
    step.first = errors[0];
    step.error = r.timedOut
      ? 'timed out'
      : errors[0]
        ? `${errors[0].code}: ${errors[0].message}`
        : firstErrorLine(r.stderr, r.stdout);
  }
  return step;
}

/** Our generator on `spec` into `out`, then `tsc --noEmit` on the package (node_modules linked to the repo's). */
export async function runOurs(
  spec: string,
  out: string,
  limits: Limits,
): Promise<{ generate: Step; typecheck?: Step }> {
  rmSync(out, { recursive: true, force: true });
  const gen = await exec(process.execPath, ['--import', 'tsx', 'generator/cli.ts', '--spec', spec, '--out', out], {
    cwd: ROOT,
    timeoutMs: limits.generateMs,
  });
  const generate: Step = { ok: gen.code === 0 && !gen.timedOut, ms: Math.round(gen.ms), timedOut: gen.timedOut };
  if (!generate.ok) {
    generate.error = gen.timedOut ? 'timed out' : firstErrorLine(gen.stderr, gen.stdout);
    generate.clear = !gen.timedOut && isClearRefusal(gen.code, gen.stderr);
    return { generate };
  }
  // Generated packages import openapi-fetch: resolve it from the repository's own install.
  if (!existsSync(path.join(out, 'node_modules'))) {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  }
  const tsc = await exec(
    process.execPath,
    [TSC, '--noEmit', '--pretty', 'false', '-p', path.join(out, 'tsconfig.json')],
    { cwd: out, timeoutMs: limits.typecheckMs },
  );
  return { generate, typecheck: tscStep(tsc) };
}

/**
 * Bare openapi-typescript on many documents through one worker process (corpus/bare-batch.ts), one step
 * per job in order. A document that passes its time limit, or kills the worker, is marked failed and a
 * fresh worker goes on with the next one.
 */
export async function runBareBatch(
  jobs: { spec: string; out: string }[],
  dir: string,
  limitMs: (i: number) => number,
): Promise<Step[]> {
  mkdirSync(dir, { recursive: true });
  const jobsFile = path.join(dir, 'jobs.json');
  writeFileSync(jobsFile, JSON.stringify(jobs));
  const steps: (Step | undefined)[] = new Array<Step | undefined>(jobs.length);
  let next = 0;
  while (next < jobs.length) {
    next = await new Promise<number>((resolve) => {
      let current = next;
      let stdout = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'corpus/bare-batch.ts'), jobsFile, String(next)],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const arm = (i: number): void => {
        clearTimeout(timer);
        const started = performance.now();
        timer = setTimeout(() => {
          steps[i] = { ok: false, ms: Math.round(performance.now() - started), timedOut: true, error: 'timed out' };
          child.kill('SIGKILL');
        }, limitMs(i));
      };
      arm(current);
      const handle = (line: string): void => {
        let msg: { start?: number; done?: number; ok?: boolean; ms?: number; error?: string };
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          return; // openapi-typescript's own chatter
        }
        if (msg.start !== undefined) {
          current = msg.start;
          arm(current);
        }
        if (msg.done !== undefined) {
          clearTimeout(timer);
          steps[msg.done] = { ok: !!msg.ok, ms: msg.ms ?? 0, timedOut: false, ...(msg.ok ? {} : { error: msg.error }) };
        }
      };
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        for (let nl = stdout.indexOf('\n'); nl >= 0; nl = stdout.indexOf('\n')) {
          handle(stdout.slice(0, nl));
          stdout = stdout.slice(nl + 1);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
      });
      child.on('close', () => {
        clearTimeout(timer);
        steps[current] ??= { ok: false, ms: 0, timedOut: false, error: `the worker died: ${firstErrorLine(stderr)}` };
        resolve(current + 1);
      });
    });
  }
  return steps.map((s) => s ?? { ok: false, ms: 0, timedOut: false, error: 'not run' });
}

/** The compiler options of a generated package, for type-checking openapi-typescript's output alike. */
export const STRICT_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  skipLibCheck: false,
  noEmit: true,
};

/**
 * Type-checks many openapi-typescript outputs in one tsc program (each file is a module, so they cannot
 * clash): one compiler start-up for a chunk instead of one per document. Returns a step per file name.
 */
export async function typecheckBareChunk(dir: string, files: string[], limits: Limits): Promise<Map<string, Step>> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICT_OPTIONS, files }));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const r = await exec(process.execPath, [TSC, '--pretty', 'false', '-p', dir], {
    cwd: dir,
    timeoutMs: limits.typecheckMs * 2,
  });
  const perFile = new Map<string, TscError[]>();
  for (const e of parseTscErrors(r.stdout)) {
    perFile.set(path.basename(e.file), [...(perFile.get(path.basename(e.file)) ?? []), e]);
  }
  const results = new Map<string, Step>();
  // The chunk's time is shared out evenly: an estimate, reported as such.
  const ms = Math.round(r.ms / files.length);
  for (const f of files) {
    const errors = perFile.get(path.basename(f)) ?? [];
    if (r.timedOut) {
      results.set(f, { ok: false, ms, timedOut: true, error: 'timed out' });
    } else if (r.code !== 0 && !perFile.size) {
      results.set(f, { ok: false, ms, timedOut: false, error: firstErrorLine(r.stderr, r.stdout) });
    } else if (errors.length) {
      results.set(f, {
        ok: false,
        ms,
        timedOut: false,
        error: `${errors[0]!.code}: ${errors[0]!.message}`,
        first: errors[0],
      });
    } else {
      results.set(f, { ok: true, ms, timedOut: false });
    }
  }
  return results;
}
