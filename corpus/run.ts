// `make corpus [ONLY=failing|<path substring>] [SAMPLE=n]`: generates and type-checks a deterministic sample of
// public OpenAPI documents plus GitHub's spec, beside bare openapi-typescript on the same files, and writes
// bench/CORPUS.md and .cache/corpus/results.json. Not part of `make test`: it takes many minutes.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { ensureDirectory, ensureGithubSpec, CACHE, PACKAGES, ROOT } from './fetch.js';
import { renderReport } from './report.js';
import { classify, type DocResult, type Results } from './results.js';
import { pickSample, type CorpusDoc } from './sample.js';
import { exec } from './exec.js';
import { runBareBatch, runOurs, typecheckBareChunk, type Limits, type Step } from './steps.js';

const RESULTS = path.join(CACHE, 'results.json');
const REPORT = path.join(ROOT, 'bench/CORPUS.md');
const WORK = path.join(CACHE, 'work');
/** Outputs of documents that fail to type-check are kept here, so the lead can open them. */
const FAILED = path.join(CACHE, 'failed');
const LIMITS: Limits = { generateMs: 120_000, typecheckMs: 180_000 };
// GitHub's spec is 13 MB and about 1,100 operations: openapi-typescript alone needs several seconds.
const GITHUB_LIMITS: Limits = { generateMs: 600_000, typecheckMs: 900_000 };
const GITHUB_ID = 'github:api.github.com.json';
/** The biggest specs, beside GitHub's: each also timed against bare openapi-typescript as a fresh process. */
const BIG_FILES = ['stripe.com.json', 'kubernetes.io.json', 'digitalocean.com.json'];
const BIG_PREFIX = 'big:';
const isBig = (id: string): boolean => id === GITHUB_ID || id.startsWith(BIG_PREFIX);
const BARE_CHUNK = 25;

const USAGE =
  'usage: corpus/run.ts [--only failing|big|<path substring>] [--part <k>/<n>] [--sample <n>] [--jobs <1|2>] | --report';

const slug = (id: string): string => id.replace(/[^\w.-]+/g, '_');

function loadPrevious(): Results | undefined {
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : undefined;
}

function selectDocs(all: CorpusDoc[], only: string | undefined, previous: Results | undefined): CorpusDoc[] {
  if (!only) {
    return all;
  }
  if (only === 'big') {
    return all.filter((d) => isBig(d.id));
  }
  if (only === 'failing') {
    if (!previous) {
      throw new Error('ONLY=failing needs a previous full run: run `make corpus` first');
    }
    const failing = new Set(
      previous.docs.filter((d) => d.status !== 'pass' && d.status !== 'handled').map((d) => d.id),
    );
    return all.filter((d) => failing.has(d.id));
  }
  return all.filter((d) => d.id.includes(only));
}

