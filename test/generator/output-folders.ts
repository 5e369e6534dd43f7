// Shared by the write tests: real folders in a temp dir, small specs that differ in the files they generate,
// and the CLI run as a child process (its one-line messages and exit codes are what users see).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file under `dir` (dotfiles, .git and node_modules included) with its content. */
export function tree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  const rel = (d: (typeof files)[number]): string =>
    path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/');
  return Object.fromEntries(files.map((d) => [rel(d), readFileSync(path.join(d.parentPath, d.name), 'utf8')]).sort());
}

/** Writes `files` (posix path → content) under `dir`. */
export function plant(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** A user's own files, as found in a project folder. */
export const USER_FILES = {
  'src/main.ts': "import { PetsClient } from './index.js';\nconsole.log(PetsClient);\n",
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'pets-client-1.0.0.tgz': 'a packed tarball\n',
  'node_modules/dep/index.js': 'module.exports = 1;\n',
  'dist/index.js': 'export {};\n',
} as const;

const spec = (options: { title: string; pkg: string; resources: string[] }): string =>
  [
    'openapi: 3.0.3',
    `info: { title: ${options.title}, version: '1', x-sdk: { package: ${options.pkg}, client: PetsClient } }`,
    'paths:',
    ...options.resources.flatMap((r) => [
      `  /${r}:`,
      '    get:',
      `      operationId: list${r[0]!.toUpperCase()}${r.slice(1)}`,
      `      tags: [${r}]`,
      "      responses: { '200': { description: OK, content: { application/json: { schema: { type: object } } } } }",
    ]),
    '',
  ].join('\n');

/** Three specs: `v1` and `v2` are one API (v2 drops `owners` and adds `toys`); `foreign` is another API. */
export function writeSpecs(): { v1: string; v2: string; foreign: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-specs-'));
  const specs = {
    v1: spec({ title: 'Pets API', pkg: 'pets-client', resources: ['pets', 'owners'] }),
    v2: spec({ title: 'Pets API', pkg: 'pets-client', resources: ['pets', 'toys'] }),
    foreign: spec({ title: 'Billing API', pkg: 'billing-client', resources: ['invoices'] }),
  };
  for (const [name, text] of Object.entries(specs)) {
    writeFileSync(path.join(dir, `${name}.yaml`), text);
  }
  return { v1: path.join(dir, 'v1.yaml'), v2: path.join(dir, 'v2.yaml'), foreign: path.join(dir, 'foreign.yaml') };
}

/** `node --import tsx generator/cli.ts ...args` from the repository root, optionally under a umask. */
export function cli(args: string[], options: { umask?: string } = {}): SpawnSyncReturns<string> {
  const node = [process.execPath, '--import', 'tsx', 'generator/cli.ts', ...args];
  if (!options.umask) {
    return spawnSync(node[0]!, node.slice(1), { cwd: ROOT, encoding: 'utf8' });
  }
  return spawnSync('sh', ['-c', `umask ${options.umask} && exec "$@"`, 'sh', ...node], { cwd: ROOT, encoding: 'utf8' });
}
