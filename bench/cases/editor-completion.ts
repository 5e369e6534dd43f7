// Editor experience for people who use the package: the time to the first completion after `cc.networks.` in a
// consumer project that imports the built package (its .d.ts files, as npm would install them), from a fresh
// language server (cold: the server starts, loads the project, answers) and again in the same server after an
// edit (warm). Baseline, in the same run and interleaved: the same request in a project that imports nothing
// from the package (a local object with the same shape of access). Servers: TypeScript 5.9's tsserver and
// TypeScript 7's native `tsgo --lsp`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLsp } from '../editor/lsp.js';
import { startTsServer } from '../editor/tsserver.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const TSSERVER = path.join(ROOT, 'node_modules/typescript/lib/tsserver.js');
// TypeScript 7's language server, from @typescript/native-preview (a devDependency; `typescript@7` has no tsserver):
// its platform package's binary, as an editor starts it, without the Node shim in front.
const NATIVE = path.join(ROOT, 'node_modules/@typescript');
const TSGO = path.join(NATIVE, `native-preview-${process.platform}-${process.arch}`, 'lib/tsgo');
const TSGO_VERSION = (
  JSON.parse(readFileSync(path.join(NATIVE, 'native-preview/package.json'), 'utf8')) as { version: string }
).version;
const COLD_RUNS = 5;
const WARM_RUNS = 9;
// The completion is asked for at the end of the last line.
const BASELINE = 'no package (baseline)';
const PROJECTS: Record<string, string> = {
  [BASELINE]: `const cc = { networks: { list: () => [], get: (id: string) => id } };
cc.networks.`,
  ours: `import { ConfluentCloud } from 'confluent-cloud-client';
const cc = new ConfluentCloud({ apiKey: 'k', apiSecret: 's' });
cc.networks.`,
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One open file in a running server: ask for the completions at the end, or type a space on line 1. */
interface Session {
  complete(): Promise<string[]>;
  edit(): Promise<void>;
  close(): Promise<void>;
}

interface Server {
  name: string;
  /** Starts a server, opens `file` with `source`, and answers once it has done both. */
  open(file: string, source: string): Promise<Session>;
}

const end = (source: string) => {
  const lines = source.split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
};

const tsserver: Server = {
  name: 'tsserver 5.9',
  async open(file, source) {
    const server = startTsServer(TSSERVER);
    const { line, character } = end(source);
    // tsserver counts lines and columns from 1.
    const at = { file, line: line + 1, offset: character + 1 };
    void server.request('open', { file, fileContent: source });
    return {
      complete: async () =>
        (await server.request<{ entries: { name: string }[] }>('completionInfo', at)).entries.map((e) => e.name),
      edit: () => server.request('change', { file, line: 1, offset: 1, endLine: 1, endOffset: 1, insertString: ' ' }),
      close: () => server.close(),
    };
  },
};

const tsgo: Server = {
  name: 'tsgo 7 (native preview)',
  async open(file, source) {
    const server = await startLsp({ command: TSGO, args: ['--lsp', '--stdio'], root: path.dirname(file) });
    const uri = pathToFileURL(file).href;
    let text = source;
    let version = 1;
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
    type Items = { label: string }[];
    return {
      complete: async () => {
        const r = await server.request<Items | { items: Items }>('textDocument/completion', {
          textDocument: { uri },
          position: end(text),
        });
        return (Array.isArray(r) ? r : r.items).map((i) => i.label);
      },
      edit: async () => {
        text = ` ${text}`;
        version += 1;
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      },
      close: () => server.close(),
    };
  },
};

/** Cold: spawn to the first answer. Warm: the same server, an edit, then the request again. */
async function measure(server: Server, dir: string, source: string): Promise<{ cold: number; warm: number[] }> {
  const file = path.join(dir, 'index.ts');
  const started = performance.now();
  const session = await server.open(file, source);
  try {
    const first = await session.complete();
    const cold = performance.now() - started;
    if (!first.includes('list')) {
      throw new Error(`${server.name}: no \`list\` among the completions in ${dir}: ${first.join(', ')}`);
    }
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      // An edit on the first line (the request is on the last), so the answer cannot come from an unchanged program.
      await session.edit();
      const t = performance.now();
      await session.complete();
      warm.push(performance.now() - t);
    }
    return { cold, warm };
  } finally {
    await session.close();
  }
}

export default async function (): Promise<string> {
  const built = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'generated/tsconfig.json')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`building generated/ failed:\n${built.stdout}`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-editor-'));
  try {
    const nm = path.join(work, 'node_modules');
    mkdirSync(nm);
    symlinkSync(path.join(ROOT, 'generated'), path.join(nm, 'confluent-cloud-client'), 'dir');
    for (const dep of ['openapi-fetch', 'openapi-typescript-helpers']) {
      symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(nm, dep), 'dir');
    }
    const dirs: Record<string, string> = {};
    for (const [name, source] of Object.entries(PROJECTS)) {
      const dir = path.join(work, name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'index.ts'), source);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
      };
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }));
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      dirs[name] = dir;
    }
    const rows: string[] = [];
    for (const server of [tsserver, tsgo]) {
      const cold: Record<string, number[]> = Object.fromEntries(Object.keys(PROJECTS).map((k) => [k, []]));
      const warm: Record<string, number[]> = Object.fromEntries(Object.keys(PROJECTS).map((k) => [k, []]));
      for (let i = 0; i < COLD_RUNS; i++) {
        for (const [name, dir] of Object.entries(dirs)) {
          const r = await measure(server, dir, PROJECTS[name]!);
          cold[name]!.push(r.cold);
          warm[name]!.push(...r.warm);
        }
      }
      const base = { cold: median(cold[BASELINE]!), warm: median(warm[BASELINE]!) };
      for (const name of Object.keys(PROJECTS)) {
        const c = median(cold[name]!);
        const w = median(warm[name]!);
        const ratios = `${(c / base.cold).toFixed(2)}× | ${w.toFixed(1)} | ${(w / base.warm).toFixed(2)}×`;
        rows.push(`| ${server.name} | ${name} | ${c.toFixed(0)} | ${ratios} |`);
      }
    }
    return [
      '## Editor completion',
      '',
      `Time to the completions after \`cc.networks.\` in a consumer of the built package: TypeScript 5.9's tsserver (its stdio protocol) and TypeScript 7's \`tsgo --lsp --stdio\` (@typescript/native-preview ${TSGO_VERSION}, LSP). Cold: a fresh server, from spawn to the answer (median of ${COLD_RUNS}, interleaved with the baseline). Warm: the same server after a one-character edit (median of ${COLD_RUNS} × ${WARM_RUNS}). Baseline: the same request, same server, in a project that imports nothing from the package.`,
      '',
      '| server | project | cold (ms) | cold vs baseline | warm (ms) | warm vs baseline |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      'Target: none set yet (issue 23 asks for the figures).',
    ].join('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
