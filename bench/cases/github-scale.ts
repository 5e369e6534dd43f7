// GitHub's spec at scale (13 MB, about 1,100 operations), in the same run: our generation time and peak
// memory beside bare openapi-typescript on the same file, whether our package type-checks, and what a
// consumer calling one method costs to type-check beside the same call through openapi-fetch + openapi-
// typescript's types. Targets: generation ≤ 1.5×, package type-checks, consumer ≤ 1.0×.
// The spec comes from the corpus cache (fetched on first use). A failing step is reported, never thrown.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exec, type ExecResult } from '../../corpus/exec.js';
import { firstErrorLine, parseTscErrors } from '../../corpus/causes.js';
import { ensureGithubSpec, ROOT } from '../../corpus/fetch.js';
import { STRICT_OPTIONS, TSC } from '../../corpus/steps.js';

const RUNS = 3;
const CONSUMER_RUNS = 3;
const LIMIT_MS = 600_000;
/** The one call the consumers make: GET /repos/{owner}/{repo}. */
const OPERATION = { method: 'GET', path: '/repos/{owner}/{repo}' };
const MAX_RSS = pathToFileURL(path.join(ROOT, 'corpus/max-rss.ts')).href;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 200);

/** Runs a tsx script as a fresh process and reads its peak memory back. */
async function measured(script: string, args: string[], rssFile: string): Promise<ExecResult & { maxRssKb: number }> {
  rmSync(rssFile, { force: true });
  const r = await exec(process.execPath, ['--import', 'tsx', '--import', MAX_RSS, script, ...args], {
    cwd: ROOT,
    timeoutMs: LIMIT_MS,
    env: { ...process.env, MAX_RSS_FILE: rssFile },
  });
  let maxRssKb = NaN;
  try {
    maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // The child died before its exit hook (killed at the time limit): no figure.
  }
  return { ...r, maxRssKb };
}

const tsc = (dir: string): Promise<ExecResult> =>
  exec(process.execPath, [TSC, '--pretty', 'false', '-p', dir], { cwd: dir, timeoutMs: LIMIT_MS });
const tscFailure = (r: ExecResult): string =>
  r.timedOut
    ? 'timed out'
    : (parseTscErrors(r.stdout).map((e) => `${e.code}: ${e.message}`)[0] ?? firstErrorLine(r.stderr, r.stdout));

/** Our method for OPERATION, found through the generator's model, as the example its docs show. */
async function ourConsumer(spec: string): Promise<{ packageName: string; source: string } | string> {
  try {
    const { buildModel, methodExample } = await import('../../generator/index.js');
    const model = buildModel(JSON.parse(readFileSync(spec, 'utf8')) as object);
    for (const resource of model.resources) {
      const method = resource.methods.find((m) => m.httpMethod === OPERATION.method && m.path === OPERATION.path);
      if (method) {
        const example = methodExample(method, {
          packageName: model.packageName,
          clientName: model.clientName,
          resource: resource.property,
        });
        return { packageName: model.packageName, source: `${example}\nexport {};\n` };
      }
    }
    return `no method for ${OPERATION.method} ${OPERATION.path} in the model`;
  } catch (err) {
    return `the model could not be built: ${String((err as Error).message ?? err).split('\n')[0]}`;
  }
}

const BARE_CONSUMER = `import createClient from 'openapi-fetch';
import type { paths } from 'github-openapi-types';
const client = createClient<paths>({ baseUrl: 'https://api.github.com' });
const { data } = await client.GET('/repos/{owner}/{repo}', { params: { path: { owner: 'octocat', repo: 'hello-world' } } });
console.log(data);
export {};
`;