/** `--report`: classify and render the stored results again (after changing the grouping or the report). */
function rewriteReport(): number {
  const previous = loadPrevious();
  if (!previous) {
    throw new Error('no results yet: run `make corpus` first');
  }
  const output = { ...previous, docs: previous.docs.map(classify) };
  writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(REPORT, renderReport(output));
  console.log(`corpus: rewrote ${path.relative(ROOT, REPORT)} from ${path.relative(ROOT, RESULTS)}`);
  return 0;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        report: { type: 'boolean' },
        only: { type: 'string' },
        sample: { type: 'string', default: '300' },
        jobs: { type: 'string', default: '2' },
        part: { type: 'string' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  const size = Number(values.sample);
  const jobs = Number(values.jobs);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(jobs) || jobs < 1 || jobs > 2) {
    console.error(`--sample takes a positive whole number and --jobs 1 or 2 (this machine has 2 cores)\n${USAGE}`);
    return 1;
  }
  const part = /^(\d+)\/(\d+)$/.exec(values.part ?? '1/1');
  if (!part || Number(part[1]) < 1 || Number(part[1]) > Number(part[2])) {
    console.error(`--part takes k/n with 1 <= k <= n (PART=2/4: the second quarter)\n${USAGE}`);
    return 1;
  }
  const [k, n] = [Number(part[1]), Number(part[2])];
  if (values.report) {
    return rewriteReport();
  }
  const started = performance.now();
  const apiDir = ensureDirectory();
  const githubSpec = ensureGithubSpec();
  const { docs: sample, population } = pickSample(apiDir, size);
  const previous = loadPrevious();
  const big = BIG_FILES.map((f) => ({ id: `${BIG_PREFIX}${f}`, file: path.join(apiDir, f) }));
  const all = [{ id: GITHUB_ID, file: githubSpec }, ...big, ...sample];
  // PART=k/n: every n-th document from the k-th, so parts can run one after another (or in the background).
  // The big ones run whole (or with ONLY=big), never split: their time is measured against a fresh baseline.
  const selected = selectDocs(all, values.only, previous);
  const docs = n > 1 ? selected.filter((d) => !isBig(d.id)).filter((_, i) => i % n === k - 1) : selected;
  const partial = values.only ?? (n > 1 ? `part ${k}/${n}` : undefined);
  if (!docs.length) {
    console.error(`corpus: no sampled document matches ONLY=${values.only}`);
    return 1;
  }
  console.log(`corpus: ${docs.length} documents (${jobs} jobs at a time)`);

  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(path.join(WORK, 'bare'), { recursive: true });
  const limit = pLimit(jobs);
  const results = new Map<string, DocResult>();
  const bareFiles = new Map<string, string>();
  let done = 0;
  await Promise.all(
    docs.map((doc) =>
      limit(async () => {
        const limits = isBig(doc.id) ? GITHUB_LIMITS : LIMITS;
        const out = path.join(WORK, 'out', slug(doc.id));
        const ours = await runOurs(doc.file, out, limits);
        if (ours.typecheck && !ours.typecheck.ok) {
          rmSync(path.join(FAILED, slug(doc.id)), { recursive: true, force: true });
          mkdirSync(FAILED, { recursive: true });
          renameSync(out, path.join(FAILED, slug(doc.id)));
        } else {
          rmSync(out, { recursive: true, force: true });
        }
        const result: DocResult = {
          id: doc.id,
          file: path.relative(ROOT, doc.file),
          ours,
          bare: { generate: { ok: false, ms: 0, timedOut: false, error: 'not run' } },
        };
        results.set(doc.id, result);
        const verdict = !ours.generate.ok ? 'no-gen' : ours.typecheck?.ok ? 'pass' : 'no-tsc';
        const secs = (s: Step | undefined): string => (s ? `${(s.ms / 1000).toFixed(1)} s` : '-');
        console.log(
          `[${++done}/${docs.length}] ${verdict.padEnd(6)} ${doc.id} (gen ${secs(ours.generate)}, tsc ${secs(ours.typecheck)})`,
        );
      }),
    ),
  );

  // The baseline: openapi-typescript through long-lived workers (one per job), documents dealt out in turn.
  console.log(`corpus: bare openapi-typescript on ${docs.length} documents`);
  const lanes = Array.from({ length: jobs }, (_, lane) => docs.filter((_, i) => i % jobs === lane));
  await Promise.all(
    lanes.map((lane, n) =>
      limit(async () => {
        const files = lane.map((d) => path.join(WORK, 'bare', `${slug(d.id)}.ts`));
        const steps = await runBareBatch(
          lane.map((d, i) => ({ spec: d.file, out: files[i]! })),
          path.join(WORK, `bare-worker-${n}`),
          (i) => (isBig(lane[i]!.id) ? GITHUB_LIMITS : LIMITS).generateMs,
        );
        lane.forEach((d, i) => {
          results.get(d.id)!.bare.generate = steps[i]!;
          if (steps[i]!.ok) {
            bareFiles.set(d.id, files[i]!);
          }
        });
      }),
    ),
  );

  // openapi-typescript's outputs, type-checked in chunks (GitHub's alone: it is as large as all the rest).
  const ids = [...bareFiles.keys()];
  const chunks: string[][] = [];
  const small = ids.filter((id) => !isBig(id));
  for (let i = 0; i < small.length; i += BARE_CHUNK) {
    chunks.push(small.slice(i, i + BARE_CHUNK));
  }
  for (const id of ids.filter(isBig)) {
    chunks.push([id]);
  }
  console.log(`corpus: type-checking openapi-typescript's ${ids.length} outputs in ${chunks.length} chunks`);
  await Promise.all(
    chunks.map((chunk, i) =>
      limit(async () => {
        const limits = chunk.some(isBig) ? GITHUB_LIMITS : LIMITS;
        const steps = await typecheckBareChunk(
          path.join(WORK, `bare-tsc-${i}`),
          chunk.map((id) => bareFiles.get(id)!),
          limits,
        );
        for (const id of chunk) {
          results.get(id)!.bare.typecheck = steps.get(bareFiles.get(id)!);
        }
      }),
    ),
  );

  // The big ones' like-for-like ratio: ours and bare openapi-typescript each as a fresh process, one after the
  // other and alone (not beside another job), so both see the same machine.
  for (const doc of docs.filter((d) => isBig(d.id))) {
    const timed = async (args: string[]): Promise<Step> => {
      const r = await exec(process.execPath, ['--import', 'tsx', ...args], {
        cwd: ROOT,
        timeoutMs: GITHUB_LIMITS.generateMs,
      });
      return { ok: r.code === 0 && !r.timedOut, ms: Math.round(r.ms), timedOut: r.timedOut };
    };
    const scratch = path.join(WORK, `${slug(doc.id)}.fresh`);
    const ours = await timed(['generator/cli.ts', '--spec', doc.file, '--out', scratch, '--force']);
    const bare = await timed(['bench/bare-openapi-typescript.ts', doc.file, `${scratch}.ts`]);
    rmSync(scratch, { recursive: true, force: true });
    const result = results.get(doc.id)!;
    result.ours.fresh = ours;
    result.bare.fresh = bare;
    console.log(`corpus: ${doc.id} alone: ours ${ours.ms} ms, bare openapi-typescript ${bare.ms} ms`);
  }

  const fresh = [...results.values()].map(classify);
  // A partial run (ONLY=…, PART=…) updates its documents inside the previous results.
  const merged = new Map((partial && previous ? previous.docs : []).map((d) => [d.id, d]));
  for (const r of fresh) {
    merged.set(r.id, r);
  }
  const order = new Map(all.map((d, i) => [d.id, i]));
  const wallMs = Math.round(performance.now() - started);
  const output: Results = {
    packages: PACKAGES,
    sample: {
      size: sample.length,
      population,
      rule: `every k-th of the ${population} sorted api/**/*.json paths (k = ${(population / size).toFixed(2)}), OpenAPI 3.x only; the next path stands in for a Swagger 2.0 one`,
    },
    limits: { document: LIMITS, github: GITHUB_LIMITS },
    jobs,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    fullRun: partial ? previous?.fullRun : { at: new Date().toISOString(), wallMs, documents: docs.length },
    lastRun: { at: new Date().toISOString(), wallMs, documents: docs.length, only: partial },
    docs: [...merged.values()].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9)),
  };
  writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(REPORT, renderReport(output));
  const pass = output.docs.filter((d) => d.status === 'pass' || d.status === 'handled').length;
  console.log(
    `corpus: ${pass}/${output.docs.length} handled; wrote ${path.relative(ROOT, REPORT)} and ${path.relative(ROOT, RESULTS)} (${(wallMs / 60000).toFixed(1)} min)`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`corpus: ${(err as Error).message ?? String(err)}`);
    process.exitCode = 1;
  },
);
