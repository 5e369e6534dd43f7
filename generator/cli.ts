// `make generate` / `make check` / `make watch`. User mistakes print one line and exit 1; no stack traces.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { generate } from './pipeline.js';
import { compareWithDisk, writePackage, type Drift } from './stages/write.js';
import { ROOT } from './stages/load-assets.js';
import { MANIFEST_FILE } from './manifest.js';
import { nextSteps } from './next-steps.js';

const USAGE = [
  'usage: generator/cli.ts --spec <openapi.yaml|json>... --out <dir> [--overlay <file>]... [--force] [--check] [--watch]',
  "  --spec     repeatable: the documents are merged into one client, in order (the first one's info.x-sdk names it)",
  "  --overlay  apply an OpenAPI Overlay document (1.0.x/1.1.x) after the spec's own; repeatable, in order",
  `  --force  write even into a folder with no manifest (${MANIFEST_FILE}) or one generated from another spec:`,
  "           files of the same name are overwritten, the previous manifest's files deleted, every other file kept",
].join('\n');

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      spec: { type: 'string', multiple: true, default: ['spec/openapi.yaml'] },
      out: { type: 'string', default: 'generated' },
      check: { type: 'boolean' },
      watch: { type: 'boolean' },
      force: { type: 'boolean' },
      overlay: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    ({ values } = parseOptions(argv));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const options = {
    specs: values.spec!,
    out: values.out!,
    force: values.force === true,
    overlays: values.overlay ?? [],
  };
  if (values.watch) {
    return watch(options);
  }
  if (values.check) {
    return check(options);
  }
  const code = await run(options);
  // Here, not in run(): --watch regenerates many times.
  for (const line of nextSteps(options.out)) {
    console.log(line);
  }
  return code;
}

interface RunOptions {
  /** One document, or several merged into one client in order. */
  specs: string[];
  out: string;
  /** Write into a folder the generator does not own (see USAGE). */
  force: boolean;
  /** Overlay documents applied after the spec's own, in order. */
  overlays: string[];
}

async function run(options: RunOptions): Promise<number> {
  const { specs, out, force, overlays } = options;
  const started = performance.now();
  const files = await generate({ spec: specs, overlays, onNote: (note) => console.error(`note: ${note}`) });
  try {
    writePackage(out, files, { force });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code) {
      throw err;
    }
    // A folder that cannot be made or written is the user's to fix, not a crash.
    throw new GeneratorError(`cannot write ${path.resolve(out)}: ${e.code}${e.path ? ` (${e.path})` : ''}`);
  }
  const also = overlays.length ? ` with ${overlays.join(', ')}` : '';
  console.log(
    `generated ${files.size} files in ${out} from ${specs.join(', ')}${also} (${Math.round(performance.now() - started)} ms)`,
  );
  return 0;
}

async function check({ specs, out, overlays }: RunOptions): Promise<number> {
  const files = await generate({ spec: specs, overlays });
  // Regenerate into a scratch folder first: proves the output is writable, then compare.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'codegen-check-'));
  try {
    writePackage(path.join(scratch, 'out'), files);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const drift = compareWithDisk(out, files);
  if (!drift.added.length && !drift.removed.length && !drift.changed.length) {
    console.log(`${out} is up to date with ${specs.join(', ')} (${files.size} files)`);
    return 0;
  }
  console.error(formatDrift(out, drift));
  return 1;
}

export function formatDrift(out: string, drift: Drift): string {
  const lines = [`${out} is stale: it does not match what ${'`make generate`'} produces.`];
  for (const f of drift.added) {
    lines.push(`  missing   ${out}/${f}`);
  }
  for (const f of drift.removed) {
    lines.push(`  extra     ${out}/${f} (not generated; delete it or regenerate)`);
  }
  for (const c of drift.changed) {
    lines.push(`  changed   ${out}/${c.file}:${c.line}`);
    lines.push(`      expected: ${c.expected.slice(0, 160)}`);
    lines.push(`      found:    ${c.actual.slice(0, 160)}`);
  }
  lines.push('Run `make generate` and commit the result; never edit generated files by hand.');
  return lines.join('\n');
}

async function watch(options: RunOptions): Promise<number> {
  const { watch: chokidar } = await import('chokidar');
  const specDirs = [...new Set(options.specs.map((s) => path.dirname(path.resolve(s))))];
  const overlayFiles = options.overlays.map((o) => path.resolve(o));
  const targets = [...specDirs, ...overlayFiles, path.join(ROOT, 'templates'), path.join(ROOT, 'runtime')];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const regenerate = (): void => {
    running = running.then(async () => {
      try {
        await run(options);
      } catch (err) {
        console.error(describe(err));
      }
    });
  };
  chokidar(targets, { ignoreInitial: true }).on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(regenerate, 200);
  });
  console.log(`watching ${targets.map((t) => path.relative(process.cwd(), t)).join(', ')} (Ctrl-C to stop)`);
  regenerate();
  return new Promise(() => {});
}

function describe(err: unknown): string {
  if (err instanceof GeneratorError) {
    return `error: ${err.format()}`;
  }
  return `internal error: ${(err as Error)?.stack ?? String(err)}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(describe(err));
    process.exitCode = 1;
  },
);