export default async function (): Promise<string> {
  const heading = ["## GitHub's spec at scale", ''];
  let spec: string;
  try {
    spec = ensureGithubSpec((line) => console.log(line));
  } catch (err) {
    return [...heading, `FAIL: GitHub's spec could not be fetched: ${(err as Error).message}`].join('\n');
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-github-'));
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    const bareFile = path.join(work, 'bare.ts');
    const out = path.join(work, 'out');
    const bare: { ms: number[]; rss: number[] } = { ms: [], rss: [] };
    const ours: { ms: number[]; rss: number[] } = { ms: [], rss: [] };
    let refused: string | undefined;
    let bareFailed: string | undefined;
    // Interleaved, each a fresh process through the same loader (tsx), as bench/cases/generate.ts does.
    for (let i = 0; i < RUNS && !bareFailed; i++) {
      const b = await measured('bench/bare-openapi-typescript.ts', [spec, bareFile], path.join(work, 'rss-bare'));
      if (b.code !== 0 || b.timedOut) {
        bareFailed = b.timedOut ? 'timed out' : firstErrorLine(b.stderr);
      } else {
        bare.ms.push(b.ms);
        bare.rss.push(b.maxRssKb);
      }
      if (refused) {
        continue;
      }
      const o = await measured('generator/cli.ts', ['--spec', spec, '--out', out], path.join(work, 'rss-ours'));
      if (o.code !== 0 || o.timedOut) {
        refused = o.timedOut ? `timed out after ${LIMIT_MS / 1000} s` : firstErrorLine(o.stderr);
      } else {
        ours.ms.push(o.ms);
        ours.rss.push(o.maxRssKb);
      }
    }
    const bareCell = bareFailed ? `failed: ${cell(bareFailed)}` : `${(median(bare.ms) / 1000).toFixed(1)} s`;
    if (refused) {
      rows.push(`| generation time, median of ${RUNS} | ${bareCell} | FAILED: ${cell(refused)} | - | FAIL (≤ 1.5×) |`);
      rows.push(`| peak memory (max RSS) | ${bare.rss.length ? mb(Math.max(...bare.rss)) : '-'} | - | - | reported |`);
      rows.push('| package type-checks | - | not run: generation failed | - | FAIL |');
      rows.push('| consumer calling one method: tsc | - | not run: generation failed | - | FAIL (≤ 1.0×) |');
      return table(heading, rows, notes);
    }
    const ratio = bare.ms.length ? median(ours.ms) / median(bare.ms) : NaN;
    rows.push(
      `| generation time, median of ${RUNS} | ${bareCell} | ${(median(ours.ms) / 1000).toFixed(1)} s | ${ratio.toFixed(2)}× | ${ratio <= 1.5 ? 'pass' : 'FAIL'} (≤ 1.5×) |`,
    );
    rows.push(
      `| peak memory (max RSS) | ${bare.rss.length ? mb(Math.max(...bare.rss)) : '-'} | ${mb(Math.max(...ours.rss))} | ${(Math.max(...ours.rss) / Math.max(...bare.rss)).toFixed(2)}× | reported |`,
    );

    // Our package: built as npm would ship it (its .d.ts files are what the consumer compiles against).
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
    const built = await tsc(out);
    rows.push(
      `| package type-checks (tsc -p, with emit) | - | ${built.code === 0 ? `yes (${(built.ms / 1000).toFixed(1)} s)` : `NO: ${cell(tscFailure(built))}`} | - | ${built.code === 0 ? 'pass' : 'FAIL'} |`,
    );
    const consumer = await ourConsumer(spec);
    if (built.code !== 0 || typeof consumer === 'string' || bareFailed) {
      const why =
        built.code !== 0
          ? 'the package does not type-check'
          : typeof consumer === 'string'
            ? consumer
            : 'openapi-typescript failed';
      rows.push(`| consumer calling one method: tsc | - | not run: ${cell(why)} | - | FAIL (≤ 1.0×) |`);
      return table(heading, rows, notes);
    }

    const nm = path.join(work, 'consumers/node_modules');
    mkdirSync(path.join(nm, 'github-openapi-types'), { recursive: true });
    symlinkSync(out, path.join(nm, consumer.packageName), 'dir');
    for (const dep of ['openapi-fetch', 'openapi-typescript-helpers']) {
      symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(nm, dep), 'dir');
    }
    writeFileSync(
      path.join(nm, 'github-openapi-types/package.json'),
      JSON.stringify({ name: 'github-openapi-types', type: 'module', types: './index.d.ts' }),
    );
    writeFileSync(path.join(nm, 'github-openapi-types/index.d.ts'), readFileSync(bareFile, 'utf8'));
    for (const skipLibCheck of [true, false]) {
      const dirs: Record<'ours' | 'bare', string> = { ours: '', bare: '' };
      for (const [name, source] of [
        ['ours', consumer.source],
        ['bare', BARE_CONSUMER],
      ] as const) {
        const dir = path.join(work, 'consumers', `${name}-${skipLibCheck}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'index.ts'), source);
        writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
        writeFileSync(
          path.join(dir, 'tsconfig.json'),
          JSON.stringify({ compilerOptions: { ...STRICT_OPTIONS, skipLibCheck }, files: ['index.ts'] }),
        );
        dirs[name] = dir;
      }
      const times: Record<'ours' | 'bare', number[]> = { ours: [], bare: [] };
      let failed: string | undefined;
      for (let i = 0; i < CONSUMER_RUNS && !failed; i++) {
        for (const name of ['bare', 'ours'] as const) {
          const r = await tsc(dirs[name]);
          if (r.code !== 0) {
            failed = `${name === 'ours' ? 'our' : 'the openapi-fetch'} consumer does not type-check: ${tscFailure(r)}`;
          }
          times[name].push(r.ms);
        }
      }
      const label = `consumer calling one method: tsc, skipLibCheck ${skipLibCheck ? 'on' : 'off'}, median of ${CONSUMER_RUNS}`;
      if (failed) {
        rows.push(`| ${label} | - | FAILED: ${cell(failed)} | - | FAIL (≤ 1.0×) |`);
      } else {
        const r = median(times.ours) / median(times.bare);
        rows.push(
          `| ${label} | ${(median(times.bare) / 1000).toFixed(1)} s | ${(median(times.ours) / 1000).toFixed(1)} s | ${r.toFixed(2)}× | ${r <= 1.0 ? 'pass' : 'FAIL'} (≤ 1.0×) |`,
        );
      }
    }
    notes.push(
      `Our consumer is the example our docs show for \`${OPERATION.method} ${OPERATION.path}\`; the other calls the same operation with \`createClient<paths>\` over openapi-typescript's output.`,
    );
    return table(heading, rows, notes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function table(heading: string[], rows: string[], notes: string[]): string {
  return [
    ...heading,
    `\`api.github.com.json\` from the corpus cache (\`make corpus\` fetches it; so does this case). Each generation is a fresh process through tsx, interleaved with bare openapi-typescript (Node API); peak memory is each process's max RSS (the esbuild helper tsx starts is not counted, for either).`,
    '',
    '| measure | bare openapi-typescript | this project | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}
